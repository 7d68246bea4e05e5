/**
 * Cluster and date colours in real Chromium: the map is painted in the
 * assignment the state exposes, the cluster list and the trends chart use the
 * same colours, adjacent clusters stay apart under simulated dichromacy, and
 * the date legend notes the papers clamped to its ends.
 * Screenshots (normal and through a deuteranopia filter) go to tmp/screens/;
 * COLOUR_SHOTS_ARTIFACT=DIR adds a large artifact to them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildApp, launch, realCorpus, ROOT, serve, syntheticArtifact, TMP, type StaticServer } from './harness.ts';
import { MACHADO, worstDeltaE } from '../../src/app/map/cvd.ts';
import { isoToDay } from '../../src/schema/artifact.ts';

const SHOTS = join(ROOT, 'tmp/screens');
const LARGE = process.env.COLOUR_SHOTS_ARTIFACT ? resolve(ROOT, process.env.COLOUR_SHOTS_ARTIFACT) : null;
/** Papers of the synthetic corpus (dated 2020-2022) moved back to 2017: under 1% of 3,000, so clamped. */
const STRAGGLERS = 12;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  const [dist, real, syn] = await Promise.all([buildApp(), realCorpus(join(TMP, 'colour-74')), syntheticArtifact(join(TMP, 'colour-synthetic-3k'), 3000)]);
  const m = JSON.parse(await readFile(join(syn, 'manifest.json'), 'utf8'));
  const dayFile = join(syn, m.columns.day.file);
  const precision = new Uint8Array(await readFile(join(syn, m.columns.datePrecision.file)));
  const day = new Int32Array(new Uint8Array(await readFile(dayFile)).buffer);
  for (let i = 0, moved = 0; moved < STRAGGLERS; i++) {
    if (!precision[i]) continue;
    day[i] = isoToDay('2017-03-15');
    moved++;
  }
  await writeFile(dayFile, new Uint8Array(day.buffer));
  server = await serve(dist);
  server.mounts.set('real', real);
  server.mounts.set('syn', syn);
  if (LARGE) server.mounts.set('large', LARGE);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 880 } });
  await page.goto(server.url + path);
  await page.waitForFunction(() => document.body.dataset.mapPainted === '1', undefined, { timeout: 60_000 });
  return page;
}

interface Coloring {
  colors: string[];
  edges: { a: number; b: number; w: number }[];
}
const coloring = (page: Page): Promise<Coloring> =>
  page.evaluate(() => {
    const c = window.__atlas.state.clusterColoring!;
    return { colors: [...c.colors], edges: c.edges.map((e) => ({ ...e })) };
  });

