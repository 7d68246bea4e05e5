/**
 * `--k auto`: cluster a seeded sample for each candidate k and keep the k with
 * the highest mean silhouette. The whole curve is returned so the dashboard
 * can show why that k was chosen.
 */
import { kmeans, type KMeansEngine } from './kmeans.ts';
import { deriveSeed, createRng } from './random.ts';
import { pairwiseDistances, silhouetteFromDistances } from './silhouette.ts';
import { checkMatrix } from './validate.ts';

export interface ScanKOptions {
  kMin: number;
  kMax: number;
  /** Default: spacing giving at most ~16 candidates. */
  step?: number;
  seed: number;
  /** Rows clustered per candidate (all rows if n is smaller). Default 2000. */
  sampleSize?: number;
  /** k-means runs per candidate. Default 2. */
  restarts?: number;
  engine?: KMeansEngine;
}

export interface ScanKResult {
  points: { k: number; silhouette: number; inertia: number }[];
  best: number;
  criterion: string;
}

export function scanK(X: Float32Array, n: number, d: number, options: ScanKOptions): ScanKResult {
  checkMatrix(X, n, d, 'scanK');
  const { kMin, kMax, seed } = options;
  const sampleSize = Math.min(n, options.sampleSize ?? 2000);
  if (!Number.isInteger(kMin) || kMin < 2) throw new RangeError(`scanK: kMin must be an integer ≥ 2, got ${kMin}`);
  if (!Number.isInteger(kMax) || kMax < kMin) throw new RangeError(`scanK: kMax must be an integer ≥ kMin = ${kMin}, got ${kMax}`);
  if (kMax >= sampleSize) throw new RangeError(`scanK: kMax = ${kMax} must be below the sample size ${sampleSize}`);
  const step = options.step ?? Math.max(1, Math.ceil((kMax - kMin) / 15));
  if (!Number.isInteger(step) || step < 1) throw new RangeError(`scanK: step must be a positive integer, got ${step}`);

  const rows = sampleRows(n, sampleSize, deriveSeed(seed, 1_000_003));
  const S = new Float32Array(sampleSize * d);
  rows.forEach((r, i) => S.set(X.subarray(r * d, r * d + d), i * d));
  const D = pairwiseDistances(S, sampleSize, d);

  const points: ScanKResult['points'] = [];
  const ks: number[] = [];
  for (let k = kMin; k <= kMax; k += step) ks.push(k);
  if (ks[ks.length - 1] !== kMax) ks.push(kMax);
  for (const k of ks) {
    const r = kmeans(S, sampleSize, d, k, {
      seed: deriveSeed(seed, k),
      restarts: options.restarts ?? 2,
      engine: options.engine ?? 'auto',
    });
    points.push({ k, silhouette: silhouetteFromDistances(D, sampleSize, r.labels, k), inertia: r.inertia });
  }
  let best = points[0];
  for (const p of points) if (p.silhouette > best.silhouette) best = p; // ties keep the smaller k
  const sampleText = sampleSize === n ? `all ${n} papers` : `a seeded ${sampleSize}-paper sample`;
  return {
    points,
    best: best.k,
    criterion: `max mean silhouette (Euclidean on unit rows) of k-means on ${sampleText}, k = ${ks[0]}…${kMax}`,
  };
}

/** `m` distinct rows of [0, n), ascending (partial Fisher–Yates). */
export function sampleRows(n: number, m: number, seed: number): Int32Array {
  const rng = createRng(seed);
  if (m >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < m; i++) {
    const j = i + rng.int(n - i);
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, m).sort();
}
