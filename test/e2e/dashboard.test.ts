/** The dashboard in real Chromium against a built app and a generated artifact. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildApp, launch, makeFixture, serve, setTitle, TMP, type StaticServer } from './harness.ts';

const PAYLOAD = '<img src=x onerror=alert(1)>';
let browser: Browser;
let server: StaticServer;
/** The best representative of the default level's largest cluster: first in the unfiltered paper list. */
let xssPaper = 0;

beforeAll(async () => {
  const base = join(TMP, 'fixture-e2e');
  const [dist, fixture] = await Promise.all([buildApp(), makeFixture(base)]);
  server = await serve(dist);
  server.mounts.set('ok', fixture);

  const xss = join(TMP, 'fixture-xss');
  await rm(xss, { recursive: true, force: true });
  await cp(fixture, xss, { recursive: true });
  const fm = JSON.parse(await readFile(join(fixture, 'manifest.json'), 'utf8'));
  const largest = [...fm.levels[fm.defaultLevel].clusters].sort((a: { size: number }, b: { size: number }) => b.size - a.size)[0];
  xssPaper = largest.representatives[0];
  await setTitle(xss, xssPaper, PAYLOAD);
  server.mounts.set('xss', xss);

  const corrupt = join(TMP, 'fixture-corrupt');
  await rm(corrupt, { recursive: true, force: true });
  await mkdir(corrupt, { recursive: true });
  const m = JSON.parse(await readFile(join(fixture, 'manifest.json'), 'utf8'));
  delete m.levels[1].clusters[2].label;
  await writeFile(join(corrupt, 'manifest.json'), JSON.stringify(m));
  server.mounts.set('corrupt', corrupt);

  const truncated = join(TMP, 'fixture-truncated');
  await rm(truncated, { recursive: true, force: true });
  await cp(fixture, truncated, { recursive: true });
  const m2 = JSON.parse(await readFile(join(fixture, 'manifest.json'), 'utf8'));
  await truncate(join(truncated, m2.columns.x.file), 100);
  server.mounts.set('truncated', truncated);

  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 880 }, acceptDownloads: true });
  await page.goto(server.url + path);
  return page;
}
async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.mapPainted === '1', undefined, { timeout: 20_000 });
  await page.evaluate(() => window.__atlas.searchReady);
}

/** Distinct saturated colours on the map canvas and how many pixels are saturated. */
async function mapPixels(page: Page): Promise<{ colors: number; saturated: number }> {
  return page.evaluate(() => {
    const c = document.querySelector('canvas.topic-map') as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    let saturated = 0;
    for (let i = 0; i < d.length; i += 4) {
      const r = d[i]!, g = d[i + 1]!, b = d[i + 2]!;
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) {
        saturated++;
        seen.add((r << 16) | (g << 8) | b);
      }
    }
    return { colors: seen.size, saturated };
  });
}

