/**
 * `npm run bench [-- --corpus NAME|PATH ... --k N --seed S --repeat N --quick]`
 *
 * For each corpus, runs our CLI (`scripts/preprocess.ts`, in a child process) and the Python peer
 * (bench/peer/pipeline.py: scikit-learn + umap-learn) with the same parameters, alternating
 * (ours, peer, ours, peer, ...; --repeat rounds), so that load from other processes falls on both
 * sides alike. Prints each run with the machine's load average at its start and end, each side's
 * median and the ratio of the medians, the per-stage medians (wall time, peak RSS), then the targets.
 * A missing corpus or peer is reported and skipped. The tables are saved as JSON under bench/results/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { intOption, parseArgs } from './lib/args.ts';
import { runMeasured, type ChildRun } from './lib/child.ts';
import { BENCH_PARAMS, defaultCorpora, ensureCorpus, resolveCorpus, type Corpus } from './lib/corpora.ts';
import { PEER_PYTHON, parsePeerOutput, peerArgs, peerUnavailable, type PeerOutput } from './lib/peer.ts';
import { fmtMb, fmtMs, fmtRatio, formatTable, ratio } from './lib/table.ts';
import { alternation, fmtLoad, formatMedians, formatRuns, median, type LoadAverage, type TimedRun } from './lib/rounds.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'out/bench');
const CHILD_TIMEOUT_MS = 60 * 60_000;

const USAGE = `Usage: npm run bench [-- options]

  --corpus NAME|PATH  corpus to measure (repeatable); names: ${defaultCorpora(ROOT).map((c) => c.name).join(', ')}
                      (default: all of them; a path runs at k 30, min-df 5)
  --quick             only the first two default corpora (bundled, labelled-2k)
  --k N               clusters for every corpus (default: 5 bundled, 18 labelled-2k, else 30)
  --seed S            seed for both sides (default 42)
  --repeat N          rounds per corpus, alternating ours and peer (default 3); medians reported
  --no-peer           ours only
  -h, --help          this text

Targets: whole pipeline ≤ 0.8× the peer's wall time with peak RSS no higher at ~150k papers;
the bundled corpus under 3 s.`;

interface OurTimings {
  timingsMs: Record<string, number>;
  peakRssBytes: Record<string, number>;
}

interface Side {
  ok: boolean;
  error?: string;
  process?: { wallMs: number; peakRssBytes: number | null };
  stages?: Record<string, { ms: number | null; rssBytes: number | null }>;
}

interface StageRow {
  stage: string;
  oursMs: number | null;
  peerMs: number | null;
  oursRss: number | null;
  peerRss: number | null;
}

interface CorpusResult {
  corpus: string;
  path: string;
  papers: number | null;
  params: Record<string, number>;
  ours: Side;
  peer: Side;
  rows: StageRow[];
  targets: Array<{ target: string; value: string; pass: boolean | null }>;
  runs: TimedRun[];
  skipped?: string;
}

const DEFAULT_REPEAT = 3;

/** Our stage names → the peer's (knn and umap together are umap-learn's UMAP.fit). */
const STAGE_MAP: Array<{ label: string; ours: string[]; peer: string | null }> = [
  { label: 'ingest (read)', ours: ['ingest'], peer: 'ingest' },
  { label: 'tfidf ↔ TfidfVectorizer', ours: ['tfidf'], peer: 'tfidf' },
  { label: 'lsa ↔ TruncatedSVD+Normalizer', ours: ['lsa'], peer: 'lsa' },
  { label: 'k-scan (ours only)', ours: ['k-scan'], peer: null },
  { label: 'kmeans ↔ KMeans', ours: ['kmeans'], peer: 'kmeans' },
  { label: 'knn+umap ↔ UMAP', ours: ['knn', 'umap'], peer: 'umap' },
  { label: 'labels (ours only)', ours: ['labels'], peer: null },
  { label: 'trends (ours only)', ours: ['trends'], peer: null },
  { label: 'write (ours only)', ours: ['write'], peer: null },
  { label: 'imports (peer only)', ours: [], peer: 'import' },
];

