/**
 * The dashboard in real Chromium against damaged artifacts and hostile links:
 * renames from a link are proposed, never applied or stored unasked; a corrupt
 * field is named; a missing titles or search shard is said in the view that needed it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launch, makeFixture, ROOT, serve, TMP, type StaticServer } from './harness.ts';

const run = promisify(execFile);
const SHOTS = process.env.ROBUSTNESS_SHOTS ?? null;
let browser: Browser;
let server: StaticServer;
let manifest: {
  levels: { name: string; clusters: { id: number; label: string }[] }[];
  defaultLevel: number;
  columns: Record<string, { file: string }>;
  titles: { files: string[] };
  search: { shards: { file: string }[] };
  bounds: number[];
};

/** A copy of the fixture with `edit` applied, mounted as /a/<name>/. */
async function variant(fixture: string, name: string, edit: (dir: string) => Promise<void>): Promise<void> {
  const dir = join(TMP, `fixture-robust-${name}`);
  await rm(dir, { recursive: true, force: true });
  await cp(fixture, dir, { recursive: true });
  await edit(dir);
  server.mounts.set(name, dir);
}

beforeAll(async () => {
  // Own build dir: other e2e files build into tmp/e2e/dist from other workers.
  const dist = join(TMP, 'robust-dist');
  const [, fixture] = await Promise.all([
    run('npx', ['vite', 'build', '--config', 'vite.config.ts', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      env: { ...process.env, ATLAS_ARTIFACT: 'none' },
    }),
    makeFixture(join(TMP, 'fixture-robust')),
  ]);
  server = await serve(dist);
  server.mounts.set('ok', fixture);
  const text = await readFile(join(fixture, 'manifest.json'), 'utf8');
  manifest = JSON.parse(text);
  await variant(fixture, 'no-titles', (d) => rm(join(d, manifest.titles.files[0]!)));
  await variant(fixture, 'no-search', (d) => rm(join(d, manifest.search.shards[0]!.file)));
  // JSON.parse reads 1e999 as Infinity: the literal a hand edit or a broken writer could leave.
  await variant(fixture, 'inf-bounds', (d) => writeFile(join(d, 'manifest.json'), text.replace(/"bounds":\[[^\]]*\]/, '"bounds":[0,0,1e999,1]')));
  await variant(fixture, 'far-day', async (d) => {
    const file = join(d, manifest.columns.day!.file);
    const day = new Int32Array(new Uint8Array(await readFile(file)).buffer);
    day[0] = 2 ** 31 - 1;
    await writeFile(file, new Uint8Array(day.buffer));
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and records uncaught errors. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 880 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + path);
  return { page, errors };
}
async function painted(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.mapPainted === '1', undefined, { timeout: 20_000 });
}
const stored = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('topic-atlas:renamed')).map((k) => localStorage.getItem(k)));
async function exportCsv(page: Page): Promise<Buffer> {
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('.export button:has-text("CSV")')]);
  return readFile((await csv.path())!);
}

