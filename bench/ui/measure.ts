/**
 * Browser-side measurements. Timestamps are the page's performance.now()
 * (origin = navigation start); input timestamps come from the events' own
 * timeStamp, taken in a capture listener installed before the app's.
 */
import type { Page } from 'playwright-core';

/** Installed with addInitScript: input timestamps, a rAF counter, paint times from window.__atlas. */
export const INIT_SCRIPT = `
// tsx compiles the page functions below with esbuild's keepNames, which calls __name().
globalThis.__name = globalThis.__name || ((f) => f);
(() => {
  const b = (window.__bench = { keyAt: 0, moveAt: 0, moveSeenAt: 0, rawAt: 0, rawSeenAt: 0, frames: 0, paints: 0, paintAt: 0 });
  document.addEventListener('keydown', (e) => { b.keyAt = e.timeStamp; }, true);
  // moveSeenAt: when the page got the event (Chromium holds mousemove for the next frame);
  // rawSeenAt: when the same movement arrived as pointerrawupdate (not held).
  window.addEventListener('mousemove', (e) => { b.moveAt = e.timeStamp; b.moveSeenAt = performance.now(); }, true);
  window.addEventListener('pointerrawupdate', (e) => { b.rawAt = e.timeStamp; b.rawSeenAt = performance.now(); }, true);
  const tick = () => { b.frames++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  // The map calls window.__atlas.markPainted on every paint (src/app/state/bench.ts); wrap it once it exists.
  const wrap = () => {
    const a = window.__atlas;
    if (!a || a.__wrapped) return !!a;
    const orig = a.markPainted;
    a.markPainted = function (ms) { orig.call(this, ms); b.paints++; b.paintAt = performance.now(); };
    a.__wrapped = true;
    return true;
  };
  if (!wrap()) {
    let v;
    Object.defineProperty(window, '__atlas', { configurable: true, get: () => v, set: (x) => { v = x; wrap(); } });
  }
})();
`;

interface BenchGlobals {
  __bench: { keyAt: number; moveAt: number; moveSeenAt: number; rawAt: number; rawSeenAt: number; frames: number; paints: number; paintAt: number };
  __atlas: {
    ready: Promise<boolean>;
    searchReady: Promise<boolean>;
    firstPaintAt: number | null;
    state: { query: string; timeRange: [number, number] | null; hoveredPaper: number | null; clauses: { source: string }[] };
  };
}
type W = Window & typeof globalThis & BenchGlobals;

/** Waits two frames and until no paint happened in the last 50 ms. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const w = window as W;
    const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
    for (let i = 0; i < 200; i++) {
      await frame();
      await frame();
      if (performance.now() - w.__bench.paintAt > 50) return;
    }
  });
}

export async function firstPaint(page: Page, url: string, timeoutMs = 120_000): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.body?.dataset.mapPainted === '1', null, { timeout: timeoutMs, polling: 'raf' });
  return page.evaluate(() => (window as W).__atlas.firstPaintAt ?? NaN);
}

export interface KeyLatency {
  query: string;
  /** keydown → map paint done (includes waiting for the frame). */
  map: number;
  /** keydown → keyword trend DOM updated; NaN when the query leaves no keyword clause. */
  trend: number;
}

/** Types the query's last character into #kw after setting the rest, and times the repaints. */
export async function keywordLatency(page: Page, query: string): Promise<KeyLatency | null> {
  const prefix = query.slice(0, -1);
  const last = query.slice(-1);
  await page.evaluate((q) => ((window as W).__atlas.state.query = q), prefix);
  await settle(page);
  await page.focus('#kw');
  const paintsBefore = await page.evaluate(() => (window as W).__bench.paints);
  await page.keyboard.type(last);
  try {
    await page.waitForFunction(
      (before) => {
        const b = (window as W).__bench;
        return b.paints > before && b.paintAt >= b.keyAt;
      },
      paintsBefore,
      { timeout: 5000, polling: 'raf' },
    );
  } catch {
    return null;
  }
  await settle(page);
  return page.evaluate((q) => {
    const w = window as W;
    const el = document.querySelector<HTMLElement>('.keyword-trend');
    const t = el?.dataset.paintedAt ? Number(el.dataset.paintedAt) : NaN;
    return { query: q, map: w.__bench.paintAt - w.__bench.keyAt, trend: t >= w.__bench.keyAt ? t - w.__bench.keyAt : NaN };
  }, query);
}

/**
 * Drags the time brush one bin width per step; per step: mouse moved (the
 * event's timeStamp) → map paint done. `inPage`, when given, collects per step
 * the part after the page first received the movement (as pointerrawupdate when
 * Chromium delivered one for it, else as the frame-aligned mousemove).
 */
