/**
 * `--k auto`: for each candidate k, how much more reproducible k-means is on
 * a seeded sample of the papers than on a Gaussian reference with the same
 * spread and no clusters (see stability.ts), as kappa = (s − r) / (1 − r).
 * The chosen k is the smallest whose kappa is within one standard error of
 * the largest (the one-SE rule of the gap statistic): a larger k must be
 * clearly more reproducible to win.
 * The whole curve is returned so the dashboard can show why.
 *
 * Cost: 4 × pairs k-means runs (one restart, ≤ 50 iterations) on
 * fraction × sampleSize rows per candidate, whatever the corpus size.
 */
import type { KMeansEngine } from './kmeans.ts';
import { deriveSeed } from './random.ts';
import { sampleRows } from './sampleRows.ts';
import { gatherRows, gaussianReference, subsampleStability } from './stability.ts';
import { checkMatrix } from './validate.ts';

export { sampleRows };

export const SCAN_K_DEFAULTS = { sampleSize: 1000, pairs: 5, fraction: 0.8, everyKUpTo: 10, widerSteps: 8 } as const;

export interface ScanKOptions {
  kMin: number;
  kMax: number;
  seed: number;
  /** Every k up to this one, then about `widerSteps` evenly spaced candidates up to kMax. */
  everyKUpTo?: number;
  widerSteps?: number;
  /** Rows of the scan's sample (all rows if n is smaller). */
  sampleSize?: number;
  /** Subsample pairs per candidate, on the data and on the reference. */
  pairs?: number;
  /** Share of the sample in each subsample. */
  fraction?: number;
  engine?: KMeansEngine;
}

export interface ScanKPoint {
  k: number;
  /** Mean adjusted Rand index of paired subsample clusterings of the papers. */
  stability: number;
  /** The same on the Gaussian reference (no clusters). */
  reference: number;
  /** (stability − reference) / (1 − reference), per pair then averaged: the criterion. */
  score: number;
  /** Standard error of score over the pairs. */
  se: number;
}

export interface ScanKResult {
  points: ScanKPoint[];
  best: number;
  criterion: string;
}

export function candidateKs(kMin: number, kMax: number, everyKUpTo: number, widerSteps: number): number[] {
  const ks: number[] = [];
  for (let k = kMin; k <= Math.min(kMax, everyKUpTo); k++) ks.push(k);
  if (ks.length === 0) ks.push(kMin);
  const from = ks[ks.length - 1]!;
  if (from < kMax) {
    const step = Math.max(1, Math.ceil((kMax - from) / widerSteps));
    for (let k = from + step; k < kMax; k += step) ks.push(k);
    ks.push(kMax);
  }
  return ks;
}

export function scanK(X: Float32Array, n: number, d: number, options: ScanKOptions): ScanKResult {
  checkMatrix(X, n, d, 'scanK');
  const { kMin, kMax, seed } = options;
  const o = { ...SCAN_K_DEFAULTS, ...definedOnly(options) };
  const sampleSize = Math.min(n, o.sampleSize);
  if (!Number.isInteger(kMin) || kMin < 2) throw new RangeError(`scanK: kMin must be an integer ≥ 2, got ${kMin}`);
  if (!Number.isInteger(kMax) || kMax < kMin) throw new RangeError(`scanK: kMax must be an integer ≥ kMin = ${kMin}, got ${kMax}`);
  if (!(o.fraction > 0 && o.fraction <= 1)) throw new RangeError(`scanK: fraction must be in (0, 1], got ${o.fraction}`);
  if (!Number.isInteger(o.pairs) || o.pairs < 1) throw new RangeError(`scanK: pairs must be a positive integer, got ${o.pairs}`);
  // Subsamples keep at least k + 1 rows (stability.ts), so tiny corpora still get a curve.
  if (kMax >= sampleSize) throw new RangeError(`scanK: kMax = ${kMax} must be below the sample size ${sampleSize}`);

  const S = gatherRows(X, d, sampleRows(n, sampleSize, deriveSeed(seed, 1_000_003)));
  const R = gaussianReference(S, sampleSize, d, deriveSeed(seed, 1_000_033));
  const stabilityOptions = { pairs: o.pairs, fraction: o.fraction, engine: o.engine ?? ('auto' as const) };
  const ks = candidateKs(kMin, kMax, o.everyKUpTo, o.widerSteps);
  const points = ks.map((k): ScanKPoint => {
    const data = subsampleStability(S, sampleSize, d, k, { ...stabilityOptions, seed: deriveSeed(seed, 1_000_037) });
    const reference = subsampleStability(R, sampleSize, d, k, { ...stabilityOptions, seed: deriveSeed(seed, 1_000_039) });
    // Agreement beyond the reference's, as a share of what the reference leaves (Cohen's kappa's form):
    // a plain difference grows with k because the reference's stability falls towards 0 while text keeps
    // small stable groups at any k.
    const diff = data.map((x, p) => (1 - reference[p]! > 1e-9 ? (x - reference[p]!) / (1 - reference[p]!) : 0));
    return { k, stability: mean(data), reference: mean(reference), score: mean(diff), se: standardError(diff) };
  });
  const best = { k: chooseK(points) };
  const sampleText = sampleSize === n ? `all ${n} papers` : `a seeded ${sampleSize}-paper sample`;
  return {
    points,
    best: best.k,
    criterion:
      `stability beyond chance: ARI of k-means on ${o.pairs} pairs of ${Math.round(o.fraction * 100)} % subsamples of ${sampleText}, ` +
      `against the same on a Gaussian reference without clusters, as a share of the reference's shortfall from 1; ` +
      `the smallest k within one standard error of the best, k = ${ks[0]}…${kMax}`,
  };
}

/** The smallest k whose score is within one standard error of the best score. */
export function chooseK(points: readonly Pick<ScanKPoint, 'k' | 'score' | 'se'>[]): number {
  let top = points[0]!;
  for (const p of points) if (p.score > top.score) top = p;
  const floor = top.score - top.se;
  let chosen = top.k;
  for (const p of points) if (p.score >= floor && p.k < chosen) chosen = p.k;
  return chosen;
}

function mean(x: Float64Array): number {
  let s = 0;
  for (const v of x) s += v;
  return s / x.length;
}

function standardError(x: Float64Array): number {
  if (x.length < 2) return 0;
  const m = mean(x);
  let ss = 0;
  for (const v of x) ss += (v - m) ** 2;
  return Math.sqrt(ss / (x.length - 1) / x.length);
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
