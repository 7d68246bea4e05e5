/**
 * Keyboard, screen-reader and layout checks in real Chromium on the bundled
 * corpus: the map, the time brush and the trends splitter by keyboard, the Tab
 * order and skip links, axe-core with no serious or critical violation, and
 * no clipped control text at 1280×720 and 1920×1080 (screenshots of both in
 * out/screenshots/).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildApp, launch, makeFixture, ROOT, serve, TMP, type StaticServer } from './harness.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SHOTS = join(ROOT, 'out/screenshots');
/** SCREENSHOT_ARTIFACT=/path/to/artifact also runs the layout checks on a large artifact. */
const LARGE = process.env.SCREENSHOT_ARTIFACT ? resolve(ROOT, process.env.SCREENSHOT_ARTIFACT) : null;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const [dist, fixture] = await Promise.all([buildApp(), makeFixture(join(TMP, 'fixture-a11y'))]);
  server = await serve(dist);
  server.mounts.set('ok', fixture);
  if (LARGE) server.mounts.set('large', LARGE);
  await mkdir(SHOTS, { recursive: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(hash = '', viewport = { width: 1400, height: 880 }, context?: BrowserContext, artifact = 'ok'): Promise<Page> {
  const page = await (context ?? browser).newPage({ viewport });
  await page.goto(`${server.url}?artifact=./a/${artifact}/${hash}`);
  await page.waitForFunction(() => document.body.dataset.mapPainted === '1', undefined, { timeout: 20_000 });
  await page.evaluate(() => window.__atlas.searchReady);
  await page.waitForSelector('[data-testid=time-brush]');
  return page;
}

const state = (page: Page) =>
  page.evaluate(() => {
    const s = window.__atlas.state;
    return { zoom: s.zoom, paper: s.selectedPaper, timeRange: s.timeRange, clusters: s.selectedClusters };
  });
const passing = async (page: Page) => Number((await page.locator('[data-testid=passing-count] b').innerText()).replace(/\D/g, ''));
const announced = (page: Page) => page.locator('[data-testid=map-announce]').innerText();

interface AxeResult {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}
async function axe(page: Page): Promise<AxeResult[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: AxeResult[] }> } }).axe.run;
    const r = await run(document);
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/**
 * Controls whose text does not fit: wider than their own box (when they do not
 * ellipsise on purpose), or cut by an ancestor that hides overflow, or off the
 * window, or lying over another control. Content of a scrolling box counts as
 * reachable.
 */