async function runOurs(corpus: Corpus, k: number, seed: number): Promise<{ side: Side; stages: OurTimings | null; papers: number | null }> {
  const timingsPath = join(OUT, `${corpus.name}.timings.json`);
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const args = [
    join(ROOT, 'scripts/preprocess.ts'),
    '--input', corpus.path,
    '--k', String(k),
    '--restarts', String(BENCH_PARAMS.restarts),
    '--min-df', String(corpus.minDf),
    '--max-df', String(BENCH_PARAMS.maxDf),
    '--seed', String(seed),
    '--out', join(OUT, corpus.name),
    '--timings-json', timingsPath,
    '--quiet',
  ];
  let run: ChildRun;
  try {
    run = await runMeasured(tsx, args, { cwd: ROOT, timeoutMs: CHILD_TIMEOUT_MS });
  } catch (e) {
    return { side: { ok: false, error: (e as Error).message }, stages: null, papers: null };
  }
  const papers = Number(/kept (\d+)/.exec(run.stderr)?.[1] ?? NaN);
  if (run.code !== 0 || !existsSync(timingsPath)) {
    return { side: { ok: false, error: `exit ${run.code}: ${lastLines(run.stderr)}` }, stages: null, papers: null };
  }
  const stages = JSON.parse(readFileSync(timingsPath, 'utf8')) as OurTimings;
  return {
    side: { ok: true, process: { wallMs: run.wallMs, peakRssBytes: run.peakRssBytes } },
    stages,
    papers: Number.isFinite(papers) ? papers : null,
  };
}

async function runPeer(corpus: Corpus, k: number, seed: number): Promise<{ side: Side; out: PeerOutput | null }> {
  const outPath = join(OUT, `${corpus.name}.peer.json`);
  const args = peerArgs(ROOT, corpus.path, { k, restarts: BENCH_PARAMS.restarts, minDf: corpus.minDf, maxDf: BENCH_PARAMS.maxDf, seed }, ['--out', outPath]);
  try {
    const run = await runMeasured(PEER_PYTHON, args, { cwd: ROOT, timeoutMs: CHILD_TIMEOUT_MS });
    if (run.code !== 0 || !existsSync(outPath)) return { side: { ok: false, error: `exit ${run.code}: ${lastLines(run.stderr)}` }, out: null };
    const out = parsePeerOutput(readFileSync(outPath, 'utf8'));
    return { side: { ok: true, process: { wallMs: run.wallMs, peakRssBytes: run.peakRssBytes } }, out };
  } catch (e) {
    return { side: { ok: false, error: (e as Error).message }, out: null };
  }
}

function stageRows(ours: OurTimings | null, peer: PeerOutput | null, oursSide: Side, peerSide: Side): StageRow[] {
  const rows: StageRow[] = [];
  for (const m of STAGE_MAP) {
    const present = m.ours.filter((s) => ours?.timingsMs[s] !== undefined);
    const oursMs = present.length ? present.reduce((t, s) => t + ours!.timingsMs[s]!, 0) : null;
    const rss = present.map((s) => ours!.peakRssBytes[s]).filter((x): x is number => x !== undefined);
    const oursRss = rss.length ? Math.max(...rss) : null;
    const peerMs = m.peer && peer?.seconds[m.peer] !== undefined ? peer.seconds[m.peer]! * 1000 : null;
    const peerRss = m.peer ? (peer?.peakRssBytes[m.peer] ?? null) : null;
    if ((oursMs === null || (oursMs === 0 && m.peer === null)) && peerMs === null) continue;
    rows.push({ stage: m.label, oursMs, peerMs, oursRss, peerRss });
  }
  // Stages the CLI reports that the map does not name yet (so a new stage is never silently dropped).
  const mapped = new Set(STAGE_MAP.flatMap((m) => m.ours));
  for (const [stage, ms] of Object.entries(ours?.timingsMs ?? {})) {
    if (mapped.has(stage) || stage === 'total' || ms === 0) continue;
    rows.push({ stage: `${stage} (ours only)`, oursMs: ms, peerMs: null, oursRss: ours!.peakRssBytes[stage] ?? null, peerRss: null });
  }
  rows.push({
    stage: 'total (in-process)',
    oursMs: ours?.timingsMs.total ?? null,
    peerMs: peer ? peer.seconds.total! * 1000 : null,
    oursRss: ours?.peakRssBytes.total ?? null,
    peerRss: peer?.peakRssBytes.total ?? null,
  });
  rows.push({
    stage: 'process (start-up incl., GNU time RSS)',
    oursMs: oursSide.process?.wallMs ?? null,
    peerMs: peerSide.process?.wallMs ?? null,
    oursRss: oursSide.process?.peakRssBytes ?? null,
    peerRss: peerSide.process?.peakRssBytes ?? null,
  });
  return rows;
}

