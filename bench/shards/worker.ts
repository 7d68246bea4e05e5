/**
 * The two jobs of a sharded run (bench/shards.ts), each its own process as it
 * would be on a cluster:
 *   place FIT_DIR SHARD.jsonl OUT.batch KNN SEED   places one shard against the fitted artifact (read-only)
 *   merge DIR SHARD.jsonl SHARD.batch ...          writes DIR's artifact with every shard's papers added
 */
import { readFile, writeFile } from 'node:fs/promises';
import { ingestFile } from '../../src/pipeline/ingest/index.ts';
import { commitUpdate, freshPapers, openForUpdate } from '../../src/pipeline/artifact/update.ts';
import { concatBatches, placeBatch } from '../../src/pipeline/artifact/placeBatch.ts';
import { decodeBatch, encodeBatch } from '../../src/pipeline/artifact/batchFile.ts';
import { createProgress } from '../../src/pipeline/cli/progress.ts';
import type { KnnMethod } from '../../src/pipeline/project/place.ts';

async function place([fitDir, shard, out, knn, seed]: string[]): Promise<void> {
  const base = await openForUpdate(fitDir!, { docs: false });
  const { papers } = await ingestFile(shard!, {});
  const batch = await placeBatch(base.model, base.map, papers, { seed: Number(seed), knnMethod: knn as KnnMethod });
  await writeFile(out!, encodeBatch(batch));
}

async function merge([dir, ...pairs]: string[]): Promise<void> {
  const base = await openForUpdate(dir!);
  const papers = [];
  const batches = [];
  let read = 0;
  let undated = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    const ingested = await ingestFile(pairs[i]!, {});
    papers.push(...ingested.papers);
    read += ingested.report.read;
    undated += ingested.report.undated;
    batches.push(decodeBatch(new Uint8Array(await readFile(pairs[i + 1]!)), pairs[i + 1]!));
  }
  const { fresh, duplicates } = freshPapers(base, papers);
  if (duplicates) throw new Error(`merge: ${duplicates} shard paper(s) already on the map; the shards must hold only new papers`);
  const progress = createProgress({ quiet: true });
  await commitUpdate(base, { file: `${pairs.length / 2} shards`, read, undated }, fresh, concatBatches(batches), progress);
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'place') await place(rest);
else if (mode === 'merge') await merge(rest);
else throw new Error(`worker: unknown mode ${mode}; use place or merge`);
