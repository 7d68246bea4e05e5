/**
 * UI benchmark: builds the dashboard, serves it with a tiny static server,
 * drives Debian's Chromium (playwright-core) and prints first paint, keyword
 * filter / brush / keyword-trend / hover latency, pan-zoom fps, JS heap, and
 * pan fps on a 1M-point synthetic artifact, against the targets.
 *
 *   npm run bench:ui -- [--artifact DIR] [--million DIR] [--skip-1m] [--no-pipeline] [--no-build]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { resolveMainArtifact, resolveMillionArtifact, type BenchArtifact } from './artifacts.ts';
import { brushLatency, bytesBeforePaint, firstPaint, heapMb, hoverLatency, INIT_SCRIPT, keywordLatency, panFps, settle } from './measure.ts';
import { serveStatic } from './server.ts';
import { fmtMs, median, p95, table, type Row } from './stats.ts';

const HELP = `Usage: npm run bench:ui -- [options]

Builds the app (vite build into tmp/bench-ui/dist), serves it on 127.0.0.1 and
measures it in headless Chromium (/usr/bin/chromium; apt-get install -y chromium).

Options:
  --artifact DIR   artifact to measure (default out/bench-150k, built by the real
                   pipeline from ../shared/data/make-scale-corpus.mjs 150000; falls
                   back to a synthetic 150k artifact, and says so, if the pipeline fails)
  --million DIR    artifact for the 1M pan test (default out/bench-1m-synthetic, generated)
  --skip-1m        skip the 1M pan test
  --no-pipeline    do not try the real pipeline for the default artifact
  --no-build       reuse tmp/bench-ui/dist from a previous run
  --runs N         navigations for first paint (default 3)
  --help           this text`;

const { values } = parseArgs({
  options: {
    artifact: { type: 'string' },
    million: { type: 'string' },
    'skip-1m': { type: 'boolean', default: false },
    'no-pipeline': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const repo = resolve(import.meta.dirname, '../..');
const work = join(repo, 'tmp/bench-ui');
const dist = join(work, 'dist');
const log = (m: string) => console.error(`bench:ui: ${m}`);

/** Real queries of each kind: single words, phrases, AND. */
const QUERIES = [
  'agents',
  'diffusion',
  'quantum',
  'protein',
  'graph',
  'transformer',
  'benchmark',
  'reinforcement',
  '"language model"',
  '"neural network"',
  '"large language models"',
  'graph AND neural',
  'agent AND memory',
  'quantum AND error',
  'retrieval AND generation',
];

function build(): void {
  rmSync(dist, { recursive: true, force: true });
  log('vite build → tmp/bench-ui/dist');
  execFileSync('npx', ['vite', 'build', '--config', 'vite.config.ts', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, ATLAS_ARTIFACT: 'none' },
  });
}

async function launch(): Promise<Browser> {
  if (!existsSync('/usr/bin/chromium')) throw new Error('Chromium is missing: apt-get install -y chromium');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript(INIT_SCRIPT);
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  return page;
}

