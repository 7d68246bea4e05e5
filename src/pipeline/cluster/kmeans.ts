/**
 * k-means entry point: k-means++ seeding, several seeded restarts, lowest
 * inertia wins, labels renumbered so outputs are stable.
 *
 * Small inputs go through the `ml-kmeans` package; larger ones through the
 * typed-array loop in seeding.ts + lloyd.ts (same algorithm). At 150k × 100,
 * k = 30 one ml-kmeans run took ~43 s of CPU, one restart here ~1.3 s
 * (WebAssembly SIMD kernel, Hamerly bounds). The two agree on the same
 * starting centres (test/pipeline/cluster/agreement.test.ts).
 */
import { kmeansPlusPlus, seedingTrials } from './seeding.ts';
import { createKernel, type DistanceKernel } from './kernel.ts';
import { lloyd, type LloydResult } from './lloyd.ts';
import { runMlKmeans } from './mlKmeans.ts';
import { createRng, deriveSeed } from './random.ts';
import { rowNormsSq } from './distance.ts';
import { checkK, checkMatrix } from './validate.ts';
import type { KMeansOptions, KMeansResult } from './types.ts';

export const KMEANS_DEFAULTS = { restarts: 5, maxIterations: 300, tolerance: 1e-4 } as const;

/** Up to this many row×centre pairs ml-kmeans is fast enough (≤ ~0.5 s per run, measured at d = 100). */
export const ML_KMEANS_MAX_WORK = 60_000;

export type KMeansEngine = 'auto' | 'fast' | 'ml-kmeans';

export interface KMeansPlan {
  k: number;
  restarts: number;
  useMl: boolean;
  maxIterations: number;
  shiftTolerance: number;
  /** Seed of each restart: results depend only on these, never on where a run executes. */
  runSeeds: number[];
  initialCentroids?: Float32Array;
}