describe('renames from a link', () => {
  const FORMULA = '=HYPERLINK("http://evil.example","open")';
  const hash = () => {
    const lv = manifest.levels[manifest.defaultLevel]!;
    return '#rn=' + encodeURIComponent(JSON.stringify({ [`${lv.name}:0`]: FORMULA, [`${lv.name}:1`]: 'Planning agents', 'default:999': 'no such cluster' }));
  };
  const original = (id: number) => manifest.levels[manifest.defaultLevel]!.clusters[id]!.label;

  it('are proposed, not applied or stored, until the user applies them from the keyboard', async () => {
    const { page, errors } = await open(`?artifact=./a/ok/${hash()}`);
    await painted(page);
    const notice = page.locator('[data-testid=rename-proposal]');
    await expect.poll(() => notice.count()).toBe(1);
    const text = await notice.innerText();
    expect(text).toContain('This link renames 2 clusters');
    expect(text).toContain(FORMULA);
    expect(text).toContain('Planning agents');
    expect(await page.locator('.clusters li[data-cluster="0"] .label').innerText()).toBe(original(0));
    await page.waitForTimeout(300);
    expect(await stored(page)).toEqual([]);
    // The export before accepting carries the artifact's labels only.
    expect((await exportCsv(page)).toString('utf8')).not.toContain('HYPERLINK');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'rename-proposal.png') });

    // Keyboard: Tab from the top of the page reaches Apply before the map.
    await page.locator('h1').first().click();
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Apply');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => notice.count()).toBe(0);
    expect(await page.locator('.clusters li[data-cluster="0"] .label').innerText()).toBe(FORMULA);
    expect(await page.locator('.clusters li[data-cluster="1"] .label').innerText()).toBe('Planning agents');
    await expect.poll(() => stored(page)).toHaveLength(1);

    // Accepted, the label is exported, but as text: a quote before the '=', and a BOM for Excel.
    const bytes = await exportCsv(page);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(rows[0]).toBe('id,title,date,cluster,label,title_from_abstract');
    const planted = rows.filter((r) => r.includes('HYPERLINK'));
    expect(planted.length).toBeGreaterThan(0);
    for (const r of planted) expect(r.endsWith(`,0,"'=HYPERLINK(""http://evil.example"",""open"")",no`)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('are dropped from the view and the address by Ignore', async () => {
    const { page, errors } = await open(`?artifact=./a/ok/${hash()}`);
    await painted(page);
    await page.locator('[data-testid=rename-proposal] button:has-text("Ignore")').click();
    await expect.poll(() => page.locator('[data-testid=rename-proposal]').count()).toBe(0);
    await expect.poll(() => page.url()).not.toContain('rn=');
    expect(await page.locator('.clusters li[data-cluster="0"] .label').innerText()).toBe(original(0));
    expect(await stored(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('damaged artifacts', () => {
  it('names non-finite map bounds as corrupt instead of painting a blank map', async () => {
    const { page, errors } = await open('?artifact=./a/inf-bounds/');
    await page.waitForSelector('[data-testid=artifact-error]', { timeout: 20_000 });
    expect(await page.locator('[data-testid=artifact-error]').innerText()).toContain('manifest.bounds');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a paper with an impossible day as undated, and says so', async () => {
    const { page, errors } = await open('?artifact=./a/far-day/#p=0&col=time');
    await painted(page);
    await expect.poll(() => page.locator('[data-testid=doc-title]').count()).toBe(1);
    expect(await page.locator('.doc').innerText()).toContain('undated');
    await expect.poll(() => page.locator('[data-testid=load-notices]').innerText()).toContain('1 paper has a date outside the years 1000–9999');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'notice-dates.png') });
    const csv = (await exportCsv(page)).toString('utf8');
    expect(csv.split('\r\n').length).toBeGreaterThan(70);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says in the paper panel when a titles shard could not be loaded, and the rest works', async () => {
    const { page, errors } = await open('?artifact=./a/no-titles/');
    await painted(page);
    await expect.poll(() => page.locator('[data-testid=titles-error]').innerText(), { timeout: 20_000 }).toContain('could not load titles shard 0');
    const text = await page.locator('[data-testid=titles-error]').innerText();
    expect(text).toContain(manifest.titles.files[0]);
    expect(text).toContain('HTTP 404');
    // The keyword filter still filters (the index is intact).
    await page.fill('#kw', 'agents');
    await expect.poll(() => page.locator('[data-testid=keyword-count]').count(), { timeout: 20_000 }).toBe(1);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'notice-titles.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says in the keyword filter when a search shard could not be loaded', async () => {
    const { page, errors } = await open('?artifact=./a/no-search/');
    await painted(page);
    await page.fill('#kw', 'agents');
    await expect.poll(() => page.locator('[data-testid=keyword-error]').count(), { timeout: 20_000 }).toBe(1);
    const text = await page.locator('[data-testid=keyword-error]').innerText();
    expect(text).toContain('could not load search shard 0');
    expect(text).toContain(manifest.search.shards[0]!.file);
    expect(text).toContain('HTTP 404');
    // No wrong answer: the query filters nothing.
    expect(await page.evaluate(() => (window as unknown as { __atlas: { state: { clauses: unknown[] } } }).__atlas.state.clauses.length)).toBe(0);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'notice-search.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
