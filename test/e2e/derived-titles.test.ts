/**
 * Papers whose corpus row had no title, in real Chromium: the paper panel shows
 * the title made from the abstract as such (italic, "title from the abstract"),
 * and the CSV export flags it in its last column. Corpus: the bundled papers,
 * half of them with their title removed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { launch, ROOT, serve, TMP, type StaticServer } from './harness.ts';

const run = promisify(execFile);
const SHOT = process.env.DERIVED_TITLES_SHOT ?? null;
let browser: Browser;
let server: StaticServer;
let dropped: number[] = [];

beforeAll(async () => {
  const dist = join(TMP, 'derived-dist');
  const dir = join(TMP, 'fixture-derived');
  await rm(dir, { recursive: true, force: true });
  await mkdir(TMP, { recursive: true });
  const rows = (await readFile(join(ROOT, 'data/papers.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  // Every other paper loses its title: two runs of derived titles would be one range each; this makes many.
  dropped = rows.flatMap((_, i) => (i % 2 === 1 ? [i] : []));
  for (const i of dropped) delete rows[i]!.title;
  const corpus = join(TMP, 'derived-corpus.jsonl');
  await writeFile(corpus, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  await Promise.all([
    run('npx', ['vite', 'build', '--config', 'vite.config.ts', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      env: { ...process.env, ATLAS_ARTIFACT: 'none' },
    }),
    run('npx', ['tsx', 'scripts/preprocess.ts', '--input', corpus, '--out', dir, '--quiet'], { cwd: ROOT }),
  ]);
  server = await serve(dist);
  server.mounts.set('derived', dir);
  browser = await launch();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('titles made from the abstract', () => {
  it('are marked in the manifest, the paper panel and the CSV export', async () => {
    const manifest = JSON.parse(await readFile(join(TMP, 'fixture-derived', 'manifest.json'), 'utf8')) as { titlesFromAbstract?: [number, number][]; n: number };
    const flagged = (manifest.titlesFromAbstract ?? []).flatMap(([s, e]) => Array.from({ length: e - s }, (_, k) => s + k));
    expect(flagged).toEqual(dropped);

    const page = await browser.newPage({ viewport: { width: 1400, height: 880 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + '?artifact=./a/derived/');
    await page.waitForFunction(() => document.body.dataset.mapPainted === '1', undefined, { timeout: 20_000 });

    // A paper the corpus titled: no mark. One it did not: italic, with the note.
    await page.evaluate(() => (window.__atlas.state.selectedPaper = 0));
    await expect.poll(() => page.locator('[data-testid=doc-abstract]').count()).toBe(1);
    expect(await page.locator('[data-testid=doc-title-derived]').count()).toBe(0);
    await page.evaluate((i) => (window.__atlas.state.selectedPaper = i), dropped[0]!);
    await expect.poll(() => page.locator('[data-testid=doc-title-derived]').count()).toBe(1);
    expect(await page.locator('[data-testid=doc-title-derived]').innerText()).toContain('title from the abstract');
    const title = page.locator('[data-testid=doc-title]');
    expect(await title.evaluate((el) => getComputedStyle(el).fontStyle)).toBe('italic');
    const abstract = await page.locator('[data-testid=doc-abstract]').innerText();
    expect(abstract.startsWith((await title.innerText()).replace(/…$/, ''))).toBe(true);
    if (SHOT) await page.screenshot({ path: SHOT });

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('.export button:has-text("CSV")')]);
    const lines = (await readFile((await csv.path())!, 'utf8')).slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('id,title,date,cluster,label,title_from_abstract');
    expect(lines.length - 1).toBe(manifest.n);
    expect(lines.slice(1).filter((l) => l.endsWith(',yes')).length).toBe(dropped.length);
    expect(errors).toEqual([]);
    await page.close();
  });
});