export async function brushLatency(page: Page, steps: number, startFrac: number, inPage?: number[]): Promise<number[]> {
  const box = await page.locator('#trends .trend-brush .overlay').boundingBox();
  if (!box) throw new Error('no time brush overlay (#trends .trend-brush .overlay)');
  const nBins = await page.evaluate(() => (window as unknown as { __atlas: { state: { artifact: { manifest: { trends: { bins: unknown[] } } } } } }).__atlas.state.artifact.manifest.trends.bins.length);
  const stepPx = Math.max(box.width / nBins, 3) + 0.5;
  const y = box.y + box.height / 2;
  let x = box.x + box.width * startFrac;
  const out: number[] = [];
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let s = 0; s < steps && x + stepPx < box.x + box.width; s++) {
    x += stepPx;
    const before = await page.evaluate(() => (window as W).__bench.paints);
    await page.mouse.move(x, y);
    try {
      await page.waitForFunction(
        (b0) => {
          const b = (window as W).__bench;
          return b.paints > b0 && b.paintAt >= b.moveAt;
        },
        before,
        { timeout: 3000, polling: 'raf' },
      );
      const s = await page.evaluate(() => {
        const b = (window as W).__bench;
        const seen = b.rawAt === b.moveAt ? Math.min(b.rawSeenAt, b.moveSeenAt) : b.moveSeenAt;
        return { total: b.paintAt - b.moveAt, inPage: b.paintAt - seen };
      });
      out.push(s.total);
      inPage?.push(s.inPage);
    } catch {
      // the step did not change the brushed bins (or the map did not repaint): no sample
    }
  }
  await page.mouse.up();
  await page.evaluate(() => ((window as W).__atlas.state.timeRange = null));
  await settle(page);
  return out;
}

export interface Fps {
  paintsPerSec: number;
  framesPerSec: number;
  longestFrameMs: number;
  seconds: number;
}

/**
 * Scripted drag-pan then wheel-zoom over the map, one input event per animation
 * frame (generated in the page, so the input rate never limits the count):
 * fps = map paints per second while input arrives every frame.
 */
export async function panFps(page: Page, durationMs = 3000): Promise<Fps> {
  await settle(page);
  const r = await page.evaluate(async (ms) => {
    const w = window as W;
    const el = document.querySelector<SVGSVGElement>('.map svg.overlay');
    if (!el) throw new Error('no map overlay (.map svg.overlay)');
    const box = el.getBoundingClientRect();
    const cx = box.left + box.width / 2;
    const cy = box.top + box.height / 2;
    const mouse = (type: string, target: EventTarget, x: number, y: number, buttons: number) =>
      target.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true, cancelable: true, view: window, button: 0, buttons }));
    const frame = () => new Promise<number>((res) => requestAnimationFrame(res));
    await frame();
    const t0 = performance.now();
    const frames0 = w.__bench.frames;
    const paints0 = w.__bench.paints;
    let last = t0;
    let worst = 0;
    let i = 0;
    mouse('mousedown', el, cx, cy, 1);
    for (let t = await frame(); t - t0 < ms / 2; t = await frame()) {
      worst = Math.max(worst, t - last);
      last = t;
      i++;
      mouse('mousemove', window, cx + 160 * Math.sin(i / 12), cy + 90 * Math.sin(i / 17), 1);
    }
    mouse('mouseup', window, cx, cy, 0);
    for (let t = await frame(); t - t0 < ms; t = await frame()) {
      worst = Math.max(worst, t - last);
      last = t;
      i++;
      el.dispatchEvent(new WheelEvent('wheel', { clientX: cx, clientY: cy, deltaY: i % 40 < 20 ? -30 : 30, bubbles: true, cancelable: true, view: window }));
    }
    await frame();
    const t1 = performance.now();
    return { seconds: (t1 - t0) / 1000, frames: w.__bench.frames - frames0, paints: w.__bench.paints - paints0, worst };
  }, durationMs);
  await page.evaluate(() => (window as unknown as { __atlas: { state: { requestFocus(k: string): void } } }).__atlas.state.requestFocus('reset'));
  await settle(page);
  return { paintsPerSec: r.paints / r.seconds, framesPerSec: r.frames / r.seconds, longestFrameMs: r.worst, seconds: r.seconds };
}

export interface HoverSample {
  /** pointermove dispatched → handler and Svelte's DOM update done. */
  update: number;
  /** pointermove dispatched → next animation frame (what the eye sees). */
  frame: number;
}

/** Pointer moves over a grid of map positions; only moves that change the hovered paper count. */
export async function hoverLatency(page: Page, grid = 12): Promise<HoverSample[]> {
  return page.evaluate(async (g) => {
    const w = window as W;
    const el = document.querySelector<SVGSVGElement>('.map svg.overlay');
    if (!el) return [];
    const r = el.getBoundingClientRect();
    const out: { update: number; frame: number }[] = [];
    const macrotask = () =>
      new Promise<void>((res) => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => res();
        ch.port2.postMessage(0);
      });
    for (let i = 1; i < g; i++) {
      for (let j = 1; j < g; j++) {
        const x = r.left + (r.width * i) / g;
        const y = r.top + (r.height * j) / g;
        const before = w.__atlas.state.hoveredPaper;
        const t0 = performance.now();
        el.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true, buttons: 0, pointerType: 'mouse' }));
        await macrotask();
        const t1 = performance.now();
        await new Promise<void>((res) => requestAnimationFrame(() => res()));
        const t2 = performance.now();
        if (w.__atlas.state.hoveredPaper !== before) out.push({ update: t1 - t0, frame: t2 - t0 });
      }
    }
    return out;
  }, grid);
}

export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

/** Artifact bytes (response bodies) whose request started before the first map paint, by the page's resource timing. */
export async function bytesBeforePaint(page: Page, artifactPath: string): Promise<{ files: number; bytes: number; manifest: number }> {
  return page.evaluate((prefix) => {
    const paintAt = (window as W).__atlas.firstPaintAt ?? Infinity;
    const entries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (e) => e.startTime < paintAt && new URL(e.name).pathname.startsWith(prefix),
    );
    const manifest = entries.find((e) => new URL(e.name).pathname === `${prefix}manifest.json`)?.encodedBodySize ?? 0;
    return { files: entries.length, bytes: entries.reduce((s, e) => s + e.encodedBodySize, 0), manifest };
  }, artifactPath);
}
