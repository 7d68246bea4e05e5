/**
 * `npm run shard -- place|merge ...`: the two jobs of a sharded run (docs/scale.md),
 * each its own process, as a job array on a cluster would run them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ingestFile, printable, UserError, type Paper } from '../src/pipeline/ingest/index.ts';
import { ArtifactError } from '../src/schema/artifact.ts';
import { commitUpdate, freshPapers, openForUpdate } from '../src/pipeline/artifact/update.ts';
import { concatBatches, placeBatch, type PlacedBatch } from '../src/pipeline/artifact/placeBatch.ts';
import { decodeBatch, encodeBatch } from '../src/pipeline/artifact/batchFile.ts';
import { acquireLock } from '../src/pipeline/artifact/lock.ts';
import { checkOutputFile } from '../src/pipeline/cli/preflight.ts';
import { createProgress } from '../src/pipeline/cli/progress.ts';
import { knnMethodFor, type KnnMethod } from '../src/pipeline/project/place.ts';

const HELP = `Usage:
  npm run shard -- place --fit DIR --input SHARD --out FILE [--knn exact|hnsw] [--seed N]
  npm run shard -- merge --artifact DIR --input SHARD --batch FILE [--input SHARD --batch FILE ...]

place   puts one shard's papers on the map fitted in DIR (read-only): vectors,
        clusters, nearest papers, positions and term counts, written to FILE.
        --knn: how papers find their neighbours; give every shard of a run the
        same value (default: what one process placing this shard alone would use).
merge   adds the shards' papers to the artifact in DIR (in the order given), as
        one --update with all of them would: clusters, nearest papers and trends
        equal, positions up to the layout's random stream.
  -h, --help   this text
`;

async function place(values: Record<string, string | string[] | boolean | undefined>): Promise<void> {
  const [fit, input, out] = [values.fit, values.input, values.out].map((v) => (Array.isArray(v) ? v.at(-1) : v));
  if (typeof fit !== 'string' || typeof input !== 'string' || typeof out !== 'string') throw new UserError('place needs --fit DIR, --input SHARD and --out FILE (see --help)');
  await checkOutputFile(out, '--out');
  const knn = values.knn;
  if (knn !== undefined && knn !== 'exact' && knn !== 'hnsw') throw new UserError(`--knn must be exact or hnsw, got ${printable(String(knn))}`);
  const seed = Number(values.seed ?? 42);
  if (!Number.isInteger(seed) || seed < 0) throw new UserError(`--seed must be a non-negative integer, got ${printable(String(values.seed))}`);
  const base = await openForUpdate(fit, { docs: false, option: '--fit' });
  const { papers } = await ingestFile(input, {});
  if (papers.length === 0) throw new UserError(`${printable(input)}: no papers`);
  const batch = await placeBatch(base.model, base.map, papers, { seed, knnMethod: (knn as KnnMethod | undefined) ?? knnMethodFor(base.map.n, papers.length) });
  await writeFile(out, encodeBatch(batch, papers.map((p) => p.id)));
}

async function merge(values: Record<string, string | string[] | boolean | undefined>): Promise<void> {
  const dir = values.artifact;
  const inputs = (values.input ?? []) as string[];
  const files = (values.batch ?? []) as string[];
  if (typeof dir !== 'string' || inputs.length === 0 || inputs.length !== files.length) throw new UserError('merge needs --artifact DIR and one --batch FILE after each --input SHARD (see --help)');
  const lock = await acquireLock(dir, '--artifact');
  try {
    const base = await openForUpdate(dir, { docs: true, option: '--artifact' });
    const papers: Paper[] = [];
    const batches: PlacedBatch[] = [];
    let read = 0;
    let undated = 0;
    for (let i = 0; i < inputs.length; i++) {
      const ingested = await ingestFile(inputs[i]!, {});
      const batch = decodeBatch(new Uint8Array(await readFile(files[i]!)), `${printable(files[i]!)} (for ${printable(inputs[i]!)})`, ingested.papers.map((p) => p.id));
      papers.push(...ingested.papers);
      batches.push(batch);
      read += ingested.report.read;
      undated += ingested.report.undated;
    }
    const { duplicates } = freshPapers(base, papers);
    if (duplicates) throw new UserError(`${duplicates} shard paper(s) are on the map already or in two shards; each paper must be in exactly one shard`);
    await commitUpdate(base, { file: `${inputs.length} shards`, read, undated }, papers, concatBatches(batches), createProgress({ quiet: true }));
  } finally {
    await lock.release();
  }
}

async function main(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        fit: { type: 'string' }, input: { type: 'string', multiple: true }, out: { type: 'string' }, knn: { type: 'string' },
        seed: { type: 'string' }, artifact: { type: 'string' }, batch: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help || positionals.length === 0) {
      process.stdout.write(HELP);
      return 0;
    }
    if (positionals[0] === 'place') await place(values);
    else if (positionals[0] === 'merge') await merge(values);
    else throw new UserError(`unknown command ${printable(positionals[0]!)}: use place or merge (see --help)`);
    return 0;
  } catch (e) {
    if (e instanceof UserError || e instanceof ArtifactError || (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      process.stderr.write(`error: ${printable((e as Error).message)}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
