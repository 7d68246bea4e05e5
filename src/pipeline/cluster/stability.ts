/**
 * How reproducible a k-means partition is, beyond what k-means finds in data
 * without clusters (the idea of Clest, Dudoit & Fridlyand 2002).
 *
 * Stability: k-means on two seeded subsamples of the rows, compared by the
 * adjusted Rand index on the rows both hold, averaged over pairs (Ben-Hur et
 * al. 2002). Raw stability favours k = 2 (any elongated cloud splits the same
 * way every time) and is noisy at large k, so it is measured again on a
 * reference with the same per-coordinate mean and spread but Gaussian, hence
 * no clusters; scanK.ts scores k by the agreement beyond the reference's.
 */
import { kmeans, type KMeansEngine } from './kmeans.ts';
import { adjustedRand } from './adjustedRand.ts';
import { createRng, deriveSeed } from './random.ts';
import { sampleRows } from './sampleRows.ts';

export interface StabilityOptions {
  /** Subsample pairs. */
  pairs: number;
  /** Share of the rows in each subsample, in (0, 1]. */
  fraction: number;
  seed: number;
  /** Lloyd iterations per run (a cap: stability needs the partition, not the last digit of inertia). */
  maxIterations?: number;
  engine?: KMeansEngine;
}

/** Adjusted Rand index between k-means of each pair of subsamples, on their common rows (one value per pair). */
export function subsampleStability(X: Float32Array, n: number, d: number, k: number, options: StabilityOptions): Float64Array {
  const m = Math.max(k + 1, Math.floor(n * options.fraction));
  if (m > n) throw new RangeError(`subsampleStability: k = ${k} needs more than ${n} rows`);
  const slot = new Int32Array(n);
  const agreement = new Float64Array(options.pairs);
  for (let p = 0; p < options.pairs; p++) {
    // The subsamples depend on the pair only, not on k: every k is judged on the same rows.
    const rowsA = sampleRows(n, m, deriveSeed(options.seed, 2 * p));
    const rowsB = sampleRows(n, m, deriveSeed(options.seed, 2 * p + 1));
    const run = (rows: Int32Array, stream: number): Int32Array =>
      kmeans(gatherRows(X, d, rows), rows.length, d, k, {
        seed: deriveSeed(deriveSeed(options.seed, 1000 + k), stream),
        restarts: 1,
        maxIterations: options.maxIterations ?? 50,
        engine: options.engine ?? 'auto',
      }).labels;
    const la = run(rowsA, 2 * p);
    const lb = run(rowsB, 2 * p + 1);
    slot.fill(-1);
    rowsB.forEach((r, i) => (slot[r] = i));
    const a: number[] = [];
    const b: number[] = [];
    rowsA.forEach((r, i) => {
      if (slot[r]! >= 0) {
        a.push(la[i]!);
        b.push(lb[slot[r]!]!);
      }
    });
    agreement[p] = adjustedRand(Int32Array.from(a), Int32Array.from(b), k, k);
  }
  return agreement;
}

/**
 * n rows drawn from independent Gaussians with each coordinate's mean and
 * standard deviation in X, then L2-normalised like the LSA rows: X's spread
 * without its clusters.
 */
export function gaussianReference(X: Float32Array, n: number, d: number, seed: number): Float32Array {
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) mean[t] += X[i * d + t]!;
  for (let t = 0; t < d; t++) mean[t] /= n;
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) sd[t] += (X[i * d + t]! - mean[t]!) ** 2;
  for (let t = 0; t < d; t++) sd[t] = Math.sqrt(sd[t]! / n);
  const rng = createRng(seed);
  const R = new Float32Array(n * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let t = 0; t < d; t++) {
      // Box–Muller; 1 − u keeps the log finite.
      const g = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
      row[t] = mean[t]! + sd[t]! * g;
      norm += row[t]! * row[t]!;
    }
    norm = Math.sqrt(norm) || 1;
    for (let t = 0; t < d; t++) R[i * d + t] = row[t]! / norm;
  }
  return R;
}

export function gatherRows(X: Float32Array, d: number, rows: Int32Array): Float32Array {
  const S = new Float32Array(rows.length * d);
  rows.forEach((r, i) => S.set(X.subarray(r * d, r * d + d), i * d));
  return S;
}
