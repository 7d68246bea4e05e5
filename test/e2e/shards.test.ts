/**
 * What the dashboard fetches, counted in real Chromium on the bundled corpus
 * written in small shards: the first paint fetches the manifest and the point
 * columns only; a query fetches the search shards holding its keys; a hover
 * one titles shard; a damaged shard is named in the view that needed it while
 * the rest keeps working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { buildApp, launch, ROOT, serve, TMP, type StaticServer } from './harness.ts';
import { validateManifest, type Manifest } from '../../src/schema/artifact.ts';
import { parseQuery, shardsForQuery } from '../../src/search/index.ts';
import { readTitlesAndIds } from '../../src/pipeline/artifact/readShards.ts';

const run = promisify(execFile);
let browser: Browser;
let server: StaticServer;
let fixture: string;
let m: Manifest;

beforeAll(async () => {
  fixture = join(TMP, 'fixture-shards');
  await rm(fixture, { recursive: true, force: true });
  const [dist] = await Promise.all([
    buildApp(),
    run('npx', ['tsx', 'scripts/preprocess.ts', '--input', 'data/papers.jsonl', '--out', fixture, '--quiet', '--shard-kb', '2'], { cwd: ROOT }),
  ]);
  m = validateManifest(JSON.parse(await readFile(join(fixture, 'manifest.json'), 'utf8')));
  server = await serve(dist);
  server.mounts.set('shards', fixture);
  const damaged = join(TMP, 'fixture-shards-damaged');
  await rm(damaged, { recursive: true, force: true });
  await cp(fixture, damaged, { recursive: true });
  // The shard of "agent" truncated, the first titles shard gone.
  const agent = m.search.shards[shardsForQuery(m.search, parseQuery('agents '))[0]!]!.file;
  await writeFile(join(damaged, agent), (await readFile(join(damaged, agent))).subarray(0, 30));
  await rm(join(damaged, m.titles.files[0]!));
  server.mounts.set('damaged', damaged);
  browser = await launch();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  page: Page;
  /** Artifact files requested so far, relative to the artifact folder. */
  requests: string[];
  errors: string[];
}

