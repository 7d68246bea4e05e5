/** The trends panel in real Chromium: brush → time clause, crossfilter, keyword trend, toggles. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launch, makeFixture, ROOT, serve, TMP, type StaticServer } from './harness.ts';

const run = promisify(execFile);
let browser: Browser;
let server: StaticServer;
let page: Page;

interface AtlasWindow {
  __atlas: {
    state: {
      timeRange: [number, number] | null;
      query: string;
      colorBy: string;
      clauses: { source: string; mask: Uint8Array }[];
      artifact: { bin: Int16Array; n: number };
    };
  };
}

beforeAll(async () => {
  // Own build dir: the other e2e files build into tmp/e2e/dist from other workers.
  const dist = join(TMP, 'trends-dist');
  const [, fixture] = await Promise.all([
    run('npx', ['vite', 'build', '--config', 'vite.config.ts', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      env: { ...process.env, ATLAS_ARTIFACT: 'none' },
    }),
    makeFixture(join(TMP, 'fixture-trends')),
  ]);
  server = await serve(dist);
  server.mounts.set('t', fixture);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${server.url}?artifact=./a/t/`);
  await page.waitForFunction(() => document.body.dataset.mapPainted === '1', null, { timeout: 60_000 });
  await page.waitForSelector('#trends .trend-brush .overlay');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const seriesPaths = (p: Page) => p.$$eval('#trends .trend-chart path', (els) => els.map((e) => e.getAttribute('d')));

describe('trends panel', () => {
  it('brushing publishes a time clause whose mask is exactly the brushed bins, without redrawing its own series', async () => {
    const before = await seriesPaths(page);
    expect(before.length).toBeGreaterThan(0);
    const box = (await page.locator('#trends .trend-brush .overlay').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    const check = await page.evaluate(() => {
      const s = (window as unknown as AtlasWindow).__atlas.state;
      const c = s.clauses.find((x) => x.source === 'time');
      if (!c || !s.timeRange) return null;
      let wrong = 0;
      let pass = 0;
      for (let i = 0; i < s.artifact.n; i++) {
        const b = s.artifact.bin[i]!;
        const want = b >= s.timeRange[0] && b <= s.timeRange[1] ? 1 : 0;
        if (c.mask[i] !== want) wrong++;
        pass += c.mask[i]!;
      }
      return { range: s.timeRange, wrong, pass };
    });
    expect(check).not.toBeNull();
    expect(check!.wrong).toBe(0);
    expect(check!.pass).toBeGreaterThan(0);
    expect(check!.range[0]).toBeLessThan(check!.range[1]);
    expect(await seriesPaths(page)).toEqual(before);
    await expect.poll(() => page.locator('[data-testid=time-range]').count()).toBe(1);
  });

  it('a drag publishes each period from pointerrawupdate, before d3-brush sees the frame-aligned mousemove, and d3 agrees', async () => {
    await page.evaluate(() => {
      const w = window as unknown as AtlasWindow & { __ahead: { raw: number; steps: [string, string][] } };
      const rec: { raw: number; steps: [string, string][] } = (w.__ahead = { raw: 0, steps: [] });
      window.addEventListener('pointerrawupdate', () => rec.raw++, true);
      // Capture phase: runs before d3-brush's window listener; the timeout after the whole dispatch
      // (a microtask would run between listeners, before d3's).
      window.addEventListener(
        'mousemove',
        (e) => {
          if (!e.buttons) return;
          const before = JSON.stringify(w.__atlas.state.timeRange);
          setTimeout(() => rec.steps.push([before, JSON.stringify(w.__atlas.state.timeRange)]), 0);
        },
        true,
      );
    });
    const box = (await page.locator('#trends .trend-brush .overlay').boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.05, y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) {
      await page.mouse.move(box.x + box.width * (0.05 + i * 0.025), y);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    await page.mouse.up();
    const rec = await page.evaluate(() => (window as unknown as { __ahead: { raw: number; steps: [string, string][] } }).__ahead);
    expect(rec.raw).toBeGreaterThanOrEqual(8);
    expect(rec.steps.length).toBeGreaterThanOrEqual(8);
    // d3's own handling of every move left the range the raw update had already published.
    for (const [before, after] of rec.steps) expect(before).toBe(after);
    const ranges = new Set(rec.steps.map(([, after]) => after));
    expect(ranges.size).toBeGreaterThan(2);
  });

  it('a keyword filter changes the series and shows the keyword trend', async () => {
    const before = await seriesPaths(page);
    await page.evaluate(() => ((window as unknown as AtlasWindow).__atlas.state.query = 'agent'));
    await page.waitForSelector('#trends .keyword-trend');
    expect(await seriesPaths(page)).not.toEqual(before);
    // One tooltip for the share line and the heat rows (drawn on a canvas, not per-cell titles).
    const hit = (await page.locator('#trends .keyword-trend .hit').boundingBox())!;
    await page.mouse.move(hit.x + hit.width * 0.9, hit.y + 30);
    await expect.poll(() => page.locator('#trends .keyword-trend .tip').textContent()).toMatch(/^\S.*: \d+ of \d+ papers \(/);
    await page.mouse.move(hit.x + hit.width * 0.9, hit.y + 70 + 6 + 5);
    await expect.poll(() => page.locator('#trends .keyword-trend .tip').textContent()).toMatch(/ · .*: \d+ of \d+ \(/);
    expect(await page.locator('#trends .keyword-trend canvas.heat').evaluate((c: HTMLCanvasElement) => c.height)).toBeGreaterThan(0);
    await page.mouse.move(0, 0);
    await page.waitForSelector('#trends .keyword-trend .tip', { state: 'detached' });
    await page.evaluate(() => ((window as unknown as AtlasWindow).__atlas.state.query = ''));
    await page.waitForSelector('#trends .keyword-trend', { state: 'detached' });
  });

  it('clearing the range chip removes the time clause; the toggle sets colorBy', async () => {
    await page.click('[data-testid=time-range] button');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as AtlasWindow).__atlas.state.clauses.some((c) => c.source === 'time')))
      .toBe(false);
    expect(await page.evaluate(() => (window as unknown as AtlasWindow).__atlas.state.timeRange)).toBeNull();
    await page.click('.color-by-time input');
    expect(await page.evaluate(() => (window as unknown as AtlasWindow).__atlas.state.colorBy)).toBe('time');
  });
});

describe('headlines on the bundled 74 papers (nothing passes BH)', () => {
  it('headlines nothing, lists the tested clusters collapsed as not significant with their interval, and states the rules', async () => {
    const panel = page.locator('#trends .emerging');
    await expect.poll(() => panel.locator('[data-testid=emerging-clusters] .empty').textContent()).toBe('none significant at q < 0.05');
    expect(await panel.locator('[data-testid=declining-clusters] .empty').textContent()).toBe('none significant at q < 0.05');
    expect(await panel.locator('[data-testid=emerging-clusters] li').count()).toBe(0);
    expect(await panel.locator('[data-testid=rising-terms] li').count()).toBe(0);
    const details = panel.locator('[data-testid=clusters-not-significant]');
    expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    const summary = (await details.locator('summary').textContent())!;
    const n = Number(summary.match(/Not significant \((\d+) clusters?, q ≥ 0.05\)/)![1]);
    expect(n).toBeGreaterThan(0);
    expect(await details.locator('li').first().isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    const rows = await details.locator('li').allTextContents();
    expect(rows).toHaveLength(n);
    for (const r of rows) expect(r).toMatch(/[+−±][\d.]+ %\/yr.*95% CI (> \+500|[+−±][\d.]+) to (> \+500|[+−±][\d.]+) %\/yr · q 0\.\d{3}/);
    // Clusters too small to test are counted with the rule, never listed; tested and untested make up the level.
    const untestedLine = panel.locator('[data-testid=clusters-untested]');
    let untested = 0;
    if ((await untestedLine.count()) > 0) {
      const text = (await untestedLine.textContent())!;
      expect(text).toMatch(/^\d+ clusters? not tested: fewer than 10 papers or 4 periods with papers\.$/);
      untested = Number(text.match(/^(\d+)/)![1]);
    }
    const k = Number((await page.locator('.clusters .count').count()));
    expect(n + untested).toBe(k);
    expect((await panel.locator('[data-testid=term-family]').textContent())!.replace(/\s+/g, ' ')).toMatch(
      /Terms tested in two families at q < 0.025 each, flagged by either: all \d+ terms in ≥ 20 papers, and \(no default-level cluster passed\) no term within a cluster\./,
    );
    // No rate anywhere with more than three digits.
    expect(await panel.textContent()).not.toMatch(/\d{4,} %\/yr|\d,\d{3} %\/yr/);
    await details.locator('summary').click();
  });

  it('starts the axis after the 2019 straggler, says so, and shows it on demand', async () => {
    const ticks = () => page.$$eval('#trends .trend-chart .axis text', (els) => els.map((e) => e.textContent ?? '').filter((t) => /\d{4} Q\d/.test(t)));
    expect((await ticks())[0]).toBe('2022 Q1');
    const toggle = page.locator('#trends .tail-toggle');
    expect(await toggle.textContent()).toMatch(/\+ 1 earlier \(from 2019 Q4\)/);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await expect.poll(async () => (await ticks())[0]).toBe('2019 Q4');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await expect.poll(async () => (await ticks())[0]).toBe('2022 Q1');
  });
});