async function measureMain(browser: Browser, url: string, a: BenchArtifact, runs: number): Promise<Row[]> {
  const rows: Row[] = [];
  const paints: number[] = [];
  let page: Page | null = null;
  for (let r = 0; r < runs; r++) {
    await page?.close();
    page = await newPage(browser);
    paints.push(await firstPaint(page, url));
  }
  page = page!;
  const fp = median(paints);
  rows.push({ metric: `navigation → first map paint (median of ${runs})`, value: `${fmtMs(fp)} [${paints.map((p) => p.toFixed(0)).join(', ')}]`, target: '≤ 1000 ms', pass: fp <= 1000 });
  const before = await bytesBeforePaint(page, '/bench-artifact/');
  const perPaper = (before.bytes - before.manifest) / a.n;
  rows.push({
    metric: `bytes fetched before first paint (${before.files} files)`,
    value: `${(before.bytes / 1e6).toFixed(2)} MB: manifest ${(before.manifest / 1e3).toFixed(0)} KB + ${perPaper.toFixed(1)} B/paper`,
    target: '≤ 32 B/paper + manifest',
    pass: perPaper <= 32,
  });

  log('waiting for the keyword index');
  const searchOk = await page.evaluate(() => (window as unknown as { __atlas: { searchReady: Promise<boolean> } }).__atlas.searchReady);
  await settle(page);

  log('keyword filter latency');
  const key: { map: number; trend: number }[] = [];
  // The second pass finds every query's search shards fetched by the first.
  const warm: number[] = [];
  let missed = 0;
  for (let rep = 0; rep < 2; rep++) {
    for (const q of QUERIES) {
      const s = await keywordLatency(page, q);
      if (s) key.push(s);
      else missed++;
      if (s && rep === 1) warm.push(s.map);
    }
  }
  await page.evaluate(() => ((window as unknown as { __atlas: { state: { query: string } } }).__atlas.state.query = ''));
  await settle(page);
  const km = key.map((s) => s.map);
  const kt = key.map((s) => s.trend).filter(Number.isFinite);
  rows.push({
    metric: `keyword filter: keystroke → map painted (n=${km.length}${missed ? `, ${missed} no repaint` : ''}${searchOk ? '' : ', NO INDEX'})`,
    value: `median ${fmtMs(median(km))}, p95 ${fmtMs(p95(km))}`,
    target: '≤ 16 ms p95',
    pass: km.length > 0 && p95(km) <= 16,
  });
  rows.push({
    metric: `  of which the second pass, search shards already fetched (n=${warm.length})`,
    value: `median ${fmtMs(median(warm))}, p95 ${fmtMs(p95(warm))}`,
    target: '',
    pass: null,
  });
  rows.push({
    metric: `keyword trend: keystroke → trend DOM updated (n=${kt.length})`,
    value: `median ${fmtMs(median(kt))}, p95 ${fmtMs(p95(kt))}`,
    target: '≤ 16 ms p95',
    pass: kt.length > 0 && p95(kt) <= 16,
  });

  log('time brush latency');
  const brush: number[] = [];
  const brushInPage: number[] = [];
  for (const start of [0.05, 0.35, 0.6]) brush.push(...(await brushLatency(page, 12, start, brushInPage)));
  rows.push({
    metric: `time brush: mousemove → map painted (n=${brush.length})`,
    value: `median ${fmtMs(median(brush))}, p95 ${fmtMs(p95(brush))}`,
    target: '≤ 16 ms p95',
    pass: brush.length > 0 && p95(brush) <= 16,
  });
  rows.push({
    metric: '  of which after the page got the movement (handler → map painted)',
    value: `median ${fmtMs(median(brushInPage))}, p95 ${fmtMs(p95(brushInPage))}`,
    target: '',
    pass: null,
  });

  log('pan/zoom fps');
  const fps = await panFps(page);
  rows.push({
    metric: `pan/zoom at ${a.n.toLocaleString()} points (map paints/s; rAF/s; worst frame)`,
    value: `${fps.paintsPerSec.toFixed(1)} fps; ${fps.framesPerSec.toFixed(1)}; ${fps.longestFrameMs.toFixed(0)} ms`,
    target: '≥ 55 fps',
    pass: fps.paintsPerSec >= 55,
  });

  log('hover latency');
  const hover = await hoverLatency(page);
  rows.push({
    metric: `hover: pointermove → DOM updated (n=${hover.length})`,
    value: `median ${fmtMs(median(hover.map((h) => h.update)))}, p95 ${fmtMs(p95(hover.map((h) => h.update)))}`,
    target: '',
    pass: null,
  });
  rows.push({
    metric: 'hover: pointermove → next frame',
    value: `median ${fmtMs(median(hover.map((h) => h.frame)))}, p95 ${fmtMs(p95(hover.map((h) => h.frame)))}`,
    target: '',
    pass: null,
  });

  const heap = await heapMb(page);
  rows.push({ metric: 'JS heap after GC (CDP Runtime.getHeapUsage)', value: `${heap.toFixed(1)} MB`, target: '', pass: null });
  await page.close();
  return rows;
}

async function measureMillion(browser: Browser, url: string, a: BenchArtifact): Promise<Row[]> {
  const page = await newPage(browser);
  const fp = await firstPaint(page, url, 300_000);
  await settle(page);
  const fps = await panFps(page);
  const heap = await heapMb(page);
  await page.close();
  return [
    { metric: `1M: navigation → first map paint (${a.generator})`, value: fmtMs(fp), target: '', pass: null },
    {
      metric: `1M: pan/zoom at ${a.n.toLocaleString()} points (paints/s; rAF/s; worst frame)`,
      value: `${fps.paintsPerSec.toFixed(1)} fps; ${fps.framesPerSec.toFixed(1)}; ${fps.longestFrameMs.toFixed(0)} ms`,
      target: '≥ 30 fps',
      pass: fps.paintsPerSec >= 30,
    },
    { metric: '1M: JS heap after GC', value: `${heap.toFixed(1)} MB`, target: '', pass: null },
  ];
}

async function main(): Promise<void> {
  const main150 = resolveMainArtifact(values.artifact, !values['no-pipeline']);
  const million = values['skip-1m'] ? null : resolveMillionArtifact(values.million);
  if (!values['no-build'] || !existsSync(join(dist, 'index.html'))) build();
  const mounts: Record<string, string> = { '/bench-artifact/': main150.dir };
  if (million) mounts['/bench-1m/'] = million.dir;
  const server = await serveStatic(dist, mounts);
  const browser = await launch();
  const rows: Row[] = [];
  try {
    log(`measuring ${main150.dir}`);
    rows.push(...(await measureMain(browser, `${server.url}/?artifact=./bench-artifact/`, main150, Number(values.runs))));
    if (million) {
      log(`measuring ${million.dir}`);
      rows.push(...(await measureMillion(browser, `${server.url}/?artifact=./bench-1m/`, million)));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`\nUI benchmark — ${new Date().toISOString()} — load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min)`);
  console.log(`artifact: ${main150.dir} (n=${main150.n.toLocaleString()}, generator: ${main150.generator}${main150.synthetic ? ', SYNTHETIC' : ''})`);
  if (main150.note) console.log(`NOTE: ${main150.note}`);
  if (million) console.log(`1M artifact: ${million.dir} (n=${million.n.toLocaleString()}, generator: ${million.generator})`);
  console.log('Latencies run from the input event\'s timeStamp to the end of the map paint (pixels in the canvas, shown by the next frame).');
  console.log('A keystroke that needs a search shard not fetched yet includes fetching it (the index arrives by shard).\n');
  console.log(table(rows));
  const failed = rows.filter((r) => r.pass === false).length;
  console.log(`\n${failed === 0 ? 'all targets met' : `${failed} target(s) missed`}`);
}

main().catch((e: unknown) => {
  console.error(`bench:ui: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
