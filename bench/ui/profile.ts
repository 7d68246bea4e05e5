/**
 * Where the main thread's time goes per input event: runs the keyword and brush
 * gestures of bench:ui under the CDP sampling profiler (on an unminified build,
 * so function names survive) and prints busy ms per event and the top functions
 * by self time. Wall latency on a shared machine is noisy; this is the number to
 * compare before/after.
 *
 *   npx tsx bench/ui/profile.ts [--artifact DIR] [--no-build] [--top N] [--dist DIR]
 *
 * --dist profiles an existing build instead (e.g. an older commit's, for before/after).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { brushLatency, INIT_SCRIPT, keywordLatency, settle } from './measure.ts';
import { serveStatic } from './server.ts';

const { values } = parseArgs({
  options: {
    artifact: { type: 'string', default: 'out/recent136k' },
    'no-build': { type: 'boolean', default: false },
    top: { type: 'string', default: '25' },
    dist: { type: 'string' },
  },
});

const repo = resolve(import.meta.dirname, '../..');
const work = join(repo, 'tmp/bench-ui');
const dist = values.dist ? resolve(values.dist) : join(work, 'dist-profile');
const log = (m: string) => console.error(`bench:profile: ${m}`);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const IDLE = new Set(['(idle)', '(root)']);

/** Self time per function (ms), plus busy time = everything but idle. */
export function summarize(p: Profile): { busyMs: number; appMs: number; gcMs: number; programMs: number; top: [string, number][]; inclusive: [string, number][] } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let busy = 0;
  let gc = 0;
  let program = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const n = byId.get(p.samples[i]!)!;
    const name = n.callFrame.functionName || '(anonymous)';
    if (IDLE.has(name)) continue;
    busy += dt;
    if (name === '(garbage collector)') gc += dt;
    if (name === '(program)') program += dt;
    const file = n.callFrame.url.split('/').pop() ?? '';
    const key = `${name} ${file}:${n.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]);
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  let app = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set<string>();
    // The app's own work: samples with a frame of the built bundle on the stack (not the harness's evaluate/polling).
    for (let id: number | undefined = p.samples[i]; id !== undefined; id = parent.get(id)) {
      if (byId.get(id)?.callFrame.url.includes('/assets/')) {
        app += dt;
        break;
      }
    }
    for (let id: number | undefined = p.samples[i]; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id);
      if (!n || IDLE.has(n.callFrame.functionName)) continue;
      const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + dt);
    }
  }
  const inclusive = [...incl.entries()].sort((a, b) => b[1] - a[1]);
  return { busyMs: busy, appMs: app, gcMs: gc, programMs: program, top, inclusive };
}

async function profiled<T>(cdp: CDPSession, run: () => Promise<T>): Promise<{ result: T; profile: Profile }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  return { result, profile };
}

function report(title: string, events: number, p: Profile, top: number): void {
  const s = summarize(p);
  console.log(`\n== ${title}: ${events} events`);
  console.log(`app JS ${(s.appMs / events).toFixed(2)} ms/event (stack holds a frame of the bundle; excludes layout/paint)`);
  console.log(`main thread busy ${(s.busyMs / events).toFixed(2)} ms/event (GC ${(s.gcMs / events).toFixed(2)}, native/program ${(s.programMs / events).toFixed(2)})`);
  for (const [k, ms] of s.top.slice(0, top)) console.log(`${(ms / events).toFixed(3).padStart(8)} ms/event  ${k}`);
  console.log('-- inclusive (self + callees):');
  for (const [k, ms] of s.inclusive.slice(0, top)) console.log(`${(ms / events).toFixed(3).padStart(8)} ms/event  ${k}`);
}

async function main(): Promise<void> {
  if (!values.dist && (!values['no-build'] || !existsSync(join(dist, 'index.html')))) {
    rmSync(dist, { recursive: true, force: true });
    log('vite build (unminified) → tmp/bench-ui/dist-profile');
    execFileSync('npx', ['vite', 'build', '--config', 'vite.config.ts', '--outDir', dist, '--emptyOutDir', '--minify', 'false', '--logLevel', 'warn'], {
      cwd: repo,
      stdio: 'inherit',
      env: { ...process.env, ATLAS_ARTIFACT: 'none' },
    });
  }
  const server = await serveStatic(dist, { '/bench-artifact/': resolve(repo, values.artifact!) });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page: Page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(INIT_SCRIPT);
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    await page.goto(`${server.url}/?artifact=./bench-artifact/`);
    await page.waitForFunction(() => document.body?.dataset.mapPainted === '1', null, { timeout: 120_000 });
    await page.evaluate(() => (window as unknown as { __atlas: { searchReady: Promise<boolean> } }).__atlas.searchReady);
    await settle(page);
    const cdp = await page.context().newCDPSession(page);
    const top = Number(values.top);

    // Warm-up so the JIT has seen every path.
    await keywordLatency(page, 'agents');
    await brushLatency(page, 4, 0.3);

    const queries = ['agents', 'diffusion', 'quantum', '"language model"', 'graph AND neural', 'protein'];
    // The keyword gesture also sets the prefix and settles; profile only the typed key.
    let events = 0;
    const merged: Profile[] = [];
    for (const q of queries) {
      await page.evaluate((p) => ((window as unknown as { __atlas: { state: { query: string } } }).__atlas.state.query = p), q.slice(0, -1));
      await settle(page);
      await page.focus('#kw');
      const { profile } = await profiled(cdp, async () => {
        await page.keyboard.type(q.slice(-1));
        await settle(page);
      });
      merged.push(profile);
      events++;
    }
    report('keyword keystroke (incl. settle frames)', events, mergeProfiles(merged), top);
    await page.evaluate(() => ((window as unknown as { __atlas: { state: { query: string } } }).__atlas.state.query = ''));
    await settle(page);

    const { result, profile } = await profiled(cdp, async () => {
      const out: number[] = [];
      for (const start of [0.05, 0.35, 0.6]) out.push(...(await brushLatency(page, 12, start)));
      return out;
    });
    report('time brush mousemove (incl. gesture start/end)', result.length, profile, top);

    // The sampled '(program)' time is native work; a trace names it (style, layout, paint, commit).
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    const traced: number[] = [];
    for (const start of [0.05, 0.35, 0.6]) traced.push(...(await brushLatency(page, 12, start)));
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    reportTrace('time brush mousemove, main thread by trace event', traced.length, trace.traceEvents, top);

    const idle = await profiled(cdp, async () => {
      await page.waitForTimeout(1000);
    });
    report('idle second (baseline)', 1, idle.profile, 8);
  } finally {
    await browser.close();
    await server.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  ts: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Main-thread (CrRendererMain) time: RunTask total, and the named phases inside it. */
function reportTrace(title: string, events: number, ev: TraceEvent[], top: number): void {
  const main = ev.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return;
  const on = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const by = new Map<string, number>();
  for (const e of on) by.set(e.name, (by.get(e.name) ?? 0) + e.dur! / 1000);
  console.log(`\n== ${title}: ${events} events`);
  for (const [k, ms] of [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(ms / events).toFixed(3).padStart(8)} ms/event  ${k}`);
}

/** Concatenates profiles (node ids are shared within one session's profiles only by coincidence: remap by index). */
function mergeProfiles(ps: Profile[]): Profile {
  const nodes: ProfileNode[] = [];
  const samples: number[] = [];
  const timeDeltas: number[] = [];
  let offset = 0;
  for (const p of ps) {
    let max = 0;
    for (const n of p.nodes) {
      nodes.push({ ...n, id: n.id + offset, children: n.children?.map((c) => c + offset) });
      max = Math.max(max, n.id);
    }
    // summarize() pairs sample i with delta i + 1: keep each profile's pairing.
    for (let i = 0; i < p.samples.length; i++) {
      samples.push(p.samples[i]! + offset);
      timeDeltas.push(i === 0 ? 0 : p.timeDeltas[i]!);
    }
    timeDeltas.push(0);
    samples.push(-1);
    offset += max + 1;
  }
  nodes.push({ id: -1, callFrame: { functionName: '(idle)', url: '', lineNumber: 0 } });
  return { nodes, samples, timeDeltas };
}

main().catch((e: unknown) => {
  console.error(`bench:profile: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
