/**
 * Run by parallel.test.ts under tsx (workers cannot start inside vitest):
 * prints digests of kmeans() and kmeansParallel() results, and the threads used.
 */
import { createHash } from 'node:crypto';
import { kmeans } from '../../../src/pipeline/cluster/kmeans.ts';
import { createKMeansPool } from '../../../src/pipeline/cluster/parallel.ts';
import { unitBlobs } from './fixtures.ts';

const n = 20_000;
const d = 50;
const k = 30;
const { X } = unitBlobs(n, d, 40, 0.15, 13);
const digest = (r: { labels: Int32Array; centroids: Float32Array; inertia: number }): string =>
  createHash('sha256')
    .update(new Uint8Array(r.labels.buffer))
    .update(new Uint8Array(r.centroids.buffer))
    .update(String(r.inertia))
    .digest('hex');

const sequential = kmeans(X, n, d, k, { seed: 3, restarts: 4 });
const pool = createKMeansPool(X, n, d, { threads: 2 });
const parallel = await pool.kmeans(k, { seed: 3, restarts: 4 });
console.log(JSON.stringify({ threads: pool.threads, sequential: digest(sequential), parallel: digest(parallel) }));
await pool.close();
