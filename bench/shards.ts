/**
 * `npm run bench:shards -- --input FILE --sample N [--shards S --seed S --k K]`
 *
 * The shard path of docs/scale.md, run locally: fit the map on a seeded sample
 * of the corpus, then place the rest two ways and compare the artifacts:
 *   reference  one process: `preprocess --update` with all the rest;
 *   sharded    the rest cut in S shards, S worker processes at once each placing
 *              one shard against the fitted artifact (read-only), then one merge
 *              that writes the artifact from the placed batches.
 * Prints each step's wall time and peak RSS, then what agrees: clusters,
 * nearest papers and trend counts must be equal; positions are compared by
 * displacement (the layout's random stream differs between the two).
 * Work files go under out/bench/shards/ (never committed).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { intOption, parseArgs } from './lib/args.ts';
import { runMeasured, type ChildRun } from './lib/child.ts';
import { fmtMb, fmtMs, formatTable } from './lib/table.ts';
import { ingestFile, type Paper } from '../src/pipeline/ingest/index.ts';
import { decodeColumn, validateManifest, type Manifest, type TypedColumn } from '../src/schema/artifact.ts';
import { knnMethodFor, type KnnMethod } from '../src/pipeline/project/place.ts';
import { mulberry32 } from '../src/pipeline/vectors/index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SHARD = join(ROOT, 'scripts/shard.ts');

const USAGE = `Usage: npm run bench:shards -- --input FILE --sample N [options]

  --input FILE   corpus (any format preprocess reads)
  --sample N     papers the map is fitted on (a seeded sample); the rest are placed
  --shards S     worker processes placing the rest (default 2)
  --seed S       seed of the sample and of every stage (default 42)
  --k K          clusters of the fit (default 30)
  --out DIR      work folder (default out/bench/shards)
  -h, --help     this text`;

function jsonl(papers: Paper[]): string {
  return papers.map((p) => JSON.stringify({ id: p.id, title: p.title, abstract: p.abstract, date: p.date, categories: p.categories })).join('\n') + '\n';
}

/** A seeded sample of `size` indices out of n, in corpus order. */
export function sampleIndices(n: number, size: number, seed: number): Uint8Array {
  const rand = mulberry32(seed);
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const chosen = new Uint8Array(n);
  for (let i = 0; i < Math.min(size, n); i++) chosen[order[i]!] = 1;
  return chosen;
}

function manifestOf(dir: string): Manifest {
  return validateManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
}

