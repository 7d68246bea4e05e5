/**
 * Timing of k-means at dashboard scale on random unit blobs. CPU time is
 * printed beside wall time because the machine is shared.
 *
 * Measured 2025-11 on the 2-core dev box (load average ~10 from other work, so
 * wall times there are inflated ~3×; CPU times are the reliable figure):
 *   σ = 0.1 (overlapping), 5 restarts: 6.7 s CPU sequential; ARI 1 (best restart)
 *   σ = 0.02 (make_blobs-like), 5 restarts: 3.3 s CPU
 *   ml-kmeans, one run, σ = 0.1: ~43 s CPU (136 s wall under that load)
 *   SIGMA=0.1 npx tsx bench/stages/kmeans.ts [n=150000] [d=100] [k=30] [restarts=5] [--ml] [--parallel]
 */
import { performance } from 'node:perf_hooks';
import { kmeans, type KMeansEngine } from '../../src/pipeline/cluster/kmeans.ts';
import { kmeansParallel } from '../../src/pipeline/cluster/parallel.ts';
import { adjustedRand, unitBlobs } from '../../test/pipeline/cluster/fixtures.ts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const [n = 150_000, d = 100, k = 30, restarts = 5] = args.map(Number);
const withMl = process.argv.includes('--ml');
const parallel = process.argv.includes('--parallel');
const sigma = Number(process.env.SIGMA ?? 0.1);

const { X, truth } = unitBlobs(n, d, k, sigma, 7);
for (const engine of (withMl ? ['fast', 'ml-kmeans'] : ['fast']) as KMeansEngine[]) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const options = { seed: 1, restarts: engine === 'fast' ? restarts : 1, engine };
  const r = parallel && engine === 'fast' ? await kmeansParallel(X, n, d, k, options) : kmeans(X, n, d, k, options);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    `${engine}${parallel && engine === 'fast' ? ' (2 threads)' : ''}: σ=${sigma} n=${n} d=${d} k=${k} restarts=${engine === 'fast' ? restarts : 1} ` +
      `wall ${(ms / 1000).toFixed(2)} s, cpu ${(cpuMs / 1000).toFixed(2)} s, iterations=${r.iterations}, inertia=${r.inertia.toFixed(3)}, ARI=${adjustedRand(r.labels, truth).toFixed(4)}`,
  );
}
