/**
 * Adapter around the `ml-kmeans` package (k-means++ with greedy trials, plain
 * Lloyd). Used for small inputs and as the reference the fast loop is tested
 * against. It reports no inertia, and its labels belong to the centres before
 * its last update, so both are recomputed here against the final centres.
 */
import { kmeans as mlKmeans } from 'ml-kmeans';
import { squaredDistance } from './distance.ts';
import type { LloydResult } from './lloyd.ts';

export function toRows(X: Float32Array, n: number, d: number): number[][] {
  const rows: number[][] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = Array.from(X.subarray(i * d, i * d + d));
  return rows;
}

export function runMlKmeans(
  X: Float32Array,
  n: number,
  d: number,
  k: number,
  options: { seed: number; maxIterations: number; shiftTolerance: number; initialCentroids?: Float32Array },
): LloydResult {
  const initialization = options.initialCentroids ? toRows(options.initialCentroids, k, d) : 'kmeans++';
  // ml-kmeans stops when every centre moved ≤ tolerance (squared); our tolerance bounds the sum.
  const result = mlKmeans(toRows(X, n, d), k, {
    seed: options.seed,
    maxIterations: options.maxIterations,
    tolerance: options.shiftTolerance,
    initialization,
  });
  const centroids = new Float64Array(k * d);
  result.centroids.forEach((c, j) => centroids.set(c, j * d));
  const labels = new Int32Array(n);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestSq = Infinity;
    for (let j = 0; j < k; j++) {
      const sq = squaredDistance(X, i, centroids, j, d);
      if (sq < bestSq) {
        bestSq = sq;
        best = j;
      }
    }
    labels[i] = best;
    inertia += bestSq;
  }
  return { labels, centroids, inertia, iterations: result.iterations };
}