function column(dir: string, m: Manifest, name: string): TypedColumn {
  const ref = m.columns[name]!;
  const b = readFileSync(join(dir, ref.file));
  return decodeColumn(name, ref, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
}

function equalArrays(a: ArrayLike<number>, b: ArrayLike<number>, from = 0): { equal: number; of: number } {
  let equal = 0;
  for (let i = from; i < a.length; i++) if (a[i] === b[i]) equal++;
  return { equal, of: a.length - from };
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function measured(label: string, args: string[]): Promise<ChildRun> {
  const run = await runMeasured(TSX, args, { cwd: ROOT });
  if (run.code !== 0) throw new Error(`${label} failed (exit ${run.code}):\n${run.stderr.slice(-2000)}`);
  return run;
}

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv, { values: ['input', 'sample', 'shards', 'seed', 'k', 'out'], flags: ['help', 'h'] });
  const inputArg = args.values.get('input')?.at(-1);
  const sample = intOption(args, 'sample');
  if (args.flags.has('help') || args.flags.has('h') || !inputArg || !sample) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const input = resolve(inputArg);
  const shards = intOption(args, 'shards') ?? 2;
  const seed = intOption(args, 'seed') ?? 42;
  const k = intOption(args, 'k') ?? 30;
  const out = resolve(args.values.get('out')?.at(-1) ?? join(ROOT, 'out/bench/shards'));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const load0 = loadavg();

  const { papers } = await ingestFile(input, {});
  const chosen = sampleIndices(papers.length, sample, seed);
  const fitted = papers.filter((_, i) => chosen[i]);
  const rest = papers.filter((_, i) => !chosen[i]);
  writeFileSync(join(out, 'sample.jsonl'), jsonl(fitted));
  writeFileSync(join(out, 'rest.jsonl'), jsonl(rest));
  const shardFiles: string[] = [];
  for (let s = 0; s < shards; s++) {
    const file = join(out, `shard-${s}.jsonl`);
    writeFileSync(file, jsonl(rest.slice(Math.floor((s * rest.length) / shards), Math.floor(((s + 1) * rest.length) / shards))));
    shardFiles.push(file);
  }
  process.stderr.write(`shards: ${papers.length} papers: fit on ${fitted.length}, place ${rest.length} (${shards} shards)\n`);

  const common = ['--seed', String(seed), '--k', String(k), '--quiet'];
  const fitDir = join(out, 'fit');
  const fit = await measured('fit', [join(ROOT, 'scripts/preprocess.ts'), '--input', join(out, 'sample.jsonl'), '--out', fitDir, ...common]);
  const refDir = join(out, 'reference');
  const shardDir = join(out, 'sharded');
  cpSync(fitDir, refDir, { recursive: true });
  cpSync(fitDir, shardDir, { recursive: true });
  const floorDir = join(out, 'reference-other-seed');
  cpSync(fitDir, floorDir, { recursive: true });

  const reference = await measured('reference update', [join(ROOT, 'scripts/preprocess.ts'), '--update', refDir, '--input', join(out, 'rest.jsonl'), '--seed', String(seed), '--quiet']);
  // The same one-process placement with another seed of the layout: how far positions move by chance alone.
  await measured('reference update, other seed', [join(ROOT, 'scripts/preprocess.ts'), '--update', floorDir, '--input', join(out, 'rest.jsonl'), '--seed', String(seed + 1), '--quiet']);
  const method: KnnMethod = knnMethodFor(fitted.length, rest.length);
  const t0 = performance.now();
  const workers = await Promise.all(shardFiles.map((file, s) =>
    measured(`worker ${s}`, [SHARD, 'place', '--fit', fitDir, '--input', file, '--out', join(out, `shard-${s}.batch`), '--knn', method, '--seed', String(seed)]),
  ));
  const placeWall = performance.now() - t0;
  const merge = await measured('merge', [SHARD, 'merge', '--artifact', shardDir, ...shardFiles.flatMap((file, s) => ['--input', file, '--batch', join(out, `shard-${s}.batch`)])]);
  const load1 = loadavg();

  const rows = [
    ['fit on the sample', fmtMs(fit.wallMs), fmtMb(fit.peakRssBytes)],
    ['reference: one --update', fmtMs(reference.wallMs), fmtMb(reference.peakRssBytes)],
    ...workers.map((w, s) => [`shard ${s}: place`, fmtMs(w.wallMs), fmtMb(w.peakRssBytes)]),
    [`all ${shards} shards (in parallel)`, fmtMs(placeWall), ''],
    ['merge', fmtMs(merge.wallMs), fmtMb(merge.peakRssBytes)],
    ['sharded total (place + merge)', fmtMs(placeWall + merge.wallMs), ''],
  ];
  process.stdout.write(`\n${formatTable(['step', 'wall', 'peak RSS'], rows)}\n`);
  process.stdout.write(`load average ${load0.map((v) => v.toFixed(2)).join(' ')} → ${load1.map((v) => v.toFixed(2)).join(' ')}; kNN of placed papers: ${method}\n\n`);

  const a = manifestOf(refDir);
  const b = manifestOf(shardDir);
  const n = fitted.length;
  const agree: string[][] = [];
  for (const lv of a.levels) {
    const e = equalArrays(column(refDir, a, lv.column), column(shardDir, b, lv.column), n);
    agree.push([`clusters (${lv.name})`, `${e.equal} / ${e.of}`, e.equal === e.of ? 'equal' : 'DIFFER']);
  }
  const nb = equalArrays(column(refDir, a, 'neighbors'), column(shardDir, b, 'neighbors'), n * a.neighborsK);
  agree.push(['nearest papers', `${nb.equal} / ${nb.of}`, nb.equal === nb.of ? 'equal' : 'DIFFER']);
  const trendsEqual = JSON.stringify(a.trends) === JSON.stringify(b.trends);
  agree.push(['trends (counts, growth, terms, bursts)', '', trendsEqual ? 'equal' : 'DIFFER']);
  const sizesEqual = JSON.stringify(a.levels.map((l) => l.clusters.map((c) => c.size))) === JSON.stringify(b.levels.map((l) => l.clusters.map((c) => c.size)));
  agree.push(['cluster sizes', '', sizesEqual ? 'equal' : 'DIFFER']);
  const xa = column(refDir, a, 'x') as Float32Array;
  const ya = column(refDir, a, 'y') as Float32Array;
  const xb = column(shardDir, b, 'x') as Float32Array;
  const yb = column(shardDir, b, 'y') as Float32Array;
  const [x0, y0, x1, y1] = a.bounds;
  const diag = Math.hypot(x1 - x0, y1 - y0);
  const displacement = (xo: Float32Array, yo: Float32Array) => {
    const d = new Float64Array(rest.length);
    for (let i = 0; i < rest.length; i++) d[i] = Math.hypot(xa[n + i]! - xo[n + i]!, ya[n + i]! - yo[n + i]!) / diag;
    return d.sort();
  };
  const fmt = (d: Float64Array) => `median ${(100 * quantile(d, 0.5)).toFixed(2)} %, p95 ${(100 * quantile(d, 0.95)).toFixed(2)} %, max ${(100 * d[d.length - 1]!).toFixed(1)} %`;
  const c = manifestOf(floorDir);
  const floor = displacement(column(floorDir, c, 'x') as Float32Array, column(floorDir, c, 'y') as Float32Array);
  const fitEqual = equalArrays(xa.subarray(0, n), xb.subarray(0, n));
  agree.push(['fitted papers\' positions', `${fitEqual.equal} / ${fitEqual.of}`, fitEqual.equal === fitEqual.of ? 'equal' : 'DIFFER']);
  agree.push(['placed papers\' displacement / map diagonal', fmt(displacement(xb, yb)), '≈']);
  agree.push([`  the same, reference with seed ${seed + 1} (chance alone)`, fmt(floor), '']);
  process.stdout.write(`${formatTable(['sharded vs reference', 'agree', ''], agree)}\n`);
  if (!existsSync(join(shardDir, 'manifest.json'))) process.exitCode = 1;
  process.stdout.write(`open the merged map: ATLAS_ARTIFACT=${shardDir} npm run dev\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`bench:shards: ${(e as Error).message}\n`);
    process.exitCode = 1;
  });
}
