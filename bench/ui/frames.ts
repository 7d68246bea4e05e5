/**
 * Per-frame phases of a time-brush move, from a Chromium trace: for each frame
 * that handled a mousemove and drew the map, how long the pointermove and
 * mousemove handlers (d3-brush + Svelte flush), the style/layout before the
 * animation frame, the map draw (rAF) and the paint/commit after it took.
 * Medians over 36 moves; pass several builds to compare them in one browser.
 *
 *   npx tsx bench/ui/frames.ts [--artifact DIR] DIST [DIST...]
 *   e.g. tmp/bench-ui/dist (npm run bench:ui builds it) against an older commit's build
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { brushLatency, INIT_SCRIPT, settle } from './measure.ts';
import { serveStatic } from './server.ts';
import { median } from './stats.ts';

const { values, positionals } = parseArgs({ options: { artifact: { type: 'string', default: 'out/recent136k' } }, allowPositionals: true });

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    for (const dist of positionals.length ? positionals : ['tmp/bench-ui/dist']) {
      const server = await serveStatic(resolve(dist), { '/bench-artifact/': resolve(values.artifact!) });
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.addInitScript(INIT_SCRIPT);
      await page.goto(`${server.url}/?artifact=./bench-artifact/`);
      await page.waitForFunction(() => document.body?.dataset.mapPainted === '1', null, { timeout: 120_000 });
      await page.evaluate(() => (window as unknown as { __atlas: { searchReady: Promise<boolean> } }).__atlas.searchReady);
      await settle(page);
      await brushLatency(page, 4, 0.3); // warm-up
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      for (const s of [0.05, 0.35, 0.6]) await brushLatency(page, 12, s);
      const { traceEvents } = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
      const main = traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')!;
      const ev = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
      const phases = new Map<string, number[]>();
      const add = (k: string, us: number) => phases.set(k, [...(phases.get(k) ?? []), us / 1000]);
      for (const task of ev.filter((e) => e.name === 'RunTask')) {
        const end = task.ts + task.dur;
        const inside = ev.filter((e) => e.ts >= task.ts && e.ts < end && e !== task);
        const mm = inside.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'mousemove');
        // The map's draw is the longest animation-frame callback of the frame (the harness's rAF counter is tiny).
        const raf = inside.filter((e) => e.name === 'FireAnimationFrame').sort((a, b) => b.dur - a.dur)[0];
        if (!mm || !raf || raf.ts < mm.ts) continue;
        const pm = inside.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'pointermove');
        add('pointermove handlers', pm?.dur ?? 0);
        add('mousemove handlers (d3-brush + Svelte flush)', mm.dur);
        add('input → rAF (style, layout, hover update)', raf.ts - (mm.ts + mm.dur));
        add('rAF (map draw + putImageData)', raf.dur);
        add('frame task start → map drawn', raf.ts + raf.dur - task.ts);
        add('after the draw (paint, layerize, commit)', end - (raf.ts + raf.dur));
      }
      console.log(`\n${dist}: ${phases.get('rAF (map draw + putImageData)')?.length ?? 0} frames, medians`);
      for (const [k, v] of phases) console.log(`  ${k.padEnd(46)} ${median(v).toFixed(2)} ms`);
      await page.close();
      await server.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(`bench:frames: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
