/**
 * The built site opened the ways people share it: from disk (file://), where
 * browsers run no module script, and with ?artifact= on a host that sends no
 * CORS header. Each says what happened and what to do, never a blank page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { launch, makeFixture, ROOT, serve, TMP, type StaticServer } from './harness.ts';

const run = promisify(execFile);
let browser: Browser;
let site: StaticServer;
let other: StaticServer;
let dist: string;
let fixture: string;

beforeAll(async () => {
  dist = join(TMP, 'sharing-dist');
  let made: string;
  [, made] = await Promise.all([
    run('npx', ['vite', 'build', '--config', 'vite.config.ts', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      env: { ...process.env, ATLAS_ARTIFACT: 'none' },
    }),
    makeFixture(join(TMP, 'fixture-sharing')),
  ]);
  fixture = made;
  site = await serve(dist);
  // Another origin (another port) that serves the artifact without any CORS header.
  other = await serve(dist);
  other.mounts.set('ok', fixture);
  site.mounts.set('ok', fixture);
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await other?.close();
});

describe('sharing the built site', () => {
  it('opened from disk, says to serve the folder and how, instead of a blank page', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(dist, 'index.html')).href);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    const text = await alert.innerText();
    expect(text).toContain('needs to be served, not opened as a file');
    expect(text).toContain(`python3 -m http.server --directory "${dist}" 8000`);
    await page.close();
  });

  it('with ?artifact= on another host without CORS headers, names the host and the header', async () => {
    const page = await browser.newPage();
    const artifact = `${other.url}a/ok/`;
    await page.goto(`${site.url}?artifact=${encodeURIComponent(artifact)}`);
    await page.waitForFunction(() => document.body.dataset.atlasError === '1', null, { timeout: 30_000 });
    const body = await page.locator('body').innerText();
    const host = new URL(other.url).host;
    expect(body).toContain(`${host} did not answer, or answered without a CORS header (Access-Control-Allow-Origin)`);
    expect(body).not.toMatch(/run `npm run preprocess/);
    await page.close();
  });

  it('exported as one HTML file, works from disk with the network cut off: map, search, abstracts', async () => {
    const out = join(TMP, 'sharing-atlas.html');
    await run(process.execPath, ['--import', 'tsx', 'scripts/export-html.ts', '--artifact', fixture, '--out', out], { cwd: ROOT });
    const page = await browser.newPage();
    const refused: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      refused.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(out).href);
    await page.waitForFunction(() => document.body.dataset.mapPainted === '1' || document.body.dataset.atlasError === '1', null, { timeout: 30_000 });
    expect(await page.evaluate(() => document.body.dataset.atlasError ?? null)).toBeNull();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.fill('#kw', 'robot');
    await expect.poll(() => page.locator('[data-testid=keyword-count]').innerText(), { timeout: 15_000 }).toBe('7');
    await page.locator('[data-testid=paper-list] button').first().click();
    await expect.poll(async () => (await page.locator('[data-testid=doc-abstract]').innerText()).length).toBeGreaterThan(200);
    expect(refused).toEqual([]);
    await page.close();
  }, 120_000);

  it('the same artifact on the page’s own host loads', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}?artifact=${encodeURIComponent(`${site.url}a/ok/`)}`);
    await page.waitForFunction(() => document.body.dataset.mapPainted === '1' || document.body.dataset.atlasError === '1', null, { timeout: 30_000 });
    expect(await page.evaluate(() => document.body.dataset.atlasError ?? null)).toBeNull();
    await page.close();
  });
});
