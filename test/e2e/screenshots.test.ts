/**
 * Screenshots for looking at (tmp/screens/*.png), run on demand, not in `npm test`:
 *   npm run screenshots                                   bundled corpus + synthetic 150k
 *   SCREENSHOT_ARTIFACT=out/recent136k npm run screenshots  also a real large artifact
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { resolve } from 'node:path';
import { buildApp, launch, realCorpus, ROOT, serve, syntheticArtifact, TMP, type StaticServer } from './harness.ts';

const ON = Boolean(process.env.SCREENSHOTS);
const LARGE = process.env.SCREENSHOT_ARTIFACT ? resolve(ROOT, process.env.SCREENSHOT_ARTIFACT) : null;

const SHOTS = join(ROOT, 'tmp/screens');
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  if (!ON) return;
  await mkdir(SHOTS, { recursive: true });
  const [dist, big, real] = await Promise.all([
    buildApp(),
    syntheticArtifact(join(TMP, 'synthetic-150k'), 150_000),
    realCorpus(join(TMP, 'real-74')),
  ]);
  server = await serve(dist);
  server.mounts.set('real', real);
  server.mounts.set('s150k', big);
  if (LARGE) server.mounts.set('large', LARGE);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const names = [['real'], ['s150k'], ...(LARGE ? [['large']] : [])];
describe.skipIf(!ON).each(names)('screenshots %s', (name) => {
  it('renders the dashboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const t0 = Date.now();
    await page.goto(`${server.url}?artifact=./a/${name}/`);
    await page.waitForFunction(() => document.body.dataset.mapPainted === '1');
    const firstPaint = await page.evaluate(() => window.__atlas.firstPaintAt);
    console.log(`${name}: first paint ${firstPaint?.toFixed(0)} ms after navigation start (wall ${Date.now() - t0} ms)`);
    await page.evaluate(() => window.__atlas.searchReady);
    await page.screenshot({ path: join(SHOTS, `${name}-overview.png`) });
    await page.fill('#kw', name === 'real' ? 'model' : 'agent');
    await page.waitForTimeout(300);
    await page.locator('.clusters li').nth(1).locator('.row').click();
    await page.waitForTimeout(200);
    await page.locator('[data-testid=paper-list] button').first().click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, `${name}-filtered.png`) });
    await page.locator('.clusters li').nth(1).locator('.row').click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, `${name}-zoomed.png`) });
    await page.goto(`${server.url}?artifact=./a/${name}/#col=time&lv=fine`);
    await page.waitForFunction(() => document.body.dataset.mapPainted === '1');
    await page.mouse.move(700, 400);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -200);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, `${name}-time-fine-zoom.png`) });
    expect(firstPaint).not.toBeNull();
    await page.close();
  });
});