/** Canvas pixels per exact '#rrggbb' colour. */
async function pixelCounts(page: Page): Promise<Map<string, number>> {
  const pairs = await page.evaluate(() => {
    const c = document.querySelector('canvas.topic-map') as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const counts = new Map<number, number>();
    for (let i = 0; i < d.length; i += 4) {
      const v = (d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return [...counts];
  });
  return new Map(pairs.map(([v, n]) => [`#${v.toString(16).padStart(6, '0')}`, n]));
}

const rgbOf = (hex: string) => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;

/** Views the whole page as a deuteranope would (Machado 2009 on linear RGB: feColorMatrix's default space). */
async function simulateDeuteranopia(page: Page): Promise<void> {
  const values = [...MACHADO.deuteranopia.flatMap((row) => [...row, 0, 0]), 0, 0, 0, 1, 0].join(' ');
  await page.evaluate((v) => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('width', '0');
    svg.setAttribute('height', '0');
    svg.style.position = 'absolute';
    svg.innerHTML = `<filter id="sim-deuteranopia" color-interpolation-filters="linearRGB"><feColorMatrix type="matrix" values="${v}"/></filter>`;
    document.body.appendChild(svg);
    document.documentElement.style.filter = 'url(#sim-deuteranopia)';
  }, values);
  await page.waitForTimeout(200);
}

describe('cluster colours', () => {
  it('paints the map, the cluster list and the trends chart in the one assignment', async () => {
    const page = await open('?artifact=./a/real/');
    const { colors, edges } = await coloring(page);
    expect(colors.length).toBeGreaterThan(3);
    expect(new Set(colors).size).toBe(colors.length);
    expect(edges.length).toBeGreaterThan(0);

    // Every cluster's colour is on the canvas, the two ends of the strongest contact included.
    const px = await pixelCounts(page);
    for (const c of colors) expect(px.get(c) ?? 0, c).toBeGreaterThan(0);
    const strongest = [...edges].sort((p, q) => q.w - p.w)[0]!;
    expect(worstDeltaE(colors[strongest.a]!, colors[strongest.b]!)).toBeGreaterThan(10);
    for (const e of edges) expect(worstDeltaE(colors[e.a]!, colors[e.b]!), `${e.a}-${e.b}`).toBeGreaterThanOrEqual(9);

    const swatches = await page.$$eval('.clusters li[data-cluster]', (lis) =>
      lis.map((li) => [Number(li.getAttribute('data-cluster')), getComputedStyle(li.querySelector('.swatch')!).backgroundColor] as const),
    );
    expect(swatches.length).toBe(colors.length);
    for (const [id, bg] of swatches) expect(bg).toBe(rgbOf(colors[id]!));

    const strokes = await page.$$eval('[data-testid=trends-panel] svg path[stroke]', (ps) => ps.map((p) => p.getAttribute('stroke')!));
    const series = strokes.filter((s) => /^#[0-9a-f]{6}$/i.test(s) && !['#ffffff', '#b9b5ad'].includes(s.toLowerCase()));
    expect(series.length).toBeGreaterThan(0);
    for (const s of series) expect(colors).toContain(s);

    await page.screenshot({ path: join(SHOTS, 'colours-74.png') });
    await simulateDeuteranopia(page);
    await page.screenshot({ path: join(SHOTS, 'colours-74-deuteranopia.png') });
    await page.close();
  });

  it('recolours on a change of level, and keeps the list in step', async () => {
    const page = await open('?artifact=./a/real/');
    const before = await coloring(page);
    await page.click('.granularity button:has-text("fine")');
    await page.waitForFunction((k) => window.__atlas.state.clusterColors.length !== k, before.colors.length);
    const fine = await coloring(page);
    const px = await pixelCounts(page);
    for (const c of fine.colors) expect(px.get(c) ?? 0, c).toBeGreaterThan(0);
    const first = await page.$eval('.clusters li[data-cluster]', (li) => [Number(li.getAttribute('data-cluster')), getComputedStyle(li.querySelector('.swatch')!).backgroundColor] as const);
    expect(first[1]).toBe(rgbOf(fine.colors[first[0]]!));
    await page.close();
  });
});

/** The map's PNG export, decoded in the page: pixels per exact colour inside the bottom-right quarter (the legend's corner). */
async function snapshotCorner(page: Page, save: string): Promise<Map<string, number>> {
  const { pairs, png } = await page.evaluate(async () => {
    const blob = (await window.__atlas.state.mapSnapshot!())!;
    const bmp = await createImageBitmap(blob);
    const c = document.createElement('canvas');
    c.width = bmp.width;
    c.height = bmp.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const d = ctx.getImageData(bmp.width / 2, bmp.height / 2, bmp.width / 2, bmp.height / 2).data;
    const counts = new Map<number, number>();
    for (let i = 0; i < d.length; i += 4) {
      const v = (d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    return { pairs: [...counts], png: btoa(bin) };
  });
  await writeFile(join(SHOTS, save), Buffer.from(png, 'base64'));
  return new Map(pairs.map(([v, n]) => [`#${v.toString(16).padStart(6, '0')}`, n]));
}

describe('PNG export', () => {
  it('draws the legend swatches in the assigned colours, and the date ramp in date mode', async () => {
    const page = await open('?artifact=./a/real/');
    const { colors } = await coloring(page);
    const corner = await snapshotCorner(page, 'colours-74-export.png');
    // Swatches are 9 × 9 CSS px at 2× or more: every listed cluster's colour fills at least that much.
    const filled = colors.filter((c) => (corner.get(c) ?? 0) >= 18 * 18);
    expect(filled.length).toBeGreaterThanOrEqual(Math.min(colors.length, 4));
    await page.close();

    const dates = await open('?artifact=./a/syn/#col=time');
    const ramp = await snapshotCorner(dates, 'colours-dates-export.png');
    const ends = await dates.evaluate(() => {
      const el = document.querySelector('[data-testid=date-legend] .ramp') as HTMLElement;
      return getComputedStyle(el).backgroundImage.match(/rgb\([^)]*\)/g)!.slice(0, 1);
    });
    const [r, g, b] = ends[0]!.match(/\d+/g)!.map(Number);
    // The ramp's dark end is there (within rounding of the gradient), and no cluster swatch is.
    const near = [...ramp].filter(([hex]) => {
      const v = parseInt(hex.slice(1), 16);
      return Math.abs(((v >> 16) & 255) - r!) + Math.abs(((v >> 8) & 255) - g!) + Math.abs((v & 255) - b!) <= 12;
    });
    expect(near.reduce((s, [, n]) => s + n, 0)).toBeGreaterThan(20);
    const synColors = (await coloring(dates)).colors;
    expect(synColors.filter((c) => (ramp.get(c) ?? 0) >= 18 * 18)).toEqual([]);
    await dates.close();
  });
});

describe('date colours', () => {
  it('clamps the early stragglers to the 1st percentile and says so in the legend', async () => {
    const page = await open('?artifact=./a/syn/#col=time');
    const note = page.locator('[data-testid=date-legend-note]');
    await expect.poll(() => note.count()).toBe(1);
    expect(await note.innerText()).toBe(`dates before 2020-01 shown as 2020-01; ${STRAGGLERS} papers`);
    const legend = await page.locator('[data-testid=date-legend]').innerText();
    expect(legend).toMatch(/2020-01[\s\S]*2022-12/);
    await page.screenshot({ path: join(SHOTS, 'colours-dates-synthetic.png') });
    await page.close();
  });

  it('shows no note when nothing is clamped (74 papers)', async () => {
    const page = await open('?artifact=./a/real/#col=time');
    await expect.poll(() => page.locator('[data-testid=date-legend]').count()).toBe(1);
    expect(await page.locator('[data-testid=date-legend-note]').count()).toBe(0);
    await page.close();
  });
});

describe.skipIf(!LARGE)('large artifact screenshots', () => {
  it('shoots the map by cluster (normal and deuteranopia) and by date', async () => {
    for (const lv of ['', 'fine']) {
      const page = await open(`?artifact=./a/large/${lv ? `#lv=${lv}` : ''}`);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, `colours-large${lv ? `-${lv}` : ''}.png`) });
      await simulateDeuteranopia(page);
      await page.screenshot({ path: join(SHOTS, `colours-large${lv ? `-${lv}` : ''}-deuteranopia.png`) });
      await page.close();
    }
    const page = await open('?artifact=./a/large/#col=time');
    await page.waitForTimeout(500);
    console.log(`large: date legend: ${await page.locator('[data-testid=date-legend]').innerText()}`);
    await page.screenshot({ path: join(SHOTS, 'colours-large-dates.png') });
    await page.close();
  }, 300_000);
});
