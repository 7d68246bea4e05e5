/**
 * Timing of k-means at dashboard scale on random unit blobs.
 *   npx tsx test/pipeline/cluster/bench.ts [n=150000] [d=100] [k=30] [restarts=5] [--ml]
 */
import { performance } from 'node:perf_hooks';
import { kmeans, type KMeansEngine } from '../../../src/pipeline/cluster/kmeans.ts';
import { adjustedRand, unitBlobs } from './fixtures.ts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const [n = 150_000, d = 100, k = 30, restarts = 5] = args.map(Number);
const withMl = process.argv.includes('--ml');

const { X, truth } = unitBlobs(n, d, k, 0.1, 7);
for (const engine of (withMl ? ['fast', 'ml-kmeans'] : ['fast']) as KMeansEngine[]) {
  const t0 = performance.now();
  const r = kmeans(X, n, d, k, { seed: 1, restarts: engine === 'fast' ? restarts : 1, engine });
  const ms = performance.now() - t0;
  console.log(
    `${engine}: n=${n} d=${d} k=${k} restarts=${engine === 'fast' ? restarts : 1} ` +
      `${(ms / 1000).toFixed(2)} s, iterations=${r.iterations}, inertia=${r.inertia.toFixed(3)}, ARI=${adjustedRand(r.labels, truth).toFixed(4)}`,
  );
}