describe('dashboard', () => {
  it('paints the map in several cluster colours, and dims on a keyword', async () => {
    const page = await open('?artifact=./a/ok/');
    await ready(page);
    const before = await mapPixels(page);
    // The bundled corpus has 5 clusters at the default level; one of the palette's colours may fall under the saturation cut.
    expect(before.colors).toBeGreaterThanOrEqual(4);
    const countsBefore = await page.locator('.clusters .count').allInnerTexts();

    await page.fill('#kw', 'agent');
    await page.waitForFunction(() => document.querySelector('[data-testid=keyword-count]') !== null);
    await page.waitForTimeout(150);
    const after = await mapPixels(page);
    const countsAfter = await page.locator('.clusters .count').allInnerTexts();
    expect(countsAfter).not.toEqual(countsBefore);
    expect(after.saturated).toBeLessThan(before.saturated * 0.8);
    expect(await page.locator('.chip').count()).toBe(1);
    await page.close();
  });

  it('fills the document panel from a cluster and a paper, and round-trips the URL', async () => {
    const page = await open('?artifact=./a/ok/');
    await ready(page);
    await page.click('.granularity button:has-text("fine")');
    await page.fill('#kw', 'agent');
    const row = page.locator('.clusters li').nth(2);
    const clusterId = await row.getAttribute('data-cluster');
    await row.locator('.row').click();
    await page.locator('[data-testid=paper-list] button').first().click();
    await expect.poll(async () => (await page.locator('[data-testid=doc-abstract]').innerText()).length).toBeGreaterThan(200);
    const title = await page.locator('[data-testid=doc-title]').innerText();
    expect(title.length).toBeGreaterThan(5);
    expect(await page.locator('[data-testid=doc-abstract] mark').count()).toBeGreaterThan(0);
    // Renaming persists into the URL too.
    await row.locator('.edit').click();
    await page.fill('.rename', 'My agents');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    const url = page.url();
    expect(url).toContain('#');

    const again = await open(url.slice(server.url.length));
    await ready(again);
    expect(await again.inputValue('#kw')).toBe('agent');
    expect(await again.locator('.granularity button.on').innerText()).toContain('fine');
    expect(await again.locator(`.clusters li[data-cluster="${clusterId}"]`).getAttribute('class')).toContain('selected');
    await expect.poll(() => again.locator('[data-testid=doc-title]').innerText()).toBe(title);
    // Another browser gets the rename as a proposal, applied on request.
    expect(await again.locator(`.clusters li[data-cluster="${clusterId}"] .label`).innerText()).not.toBe('My agents');
    expect(await again.locator('[data-testid=rename-proposal]').innerText()).toContain('This link renames 1 cluster:');
    await again.locator('[data-testid=rename-proposal] button:has-text("Apply")').click();
    expect(await again.locator(`.clusters li[data-cluster="${clusterId}"] .label`).innerText()).toBe('My agents');
    const state = await again.evaluate(() => ({ c: window.__atlas.state.selectedClusters, p: window.__atlas.state.selectedPaper }));
    const orig = await page.evaluate(() => ({ c: window.__atlas.state.selectedClusters, p: window.__atlas.state.selectedPaper }));
    expect(state).toEqual(orig);

    // Esc clears the selection.
    await again.locator('h1').first().click();
    await again.keyboard.press('Escape');
    expect(await again.evaluate(() => window.__atlas.state.selectedPaper)).toBeNull();
    await page.close();
    await again.close();
  });

  it('lists representative papers unfiltered, and matching papers in a stated order with a filter', async () => {
    const page = await open('?artifact=./a/ok/');
    await ready(page);
    await expect.poll(() => page.locator('[data-testid=paper-list-heading]').innerText()).toMatch(/representative papers/i);
    const expected = await page.evaluate(() => {
      const a = window.__atlas.state.artifact!;
      const lv = a.manifest.levels[window.__atlas.state.level]!;
      const big = [...lv.clusters].sort((x, y) => y.size - x.size);
      return { first: big[0]!.representatives.slice(0, 2), second: big[1]!.representatives[0]!, titles: window.__atlas.state.titles! };
    });
    await expect.poll(() => page.locator('[data-testid=paper-list] button .t').count()).toBeGreaterThan(3);
    const shown = await page.locator('[data-testid=paper-list] button .t').allInnerTexts();
    expect(shown.slice(0, 3)).toEqual([...expected.first, expected.second].map((i) => expected.titles[i]));

    await page.fill('#kw', 'agent');
    await expect.poll(() => page.locator('[data-testid=paper-list-heading]').innerText()).toMatch(/matching the filters/i);
    expect(await page.locator('[data-testid=paper-list-order]').innerText()).toContain('Newest first');
    await expect.poll(() => page.locator('[data-testid=paper-list] button').count()).toBeGreaterThan(1);
    const dates = (await page.locator('[data-testid=paper-list] button .d').allInnerTexts()).filter((d) => d !== 'undated');
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort().reverse()).toEqual(dates);

    await page.locator('.clusters li .row').first().click();
    await expect.poll(() => page.locator('[data-testid=paper-list-order]').innerText()).toContain('representative of the selected topic first');
    await page.close();
  });

  it('shades density behind the points when toggled, and keeps it in the URL', async () => {
    const page = await open('?artifact=./a/ok/');
    await ready(page);
    const greys = () =>
      page.evaluate(() => {
        const c = document.querySelector('canvas.topic-map') as HTMLCanvasElement;
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) {
          const r = d[i]!, g = d[i + 1]!, b = d[i + 2]!;
          // Not the background (251,250,247), not a saturated point colour: the grey shade.
          if (Math.max(r, g, b) - Math.min(r, g, b) < 16 && r < 240) n++;
        }
        return n;
      });
    expect(await page.locator('.density-toggle input').isChecked()).toBe(false);
    const before = await greys();
    await page.locator('.density-toggle input').check();
    await expect.poll(greys).toBeGreaterThan(before + 5000);
    const all = await greys();
    await expect.poll(() => page.url()).toContain('dens=1');
    // With a keyword, only the matching papers are shaded: less grey.
    await page.fill('#kw', 'agent');
    await page.waitForFunction(() => document.querySelector('[data-testid=keyword-count]') !== null);
    await expect.poll(greys).toBeLessThan(all);

    const again = await open(page.url().slice(server.url.length));
    await ready(again);
    expect(await again.locator('.density-toggle input').isChecked()).toBe(true);
    await page.close();
    await again.close();
  });

  it('clicking a point on the map selects it', async () => {
    const page = await open('?artifact=./a/ok/');
    await ready(page);
    // Find a painted pixel near the map centre and click it.
    const pt = await page.evaluate(() => {
      const c = document.querySelector('canvas.topic-map') as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const r = c.getBoundingClientRect();
      let best: [number, number] | null = null, bd = Infinity;
      for (let y = 0; y < c.height; y += 2) for (let x = 0; x < c.width; x += 2) {
        const i = (y * c.width + x) * 4;
        if (Math.max(d[i]!, d[i + 1]!, d[i + 2]!) - Math.min(d[i]!, d[i + 1]!, d[i + 2]!) > 60) {
          const dd = (x - c.width / 2) ** 2 + (y - c.height / 2) ** 2;
          if (dd < bd) { bd = dd; best = [x, y]; }
        }
      }
      return best && { x: r.left + best[0] * (r.width / c.width), y: r.top + best[1] * (r.height / c.height) };
    });
    expect(pt).not.toBeNull();
    await page.mouse.move(pt!.x, pt!.y);
    await page.waitForTimeout(100);
    expect(await page.locator('.tooltip').count()).toBe(1);
    await page.mouse.click(pt!.x, pt!.y);
    await expect.poll(() => page.locator('[data-testid=doc-abstract]').count()).toBe(1);

    // Shift-drag selects an area: publishes the 'map' clause (a chip); viewState.test.ts checks the dimming.
    await page.keyboard.down('Shift');
    await page.mouse.move(pt!.x - 60, pt!.y - 60);
    await page.mouse.down();
    await page.mouse.move(pt!.x + 60, pt!.y + 60, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => page.locator('.chip').innerText()).toContain('in the box');
    const passing = await page.evaluate(() => window.__atlas.state.filterFor()!.reduce((s, v) => s + v, 0));
    expect(passing).toBeGreaterThan(0);
    expect(passing).toBeLessThan(3000);
    await page.close();
  });

  it('exports the selection as CSV and JSON, and the map as PNG', async () => {
    const page = await open('?artifact=./a/ok/');
    await ready(page);
    await page.fill('#kw', 'agent');
    await page.waitForSelector('[data-testid=keyword-count]');
    const passing = await page.evaluate(() => window.__atlas.state.filterFor()!.reduce((s, v) => s + v, 0));
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('.export button:has-text("CSV")')]);
    const text = await readFile((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('id,title,date,cluster,label,title_from_abstract');
    expect(lines.length - 1).toBe(passing);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('.export button:has-text("JSON")')]);
    expect(JSON.parse(await readFile((await json.path())!, 'utf8')).papers.length).toBe(passing);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('.export button:has-text("PNG")')]);
    const bytes = await readFile((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });

  it('keeps a script-payload title inert', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 880 } });
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${server.url}?artifact=./a/xss/#p=${xssPaper}`);
    await ready(page);
    await expect.poll(() => page.locator('[data-testid=doc-title]').innerText()).toBe(PAYLOAD);
    await expect.poll(() => page.locator('[data-testid=doc-abstract]').innerText()).toContain(PAYLOAD);
    expect(await page.locator('.doc img, #trends img').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=paper-list] button').first().innerText()).toContain(PAYLOAD);
    await page.waitForTimeout(300);
    expect(dialogs).toBe(0);
    await page.close();
  });

  it.each([
    ['corrupt', 'manifest.levels[1].clusters[2].label: missing'],
    ['truncated', 'column x'],
    ['absent', 'missing (HTTP 404)'],
  ])('shows a clear message for a %s artifact', async (name, text) => {
    const page = await open(`?artifact=./a/${name}/`);
    await page.waitForSelector('[data-testid=artifact-error]');
    const msg = await page.locator('[data-testid=artifact-error]').innerText();
    expect(msg).toContain(text);
    expect(await page.locator('main.error').innerText()).toContain('npm run preprocess');
    await page.close();
  });
});