function targetsFor(corpus: Corpus, papers: number | null, rows: StageRow[]): CorpusResult['targets'] {
  const proc = rows.at(-1)!;
  const total = rows.at(-2)!;
  const targets: CorpusResult['targets'] = [];
  if (corpus.name === 'bundled') {
    targets.push({
      target: 'bundled corpus < 3 s (our process wall, Node start-up included)',
      value: `${fmtMs(proc.oursMs)} (in-process ${fmtMs(total.oursMs)})`,
      pass: proc.oursMs === null ? null : proc.oursMs < 3000,
    });
  }
  if ((papers ?? 0) >= 100_000) {
    const scale = corpus.name === 'scale-150k' ? '' : ' (informational: the target is set at ~150k)';
    const wall = ratio(proc.oursMs, proc.peerMs);
    const rss = ratio(proc.oursRss, proc.peerRss);
    targets.push({
      target: `whole pipeline ≤ 0.8× peer wall (process)${scale}`,
      value: `${fmtRatio(proc.oursMs, proc.peerMs)} (in-process ${fmtRatio(total.oursMs, total.peerMs)})`,
      pass: wall === null ? null : wall <= 0.8,
    });
    targets.push({ target: `peak RSS ≤ peer (process)${scale}`, value: fmtRatio(proc.oursRss, proc.peerRss), pass: rss === null ? null : rss <= 1 });
  }
  return targets;
}

function printCorpus(r: CorpusResult): void {
  console.log(`\n== ${r.corpus} (${relative(ROOT, r.path)}; ${r.papers ?? '?'} papers; k ${r.params.k}, min-df ${r.params.minDf}, max-df ${r.params.maxDf}, restarts ${r.params.restarts}, seed ${r.params.seed})`);
  if (r.skipped) {
    console.log(`   skipped: ${r.skipped}`);
    return;
  }
  if (!r.ours.ok) console.log(`   ours failed: ${r.ours.error}`);
  if (!r.peer.ok) console.log(`   peer unavailable: ${r.peer.error}`);
  for (const line of formatRuns(r.runs, cpus().length)) console.log(line);
  console.log(formatMedians(r.runs));
  console.log(`   per stage: the median of the ${r.runs.filter((x) => x.side === 'ours').length} runs of each side`);
  console.log(
    formatTable(
      ['stage', 'ours wall', 'peer wall', 'ours/peer', 'ours peak RSS', 'peer peak RSS', 'ours/peer'],
      r.rows.map((x) => [x.stage, fmtMs(x.oursMs), fmtMs(x.peerMs), fmtRatio(x.oursMs, x.peerMs), fmtMb(x.oursRss), fmtMb(x.peerRss), fmtRatio(x.oursRss, x.peerRss)]),
    ),
  );
  const stagesMs = r.rows.slice(0, -2).reduce((t, x) => t + (x.oursMs ?? 0), 0);
  const oursTotal = r.rows.at(-2)?.oursMs;
  if (oursTotal && stagesMs > oursTotal * 1.02) {
    console.log(`   note: our stages overlap (k-means runs beside kNN + UMAP), so their walls sum to ${fmtMs(stagesMs)} > total ${fmtMs(oursTotal)}`);
  }
  for (const t of r.targets) console.log(`   target: ${t.target}: ${t.value} → ${t.pass === null ? 'n/a' : t.pass ? 'PASS' : 'FAIL'}`);
}

/** Each cell the median over the runs (rows matched by stage; a stage missing from a run does not count there). */
function medianRows(perRun: StageRow[][]): StageRow[] {
  const labels = [...new Set(perRun.flatMap((rows) => rows.map((r) => r.stage)))];
  return labels.map((stage) => {
    const rows = perRun.map((rs) => rs.find((r) => r.stage === stage)).filter((r): r is StageRow => r !== undefined);
    const cell = (f: keyof Omit<StageRow, 'stage'>) => median(rows.map((r) => r[f]));
    return { stage, oursMs: cell('oursMs'), peerMs: cell('peerMs'), oursRss: cell('oursRss'), peerRss: cell('peerRss') };
  });
}

/** A side over its runs: ok when one ran; the median process wall and RSS of those that did; the first error. */
function medianSide(sides: Side[]): Side {
  const ok = sides.filter((s) => s.ok);
  if (ok.length === 0) return sides[0] ?? { ok: false };
  const failed = sides.find((s) => !s.ok);
  return {
    ok: true,
    ...(failed ? { error: `${sides.length - ok.length} of ${sides.length} runs failed: ${failed.error}` } : {}),
    process: { wallMs: median(ok.map((s) => s.process?.wallMs))!, peakRssBytes: median(ok.map((s) => s.process?.peakRssBytes)) },
  };
}

