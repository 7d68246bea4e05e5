/** Search operators, every view setting through a reload, area dimming, chips, exports and the favicon, in Chromium. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildApp, launch, realCorpus, serve, TMP, type StaticServer } from './harness.ts';

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const [dist, fixture] = await Promise.all([buildApp(), realCorpus(join(TMP, 'fixture-view-state'))]);
  server = await serve(dist);
  server.mounts.set('ok', fixture);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, errors: string[] = []): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 880 }, acceptDownloads: true });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  await page.goto(server.url + path);
  await page.waitForFunction(() => document.body.dataset.mapPainted === '1', undefined, { timeout: 20_000 });
  await page.evaluate(() => window.__atlas.searchReady);
  return page;
}

async function count(page: Page, q: string): Promise<number> {
  await page.fill('#kw', q);
  await page.waitForTimeout(60);
  return page.evaluate(() => window.__atlas.state.filterFor()?.reduce((s, v) => s + v, 0) ?? -1);
}

/** Saturated (undimmed) pixels on the map canvas. */
function saturated(page: Page): Promise<number> {
  return page.evaluate(() => {
    const c = document.querySelector('canvas.topic-map') as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.max(d[i]!, d[i + 1]!, d[i + 2]!) - Math.min(d[i]!, d[i + 1]!, d[i + 2]!) > 60) n++;
    return n;
  });
}

describe('keyword operators on the bundled corpus', () => {
  it('give counts consistent with set arithmetic, and show what is not understood', async () => {
    const page = await open('?artifact=./a/ok/');
    const n = await page.evaluate(() => window.__atlas.state.artifact!.n);
    const a = await count(page, 'agents ');
    const b = await count(page, 'skills ');
    const both = await count(page, 'agents skills ');
    const either = await count(page, 'agents OR skills ');
    const aNotB = await count(page, 'agents -skills ');
    const notA = await count(page, '-agents ');
    console.log(`74-paper corpus: agents ${a}, skills ${b}, both ${both}, OR ${either}, agents -skills ${aNotB}, -agents ${notA}`);
    expect(a).toBeGreaterThan(both);
    expect(both).toBeGreaterThan(0);
    expect(either).toBe(a + b - both);
    expect(aNotB).toBe(a - both);
    expect(await count(page, 'agents NOT skills ')).toBe(aNotB);
    expect(notA).toBe(n - a);
    expect(await page.locator('[data-testid=query-problems]').count()).toBe(0);

    // A dangling operator is listed under the input and the rest still filters.
    expect(await count(page, 'agents OR ')).toBe(a);
    expect(await page.locator('[data-testid=query-problems]').innerText()).toContain('OR: OR with nothing after it: ignored');
    await count(page, 'agents -');
    expect(await page.locator('[data-testid=query-problems]').innerText()).toContain('with nothing after it');
    await page.close();
  });
});