async function open(mount: string): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 880 } });
  const requests: string[] = [];
  const errors: string[] = [];
  const prefix = `${server.url}a/${mount}/`;
  page.on('request', (r) => {
    if (r.url().startsWith(prefix)) requests.push(r.url().slice(prefix.length));
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}?artifact=./a/${mount}/`);
  await page.waitForFunction(() => document.body.dataset.mapPainted === '1', undefined, { timeout: 30_000 });
  return { page, requests, errors };
}

/** Artifact files whose request started before the first map paint (the page's own clock), with their body sizes. */
function fetchedBeforePaint(page: Page, mount: string): Promise<{ name: string; bytes: number }[]> {
  return page.evaluate((prefix) => {
    const paintAt = (window as unknown as { __atlas: { firstPaintAt: number } }).__atlas.firstPaintAt;
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => e.startTime < paintAt && new URL(e.name).pathname.startsWith(prefix))
      .map((e) => ({ name: new URL(e.name).pathname.slice(prefix.length), bytes: e.encodedBodySize }));
  }, `/a/${mount}/`);
}

const searchReady = (page: Page) => page.evaluate(() => (window as unknown as { __atlas: { searchReady: Promise<boolean> } }).__atlas.searchReady);

async function typeQuery(page: Page, q: string): Promise<void> {
  await page.fill('#kw', q);
}

describe('shards fetched on demand', () => {
  it('the first paint fetches the manifest and the point columns only, ≤ 32 bytes a paper besides the manifest', async () => {
    const { page, errors } = await open('shards');
    const before = await fetchedBeforePaint(page, 'shards');
    const expected = ['manifest.json', ...Object.values(m.columns).map((c) => c.file)].sort();
    expect(before.map((f) => f.name).sort()).toEqual(expected);
    const sizes = await Promise.all(expected.map(async (f) => (await stat(join(fixture, f))).size));
    const manifestBytes = (await stat(join(fixture, 'manifest.json'))).size;
    expect(before.reduce((s, f) => s + f.bytes, 0)).toBe(sizes.reduce((a, b) => a + b, 0));
    expect(sizes.reduce((a, b) => a + b, 0) - manifestBytes).toBeLessThanOrEqual(32 * m.n);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a query fetches only the search shards of its keys', async () => {
    const { page, requests, errors } = await open('shards');
    expect(await searchReady(page)).toBe(true);
    expect(m.search.shards.length).toBeGreaterThan(4);
    for (const q of ['agents ', '"language model" ', 'diffusion -graph ']) {
      const from = requests.length;
      await typeQuery(page, q);
      await expect.poll(() => page.locator('[data-testid=keyword-count]').count(), { timeout: 20_000 }).toBe(1);
      await page.waitForLoadState('networkidle');
      const wanted = shardsForQuery(m.search, parseQuery(q)).map((s) => m.search.shards[s]!.file);
      const fetched = requests.slice(from).filter((r) => r.startsWith('search/'));
      // Shards an earlier query fetched are not fetched again.
      const earlier = new Set(requests.slice(0, from));
      expect(fetched.sort(), q).toEqual(wanted.filter((f) => !earlier.has(f)).sort());
      if (![...earlier].some((r) => r.startsWith('search/'))) expect(fetched.length, q).toBeGreaterThan(0);
      expect(wanted.length, q).toBeLessThan(m.search.shards.length / 2);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a hover fetches the one titles shard of the paper under the pointer', async () => {
    const { page, requests, errors } = await open('shards');
    await page.waitForLoadState('networkidle');
    expect(m.titles.files.length).toBeGreaterThan(2);
    const { titles } = await readTitlesAndIds(fixture, m);
    const from = requests.length;
    // Hover painted points until one whose titles shard has not been fetched yet (the paper list fetched some).
    const hovered = await page.evaluate(async () => {
      const w = window as unknown as { __atlas: { state: { hoveredPaper: number | null; titles: readonly string[] } } };
      const c = document.querySelector('canvas.topic-map') as HTMLCanvasElement;
      const overlay = document.querySelector('.map svg.overlay') as SVGSVGElement;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const r = c.getBoundingClientRect();
      for (let y = 0; y < c.height; y += 3) {
        for (let x = 0; x < c.width; x += 3) {
          const i = (y * c.width + x) * 4;
          if (Math.max(d[i]!, d[i + 1]!, d[i + 2]!) - Math.min(d[i]!, d[i + 1]!, d[i + 2]!) <= 60) continue;
          const cx = r.left + x * (r.width / c.width);
          const cy = r.top + y * (r.height / c.height);
          overlay.dispatchEvent(new PointerEvent('pointermove', { clientX: cx, clientY: cy, bubbles: true, buttons: 0, pointerType: 'mouse' }));
          const p = w.__atlas.state.hoveredPaper;
          if (p !== null && w.__atlas.state.titles[p] === undefined) return p;
        }
      }
      return null;
    });
    expect(hovered).not.toBeNull();
    await expect.poll(() => page.locator('.tooltip .tt-title').innerText(), { timeout: 10_000 }).toBe(titles[hovered!]);
    const fetched = requests.slice(from);
    expect(fetched).toEqual([m.titles.files[Math.floor(hovered! / m.titles.chunkSize)]]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a damaged shard is named in the view that needed it; the map and the filter keep working', async () => {
    const { page, errors } = await open('damaged');
    expect(await searchReady(page)).toBe(true);
    // The paper panel lists papers of the missing titles shard.
    await expect.poll(() => page.locator('[data-testid=titles-error]').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('[data-testid=titles-error]').innerText()).toMatch(/^could not load titles shard 0: the file \(.*titles\/00000\..*\) is missing \(HTTP 404\)/);
    // A query needing the truncated search shard says so under the filter…
    await typeQuery(page, 'agents ');
    await expect.poll(() => page.locator('[data-testid=keyword-error]').count(), { timeout: 20_000 }).toBe(1);
    const s = shardsForQuery(m.search, parseQuery('agents '))[0]!;
    expect(await page.locator('[data-testid=keyword-error]').innerText()).toMatch(new RegExp(`^could not load search shard ${s}: the file \\(.*search/${String(s).padStart(5, '0')}\\..*\\) is truncated or corrupt`));
    // …another query still filters…
    const other = ['diffusion ', 'quantum ', 'graph ', 'protein '].find((q) => !shardsForQuery(m.search, parseQuery(q)).includes(s))!;
    await typeQuery(page, other);
    await expect.poll(() => page.locator('[data-testid=keyword-count]').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('[data-testid=keyword-error]').count()).toBe(0);
    // …and the map still pans.
    const zoomBefore = await page.evaluate(() => (window as unknown as { __atlas: { state: { zoom: { x: number } } } }).__atlas.state.zoom.x);
    const box = (await page.locator('canvas.topic-map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __atlas: { state: { zoom: { x: number } } } }).__atlas.state.zoom.x)).not.toBe(zoomBefore);
    expect(errors).toEqual([]);
    await page.close();
  });
});