function lastLines(text: string, n = 3): string {
  return text.trim().split('\n').slice(-n).join(' | ') || '(no output)';
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, { values: ['corpus', 'k', 'seed', 'repeat'], flags: ['quick', 'no-peer', 'help', 'h'] });
    alternation(intOption(args, 'repeat') ?? DEFAULT_REPEAT, true);
  } catch (e) {
    console.error(`bench: ${(e as Error).message}`);
    return 2;
  }
  if (args.flags.has('help') || args.flags.has('h')) {
    console.log(USAGE);
    return 0;
  }
  const kOverride = intOption(args, 'k');
  const seed = intOption(args, 'seed') ?? BENCH_PARAMS.seed;
  const repeat = intOption(args, 'repeat') ?? DEFAULT_REPEAT;
  const named = args.values.get('corpus');
  const corpora = named ? named.map((c) => resolveCorpus(ROOT, c)) : defaultCorpora(ROOT).slice(0, args.flags.has('quick') ? 2 : undefined);
  mkdirSync(OUT, { recursive: true });

  const peerProblem = args.flags.has('no-peer') ? 'skipped (--no-peer)' : peerUnavailable(ROOT);
  if (peerProblem) console.log(`peer unavailable: ${peerProblem}; measuring ours only`);
  console.log(`bench: ${corpora.map((c) => c.name).join(', ')}; ours = node ${process.version} + tsx (child process), peer = ${PEER_PYTHON} (child process); ${repeat} round${repeat === 1 ? '' : 's'}, alternating`);
  const startLoad = loadavg() as unknown as LoadAverage;
  console.log(`load average at start: ${fmtLoad(startLoad)} (1 / 5 / 15 min, ${cpus().length} cores)`);

  const results: CorpusResult[] = [];
  for (const corpus of corpora) {
    const k = kOverride ?? corpus.k;
    const params = { k, minDf: corpus.minDf, maxDf: BENCH_PARAMS.maxDf, restarts: BENCH_PARAMS.restarts, seed };
    const base = { corpus: corpus.name, path: corpus.path, params, rows: [], targets: [] };
    const missing = await ensureCorpus(corpus);
    if (missing) {
      const r: CorpusResult = { ...base, papers: null, ours: { ok: false }, peer: { ok: false }, runs: [], skipped: missing };
      results.push(r);
      printCorpus(r);
      continue;
    }
    const oursRuns: Array<Awaited<ReturnType<typeof runOurs>>> = [];
    const peerRuns: Array<{ side: Side; out: PeerOutput | null }> = [];
    const runs: TimedRun[] = [];
    for (const turn of alternation(repeat, !peerProblem)) {
      console.error(`bench: ${corpus.name}: ${turn.side} ${turn.round}/${repeat}…`);
      const loadBefore = loadavg() as unknown as LoadAverage;
      let side: Side;
      if (turn.side === 'ours') {
        const run = await runOurs(corpus, k, seed);
        oursRuns.push(run);
        side = run.side;
      } else {
        const run = await runPeer(corpus, k, seed);
        peerRuns.push(run);
        side = run.side;
      }
      runs.push({ ...turn, ok: side.ok, wallMs: side.process?.wallMs ?? null, loadBefore, loadAfter: loadavg() as unknown as LoadAverage });
    }
    const noPeer = { side: { ok: false, error: peerProblem ?? '' }, out: null };
    const rows = medianRows(oursRuns.map((o, i) => stageRows(o.stages, peerRuns[i]?.out ?? null, o.side, (peerRuns[i] ?? noPeer).side)));
    const ours = medianSide(oursRuns.map((o) => o.side));
    const peerOut = peerRuns.find((p) => p.out)?.out ?? null;
    const peer = peerRuns.length ? medianSide(peerRuns.map((p) => p.side)) : noPeer.side;
    const papers = oursRuns.find((o) => o.papers !== null)?.papers ?? peerOut?.n ?? null;
    const r: CorpusResult = { ...base, papers, ours, peer: { ...peer, ...(peerOut ? { version: peerOut.peer, n: peerOut.n } : {}) }, rows, runs, targets: targetsFor(corpus, papers, rows) };
    results.push(r);
    printCorpus(r);
  }

  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const endLoad = loadavg() as unknown as LoadAverage;
  console.log(`\nload average at end: ${fmtLoad(endLoad)} (at start: ${fmtLoad(startLoad)})`);
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, peer: peerProblem ?? 'available', repeat, load: { start: startLoad, end: endLoad }, results }, null, 2));
  console.log(`\nsaved ${relative(ROOT, file)}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
