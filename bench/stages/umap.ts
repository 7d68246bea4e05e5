/**
 * Timing and quality of the project stage on stand-in data (not a test).
 *   npx tsx bench/stages/umap.ts knn 150000     # builds + caches the kNN graph
 *   npx tsx bench/stages/umap.ts umap 150000    # UMAP on the cached graph
 * Run under `/usr/bin/time -v` for peak RSS.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { makeBlobs } from '../../test/pipeline/project/blobs.ts';
import { knnGraph, exactKnn, DEFAULT_HNSW, type KnnGraph } from '../../src/pipeline/project/knn.ts';
import { umapProject } from '../../src/pipeline/project/umap.ts';
import { neighbourPreservation, sampleRows } from '../../src/pipeline/project/quality.ts';

const [mode = 'knn', nArg = '150000', ...rest] = process.argv.slice(2);
const n = Number(nArg);
const d = 100;
const k = 15;
const { X } = makeBlobs(n, d, 300, 0.3, 42, 3);
const cache = `/tmp/topic-atlas-knn-${n}.bin`;

function recall(knn: KnnGraph, samples: number): number {
  let hit = 0;
  const rows = sampleRows(n, samples, 1);
  for (const i of rows) {
    const dist = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += X[i * d + t] * X[j * d + t];
      dist[j] = j === i ? Infinity : 1 - s;
    }
    const truth = Array.from(dist.keys()).sort((a, b) => dist[a] - dist[b]).slice(0, k);
    const got = new Set(knn.indices.subarray(i * k, i * k + k));
    for (const j of truth) if (got.has(j)) hit++;
  }
  return hit / (rows.length * k);
}

if (mode === 'knn') {
  const hnsw = rest.length ? { m: +rest[0], efConstruction: +rest[1], ef: +rest[2] } : DEFAULT_HNSW;
  const t = performance.now();
  const cpu = process.cpuUsage();
  const knn = knnGraph(X, n, d, k, { seed: 1, hnsw });
  const secs = (performance.now() - t) / 1000;
  console.log(`knnGraph n=${n} ${JSON.stringify(hnsw)}: ${secs.toFixed(1)} s wall, ${(process.cpuUsage(cpu).user / 1e6).toFixed(1)} s CPU`);
  console.log(`recall@${k} on 300 rows: ${recall(knn, 300).toFixed(4)}`);
  writeFileSync(cache, Buffer.concat([Buffer.from(knn.indices.buffer), Buffer.from(knn.distances.buffer)]));
} else if (mode === 'exact') {
  const t = performance.now();
  exactKnn(X, n, d, k);
  console.log(`exactKnn n=${n}: ${((performance.now() - t) / 1000).toFixed(2)} s`);
} else {
  if (!existsSync(cache)) throw new Error(`run the knn mode for n=${n} first`);
  const buf = readFileSync(cache);
  const knn: KnnGraph = {
    k,
    indices: new Int32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + n * k * 4)),
    distances: new Float32Array(buf.buffer.slice(buf.byteOffset + n * k * 4, buf.byteOffset + n * k * 8)),
  };
  const init = (rest[0] as 'pca' | 'random' | undefined) ?? 'pca';
  const t = performance.now();
  const cpu = process.cpuUsage();
  const coords = umapProject(X, n, d, knn, { seed: 1, init });
  const secs = (performance.now() - t) / 1000;
  console.log(`umapProject n=${n} init=${init}: ${secs.toFixed(1)} s wall, ${(process.cpuUsage(cpu).user / 1e6).toFixed(1)} s CPU`);
  const t2 = performance.now();
  console.log(`neighbourPreservation@10: ${neighbourPreservation(X, n, d, coords).toFixed(4)} (${((performance.now() - t2) / 1000).toFixed(1)} s)`);
}