describe('view state', () => {
  it('keeps every view setting through a reload, and dims the map for an area', async () => {
    const errors: string[] = [];
    const page = await open('?artifact=./a/ok/', errors);
    await page.click('.granularity button:has-text("fine")');
    await page.click('button:has-text("Stacked")');
    await page.click('button:has-text("Share")');
    await page.check('.density-toggle input');
    await page.check('.color-by-time input');
    await page.click('.sort button:has-text("name")');
    await page.uncheck('.color-by-time input');
    await page.waitForTimeout(200);
    const before = await saturated(page);
    // Shift-drag a box over the middle of the map.
    const box = (await page.locator('svg.overlay').boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.keyboard.down('Shift');
    await page.mouse.move(cx - 150, cy - 120);
    await page.mouse.down();
    await page.mouse.move(cx + 20, cy + 60, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await page.waitForTimeout(200);
    const inBox = await page.evaluate(() => window.__atlas.state.filterFor()?.reduce((s, v) => s + v, 0) ?? -1);
    expect(inBox).toBeGreaterThan(0);
    expect(inBox).toBeLessThan(74);
    expect(await saturated(page)).toBeLessThan(before * 0.9);
    expect(await page.locator('.chip:has-text("area")').innerText()).toContain(`${inBox} paper`);
    await page.check('.color-by-time input');
    await page.waitForTimeout(300);

    const read = (p: Page) =>
      p.evaluate(() => {
        const s = window.__atlas.state;
        return { level: s.level, chart: s.trendMode, measure: s.trendMeasure, density: s.density, colorBy: s.colorBy, sort: s.clusterSort, area: s.area, passing: s.filterFor()?.reduce((t, v) => t + v, 0) };
      });
    const want = await read(page);
    expect(want).toMatchObject({ chart: 'stacked', measure: 'share', density: true, colorBy: 'time', sort: 'name', passing: inBox });
    const url = page.url();
    expect(url).toMatch(/chart=stacked.*measure=share.*sort=name/);
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.mapPainted === '1', undefined, { timeout: 20_000 });
    expect(await read(page)).toEqual(want);
    expect(await page.locator('.granularity button.on').innerText()).toContain('fine');
    expect(await page.locator('.sort button.on').innerText()).toBe('name');
    expect(await page.locator('button.on:has-text("Stacked")').count()).toBe(1);
    // Cluster rows in name order.
    const names = await page.locator('.clusters li .label').allInnerTexts();
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, undefined, { sensitivity: 'base', numeric: true })));
    // Esc drops the area, and its chip.
    await page.locator('h1').first().click();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.__atlas.state.area)).toBeNull();
    expect(await page.locator('.chip:has-text("area")').count()).toBe(0);
    // No favicon 404 (or any other failed request or console error).
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sorts clusters by matches, and the chip follows a rename', async () => {
    const page = await open('?artifact=./a/ok/');
    await page.fill('#kw', 'agents ');
    await page.click('.sort button:has-text("matches")');
    await page.waitForTimeout(100);
    const matches = (await page.locator('.clusters .count .match').allInnerTexts()).map((t) => Number(t.replace(/\D/g, '')));
    expect(matches.length).toBeGreaterThan(2);
    expect(matches).toEqual([...matches].sort((x, y) => y - x));
    const row = page.locator('.clusters li').first();
    await row.locator('.row').click();
    await row.locator('.edit').click();
    await page.fill('.rename', 'Agent systems');
    await page.keyboard.press('Enter');
    expect(await page.locator('.chip:has-text("cluster") .desc').innerText()).toBe('Agent systems');
    await page.close();
  });
});

describe('exports', () => {
  it('name the files after the query and date, record the filters, and give a 2× PNG with a legend', async () => {
    const page = await open('?artifact=./a/ok/');
    await count(page, 'agents -skills ');
    const passing = await page.evaluate(() => window.__atlas.state.filterFor()!.reduce((s, v) => s + v, 0));
    const day = new Date().toISOString().slice(0, 10);
    const downloads: { name: string; path: string }[] = [];
    page.on('download', async (d) => downloads.push({ name: d.suggestedFilename(), path: (await d.path())! }));
    await page.click('.export button:has-text("CSV")');
    await expect.poll(() => downloads.length, { timeout: 10_000 }).toBe(2);
    expect(downloads.map((d) => d.name).sort()).toEqual([`atlas-agents-not-skills-${day}.csv`, `atlas-agents-not-skills-${day}.filters.json`]);
    const csv = await readFile(downloads.find((d) => d.name.endsWith('.csv'))!.path, 'utf8');
    expect(csv.slice(1).split('\r\n')[0]).toBe('id,title,date,cluster,label,title_from_abstract');
    const sidecar = JSON.parse(await readFile(downloads.find((d) => d.name.endsWith('.json'))!.path, 'utf8'));
    expect(sidecar).toMatchObject({ app: 'topic-atlas', query: 'agents -skills', level: 'default', clusters: [], period: null, area: null, papers: passing, ofPapers: 74 });
    expect(sidecar.view).toContain('q=agents');

    const [png] = await Promise.all([page.waitForEvent('download'), page.click('.export button:has-text("PNG")')]);
    expect(png.suggestedFilename()).toBe(`atlas-agents-not-skills-${day}.png`);
    const bytes = await readFile((await png.path())!);
    const [w, h] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    const css = (await page.locator('canvas.topic-map').boundingBox())!;
    expect(w).toBe(Math.round(css.width * 2));
    expect(h).toBe(Math.round((css.height + 22) * 2));
    await page.close();
  });
});