function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const sel = 'button, label, summary, a, h1, h2, h3, h4, h5, .chip, [role=slider], [role=separator]';
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      if (el.closest('.skip, .sr-only')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const cs = getComputedStyle(el);
      const name = `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      if (cs.display !== 'inline' && cs.textOverflow !== 'ellipsis' && el.scrollWidth > el.clientWidth + 1) {
        out.push(`${name}: text ${el.scrollWidth}px in a ${el.clientWidth}px box`);
        continue;
      }
      // Buttons in the header strips hold one line: a wrapped one ("coarse" over "14") is squeezed.
      if (el.tagName === 'BUTTON' && el.closest('header, .map-hint, .map-corner') && r.height > 2.2 * parseFloat(cs.fontSize)) {
        out.push(`${name}: wraps onto a second line`);
        continue;
      }
      let scrolls = false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const ps = getComputedStyle(p);
        const o = `${ps.overflowX} ${ps.overflowY}`;
        if (/auto|scroll/.test(o)) {
          scrolls = true;
          break;
        }
        if (/hidden|clip/.test(o)) {
          const pr = p.getBoundingClientRect();
          if (r.left < pr.left - 1 || r.right > pr.right + 1 || r.top < pr.top - 1 || r.bottom > pr.bottom + 1) {
            out.push(`${name}: cut by ${p.tagName.toLowerCase()}.${p.className.split(' ')[0]}`);
            break;
          }
        }
      }
      if (!scrolls && (r.left < -1 || r.right > innerWidth + 1 || r.top < -1 || r.bottom > innerHeight + 1)) out.push(`${name}: off the window`);
    }
    // Controls laid over one another where views share a strip: the header, the map's corner, the trends panel's top.
    const strips = ['header.top', '.map-hint', '.map-corner', '#trends header', '#trends .status', '#trends .tail-toggle'];
    const items = [
      ...document.querySelectorAll<HTMLElement>('.map-hint, .map-corner'),
      ...strips.flatMap((s) => [...document.querySelectorAll<HTMLElement>(`${s} button, ${s} label, ${s} .chip, ${s} .count, ${s}.tail-toggle`)]),
    ];
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const [p, q] = [items[i]!, items[j]!];
        if (p.contains(q) || q.contains(p)) continue;
        const a = p.getBoundingClientRect();
        const b = q.getBoundingClientRect();
        if (a.width && b.width && a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
          out.push(`"${(p.textContent ?? '').trim().slice(0, 30)}" overlaps "${(q.textContent ?? '').trim().slice(0, 30)}"`);
        }
      }
    }
    return out;
  });
}

describe('accessibility', () => {
  it('has no serious or critical axe-core violation, loaded and with a query, a selection and a period', async () => {
    const moderate: string[] = [];
    for (const hash of ['', '#q=agent&c=1&p=3&t=8-11', '#lv=fine&col=time&dens=1']) {
      const page = await open(hash, { width: 1280, height: 720 });
      await page.waitForTimeout(300);
      const violations = await axe(page);
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), `page ${hash || '(default)'}`).toEqual([]);
      moderate.push(...violations.filter((v) => !bad.includes(v)).map((v) => `${hash || '(default)'} ${v.impact} ${v.id} (${v.nodes.length})`));
      await page.close();
    }
    console.log(`axe-core, not serious: ${moderate.length ? moderate.join('; ') : 'none'}`);
  });

  it('shows the skip links on focus, moves focus with them, and reaches the map within 12 Tab presses', async () => {
    const page = await open();
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip a:focus');
    expect(await skip.innerText()).toBe('Skip to search');
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.height > 10).toBe(true);
    await page.keyboard.press('Tab');
    expect(await skip.innerText()).toBe('Skip to map');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('topic-map');
    // A skip link moves focus and leaves the URL (the view state) alone.
    expect(page.url()).not.toContain('topic-map');
    await page.close();

    const fresh = await open();
    let presses = 0;
    while (presses < 40 && (await fresh.evaluate(() => document.activeElement?.id)) !== 'topic-map') {
      await fresh.keyboard.press('Tab');
      presses++;
    }
    expect(presses).toBeLessThanOrEqual(12);
    await fresh.close();
  });

  it('pans, zooms and resets the map by keyboard, opens the paper nearest the centre with Enter', async () => {
    const page = await open();
    await page.focus('#topic-map');
    const z0 = (await state(page)).zoom;
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const z1 = (await state(page)).zoom;
    expect(z1.k).toBe(z0.k);
    expect(z1.x).toBeCloseTo(z0.x - 60, 5);
    expect(z1.y).toBeCloseTo(z0.y - 60, 5);
    await page.keyboard.press('=');
    await page.keyboard.press('+');
    const z2 = (await state(page)).zoom;
    expect(z2.k).toBeCloseTo(z1.k * 2.25, 5);
    expect(await announced(page)).toBe('Zoom 2.3×');
    await page.keyboard.press('-');
    expect((await state(page)).zoom.k).toBeCloseTo(z1.k * 1.5, 5);
    await page.keyboard.press('0');
    expect((await state(page)).zoom).toEqual({ k: 1, x: 0, y: 0 });

    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=doc-abstract]');
    const title = (await page.locator('[data-testid=doc-title]').innerText()).trim();
    expect(title.length).toBeGreaterThan(5);
    expect(await announced(page)).toBe(`Opened: ${title}`);
    expect((await state(page)).paper).not.toBeNull();
    // The focus ring and the centre mark show while the map has keyboard focus.
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('topic-map')!).outlineStyle)).toBe('solid');
    expect(await page.locator('#topic-map .centre').isVisible()).toBe(true);

    await page.keyboard.press('Escape');
    expect((await state(page)).paper).toBeNull();
    expect(await announced(page)).toBe('Selection cleared');
    await page.close();
  });

  it('steps through the papers matching a query with n and p, moving the view to each', async () => {
    const page = await open();
    await page.fill('#kw', 'agent');
    await page.waitForSelector('[data-testid=keyword-count]');
    const matches = await passing(page);
    expect(matches).toBeGreaterThan(2);
    expect(matches).toBeLessThan(74);
    await page.focus('#topic-map');
    const seen: number[] = [];
    for (let i = 1; i <= 3; i++) {
      await page.keyboard.press('n');
      const s = await state(page);
      expect(await announced(page)).toMatch(new RegExp(`^Match ${i} of ${matches}: .{5,}`));
      expect(s.zoom.k).toBeGreaterThanOrEqual(4);
      seen.push(s.paper!);
    }
    expect(new Set(seen).size).toBe(3);
    // Every visited paper matches the query.
    const pass = await page.evaluate((ids) => ids.map((i) => window.__atlas.state.filterIndex()!.passes(i)), seen);
    expect(pass).toEqual([true, true, true]);
    await page.keyboard.press('p');
    expect((await state(page)).paper).toBe(seen[1]);
    expect(await announced(page)).toMatch(new RegExp(`^Match 2 of ${matches}:`));
    await page.waitForSelector('[data-testid=doc-title]');
    await page.close();
  });

  it('moves, resizes, jumps and clears the time brush by keyboard, filtering the map', async () => {
    const page = await open();
    const brush = page.locator('[data-testid=time-brush]');
    const nBins = Number(await brush.getAttribute('aria-valuemax')) + 1;
    const first = Number(await brush.getAttribute('aria-valuemin'));
    await brush.focus();
    await page.keyboard.press('ArrowRight');
    expect((await state(page)).timeRange).toEqual([first, first]);
    const one = await passing(page);
    expect(one).toBeLessThan(74);
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    expect((await state(page)).timeRange).toEqual([first, first + 2]);
    expect(await passing(page)).toBeGreaterThanOrEqual(one);
    expect(await brush.getAttribute('aria-valuetext')).toMatch(/ – .*\(3 \w+s\)$/);
    await page.keyboard.press('ArrowRight');
    expect((await state(page)).timeRange).toEqual([first + 1, first + 3]);
    await page.keyboard.press('End');
    expect((await state(page)).timeRange).toEqual([nBins - 3, nBins - 1]);
    await page.keyboard.press('Home');
    expect((await state(page)).timeRange).toEqual([first, first + 2]);
    // The brush on the chart follows: its selection rectangle spans three periods' width.
    const w = await page.locator('.trend-brush .selection').evaluate((el) => Number(el.getAttribute('width')));
    expect(w).toBeGreaterThan(10);
    expect(await page.locator('[data-testid=time-range]').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect((await state(page)).timeRange).toBeNull();
    expect(await passing(page)).toBe(74);
    await page.close();
  });

  it('resizes the trends panel with the splitter by keyboard and mouse, keeps the size, and redraws the map sharp at its new size', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 880 } });
    const page = await open('', { width: 1400, height: 880 }, context);
    const trends = page.locator('#trends');
    const h0 = (await trends.boundingBox())!.height;
    const mapBefore = await page.evaluate(() => document.querySelector('canvas.topic-map')!.clientHeight);
    const split = page.locator('[data-testid=trends-splitter]');
    await split.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await trends.boundingBox())!.height).toBeCloseTo(h0 + 60, 0);
    expect(Number(await split.getAttribute('aria-valuenow'))).toBe(Math.round(h0 + 60));

    const b = (await split.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 - 50, { steps: 5 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 - 100, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await trends.boundingBox())!.height).toBeCloseTo(h0 + 160, 0);

    // The map took the rest of the column, and its canvas backing store matches its new CSS size (no stretched, blurry image).
    await page.waitForTimeout(200);
    const map = await page.evaluate(() => {
      const c = document.querySelector('canvas.topic-map') as HTMLCanvasElement;
      const r = Math.max(1, Math.min(2, devicePixelRatio));
      return { css: c.clientHeight, backing: c.height, want: Math.round(c.clientHeight * r), painted: window.__atlas.paintCount };
    });
    expect(map.css).toBeCloseTo(mapBefore - 160, 0);
    expect(map.backing).toBe(map.want);

    const again = await open('', { width: 1400, height: 880 }, context);
    expect((await again.locator('#trends').boundingBox())!.height).toBeCloseTo(h0 + 160, 0);
    await context.close();
  });
});

describe.each([['ok'], ...(LARGE ? [['large']] : [])])('layout (%s)', (artifact) => {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    it(`clips no control text at ${width}×${height} (screenshots in out/screenshots/)`, async () => {
      const page = await open('', { width, height }, undefined, artifact);
      await page.waitForTimeout(300);
      const tag = `${artifact === 'ok' ? 'dashboard' : artifact}-${width}x${height}`;
      await page.screenshot({ path: join(SHOTS, `${tag}.png`) });
      expect(await clippedControls(page)).toEqual([]);
      // With filters on, chips in the header and a paper open.
      await page.fill('#kw', 'agent');
      await page.locator('.clusters li:not(.empty)').first().locator('.row').click();
      await page.locator('[data-testid=paper-list] button').first().click();
      await page.locator('[data-testid=time-brush]').focus();
      await page.keyboard.press('ArrowRight');
      for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.waitForSelector('[data-testid=doc-abstract]');
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, `${tag}-filtered.png`) });
      expect(await clippedControls(page)).toEqual([]);
      expect(await page.locator('label.color-by-time').isVisible()).toBe(true);
      await page.close();
    });
  }
});