/** Validates the call and fixes every parameter of the runs. */
export function planKMeans(
  X: Float32Array,
  n: number,
  d: number,
  k: number,
  options: KMeansOptions & { engine?: KMeansEngine },
  variance?: number,
): KMeansPlan {
  checkMatrix(X, n, d, 'kmeans');
  checkK(k, n, 'kmeans');
  const { seed } = options;
  if (!Number.isFinite(seed)) throw new RangeError(`kmeans: seed must be a number, got ${seed}`);
  const restarts = options.initialCentroids ? 1 : (options.restarts ?? KMEANS_DEFAULTS.restarts);
  const maxIterations = options.maxIterations ?? KMEANS_DEFAULTS.maxIterations;
  const tolerance = options.tolerance ?? KMEANS_DEFAULTS.tolerance;
  if (!Number.isInteger(restarts) || restarts < 1) throw new RangeError(`kmeans: restarts must be ≥ 1, got ${restarts}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new RangeError(`kmeans: maxIterations must be a positive integer, got ${maxIterations}`);
  }
  if (!(tolerance >= 0)) throw new RangeError(`kmeans: tolerance must be ≥ 0, got ${tolerance}`);
  if (options.initialCentroids && options.initialCentroids.length !== k * d) {
    throw new RangeError(`kmeans: initialCentroids has ${options.initialCentroids.length} values, expected k × d = ${k * d}`);
  }
  const engine = options.engine ?? 'auto';
  return {
    k,
    restarts,
    useMl: engine === 'ml-kmeans' || (engine === 'auto' && n * k <= ML_KMEANS_MAX_WORK),
    maxIterations,
    shiftTolerance: tolerance * (variance ?? meanFeatureVariance(X, n, d)),
    runSeeds: Array.from({ length: restarts }, (_, r) => deriveSeed(seed, r)),
    initialCentroids: options.initialCentroids,
  };
}

/** Restart `r` of a plan. Pure: the same plan and r give the same bytes anywhere. */
export function runRestart(X: Float32Array, n: number, d: number, plan: KMeansPlan, r: number, fast?: FastContext): LloydResult {
  const { k, maxIterations, shiftTolerance, initialCentroids } = plan;
  const seed = plan.runSeeds[r];
  if (plan.useMl) return runMlKmeans(X, n, d, k, { seed, maxIterations, shiftTolerance, initialCentroids });
  const context = fast ?? fastContext(X, n, d, k);
  return runFast(X, n, d, k, seed, { maxIterations, shiftTolerance }, initialCentroids, context.normsSq, context.kernel(k));
}

/** Row norms and a distance kernel (X copied once into WebAssembly memory), shared by runs on the same X. */
export interface FastContext {
  normsSq: Float64Array;
  kernel(k: number): DistanceKernel;
}

export function fastContext(X: Float32Array, n: number, d: number, kHint = 0): FastContext {
  const normsSq = rowNormsSq(X, n, d);
  let kernel: DistanceKernel | null = null;
  let capacity = 0;
  return {
    normsSq,
    kernel(k) {
      const need = Math.max(k, seedingTrials(k));
      if (!kernel || need > capacity) {
        capacity = Math.max(need, kHint, 64);
        kernel = createKernel(X, n, d, capacity, normsSq);
      }
      return kernel;
    },
  };
}

/** Lowest inertia wins; ties go to the lowest restart index. */
export function pickBest(runs: LloydResult[]): LloydResult {
  let best = runs[0];
  for (const run of runs) if (run.inertia < best.inertia) best = run;
  return best;
}

export function kmeans(
  X: Float32Array,
  n: number,
  d: number,
  k: number,
  options: KMeansOptions & { engine?: KMeansEngine },
): KMeansResult {
  const plan = planKMeans(X, n, d, k, options);
  const context = plan.useMl ? undefined : fastContext(X, n, d, k);
  const runs = plan.runSeeds.map((_, r) => runRestart(X, n, d, plan, r, context));
  return relabelBySize(pickBest(runs), n, d, k);
}

/** One k-means++ + Lloyd run of the typed-array engine. Pure: same inputs, same bytes. */
export function runFast(
  X: Float32Array,
  n: number,
  d: number,
  k: number,
  seed: number,
  options: { maxIterations: number; shiftTolerance: number },
  initialCentroids?: Float32Array,
  normsSq: Float64Array = rowNormsSq(X, n, d),
  kernel: DistanceKernel = createKernel(X, n, d, Math.max(k, seedingTrials(k)), normsSq),
): LloydResult {
  const lloydOptions = { maxIterations: options.maxIterations, shiftTolerance: options.shiftTolerance };
  if (initialCentroids) return lloyd(X, n, d, k, Float64Array.from(initialCentroids), lloydOptions, undefined, normsSq, kernel);
  const seeding = kmeansPlusPlus(X, n, d, k, createRng(seed), normsSq, kernel);
  const start = { labels: seeding.closest, distanceSq: seeding.closestSq };
  return lloyd(X, n, d, k, seeding.centroids, lloydOptions, start, normsSq, kernel);
}

/** scikit-learn scales `tol` by the mean per-feature variance, so it is unit-free. */
export function meanFeatureVariance(X: Float32Array, n: number, d: number): number {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) mean[t] += X[i * d + t];
  for (let t = 0; t < d; t++) mean[t] /= n;
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) {
      const diff = X[i * d + t] - mean[t];
      total += diff * diff;
    }
  }
  return total / (n * d);
}

/** Clusters renumbered by size descending, ties by lowest first row. */
export function relabelBySize(run: LloydResult, n: number, d: number, k: number): KMeansResult {
  const size = new Int32Array(k);
  const firstRow = new Int32Array(k).fill(n);
  for (let i = 0; i < n; i++) {
    const c = run.labels[i];
    size[c]++;
    if (firstRow[c] === n) firstRow[c] = i;
  }
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => size[b] - size[a] || firstRow[a] - firstRow[b]);
  const newId = new Int32Array(k);
  order.forEach((old, rank) => (newId[old] = rank));
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = newId[run.labels[i]];
  const centroids = new Float32Array(k * d);
  order.forEach((old, rank) => centroids.set(run.centroids.subarray(old * d, old * d + d), rank * d));
  return { labels, centroids, inertia: run.inertia, iterations: run.iterations };
}
