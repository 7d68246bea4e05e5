/**
 * Growth of a share over time: Poisson regression of the per-bin count on time
 * with log(bin total) as offset,
 *     log E[c_t] = log N_t + a + b·t,   t = bin midpoint in years,
 * so b is the change in log-share per year. Fitted by Newton–Raphson (= IRLS
 * for the canonical log link) with step halving.
 *
 * Overdispersion: real topic shares vary more than Poisson noise, which would
 * make almost every slope "significant". We use quasi-Poisson inference: the
 * dispersion φ = Pearson χ² / (m − 2) over the m usable bins; when φ > 1 the
 * Wald SE is multiplied by √φ and the p-value and CI use Student's t with
 * m − 2 df (as R's glm with family = quasipoisson does); when φ ≤ 1 the plain
 * Poisson SE and the normal distribution are used (φ is floored at 1 so that
 * underdispersion never shrinks an interval).
 */
import { normalTwoSidedP, studentCritical, studentTwoSidedP, Z_975 } from './stats.ts';

export interface GrowthFit {
  /** Change in log-share per year. */
  slope: number;
  /** Standard error of the slope, after the dispersion scale. */
  se: number;
  ciLow: number;
  ciHigh: number;
  pValue: number;
  /** Pearson χ² / (m − 2); values above 1 widened the interval. */
  dispersion: number;
  /** Bins that entered the fit (included, with N_t > 0). */
  bins: number;
}

export const GROWTH_METHOD =
  'Poisson regression of per-bin count on time (years, bin midpoints) with log(bin total) as offset, Newton/IRLS; ' +
  'Wald SE scaled by sqrt(max(1, Pearson chi2/(m-2))) (quasi-Poisson), p and 95% CI from Student t(m-2) when scaled, normal otherwise; ' +
  'bins with total 0 and partial bins excluded; null when fewer than 3 bins, no counts, or all counts in the first or last bin; ' +
  'Benjamini-Hochberg q over the clusters of a level, and for terms within each term family';

/**
 * Fits the trend of `counts` against `exposure` (bin totals) over time `t`.
 * Only bins with `include[b]` (default: all) and exposure > 0 are used.
 * Returns null when the slope is not identifiable: fewer than 3 usable bins,
 * no counts, or all counts in the first or last usable bin (the MLE is ±∞).
 */
export function fitGrowth(
  counts: ArrayLike<number>,
  exposure: ArrayLike<number>,
  t: ArrayLike<number>,
  include?: ArrayLike<number | boolean>,
): GrowthFit | null {
  const n = counts.length;
  if (exposure.length !== n || t.length !== n) throw new RangeError(`trends: counts (${n}), exposure (${exposure.length}) and t (${t.length}) differ in length`);
  let m = 0;
  let total = 0;
  let exposureSum = 0;
  let tSum = 0;
  let first = -1;
  let last = -1;
  for (let b = 0; b < n; b++) {
    if ((include && !include[b]) || !(exposure[b]! > 0)) continue;
    m++;
    total += counts[b]!;
    exposureSum += exposure[b]!;
    tSum += t[b]!;
    if (first < 0) first = b;
    last = b;
  }
  if (m < 3 || total <= 0) return null;
  if (counts[first] === total || counts[last] === total) return null;

  // Compact the usable bins; centre t for conditioning (the slope does not change).
  const c = new Float64Array(m);
  const x = new Float64Array(m);
  const logN = new Float64Array(m);
  const tMean = tSum / m;
  for (let b = 0, j = 0; b < n; b++) {
    if ((include && !include[b]) || !(exposure[b]! > 0)) continue;
    c[j] = counts[b]!;
    x[j] = t[b]! - tMean;
    logN[j] = Math.log(exposure[b]!);
    j++;
  }
  const loglik = (a: number, s: number): number => {
    let l = 0;
    for (let j = 0; j < m; j++) {
      const eta = logN[j]! + a + s * x[j]!;
      l += c[j]! * eta - Math.exp(eta);
    }
    return l;
  };

  let a = Math.log(total / exposureSum);
  let slope = 0;
  let ll = loglik(a, slope);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let converged = false;
  for (let iter = 0; iter < 100; iter++) {
    let g0 = 0;
    let g1 = 0;
    s0 = s1 = s2 = 0;
    for (let j = 0; j < m; j++) {
      const mu = Math.exp(logN[j]! + a + slope * x[j]!);
      const r = c[j]! - mu;
      g0 += r;
      g1 += r * x[j]!;
      s0 += mu;
      s1 += mu * x[j]!;
      s2 += mu * x[j]! * x[j]!;
    }
    const det = s0 * s2 - s1 * s1;
    if (!(det > 0)) break;
    let da = (s2 * g0 - s1 * g1) / det;
    let db = (s0 * g1 - s1 * g0) / det;
    let step = 1;
    let next = loglik(a + da, slope + db);
    while (!(next >= ll - 1e-12 * Math.abs(ll)) && step > 1e-10) {
      step /= 2;
      next = loglik(a + da * step, slope + db * step);
    }
    da *= step;
    db *= step;
    a += da;
    slope += db;
    ll = next;
    if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) {
      converged = true;
      break;
    }
  }
  if (!converged || !Number.isFinite(slope)) return null;

  // Information and Pearson χ² at the estimate.
  let chi2 = 0;
  s0 = s1 = s2 = 0;
  for (let j = 0; j < m; j++) {
    const mu = Math.exp(logN[j]! + a + slope * x[j]!);
    chi2 += ((c[j]! - mu) * (c[j]! - mu)) / mu;
    s0 += mu;
    s1 += mu * x[j]!;
    s2 += mu * x[j]! * x[j]!;
  }
  const df = m - 2;
  const dispersion = chi2 / df;
  const scaled = dispersion > 1;
  const se = Math.sqrt(s0 / (s0 * s2 - s1 * s1)) * (scaled ? Math.sqrt(dispersion) : 1);
  const z = slope / se;
  const critical = scaled ? studentCritical(df) : Z_975;
  return {
    slope,
    se,
    ciLow: slope - critical * se,
    ciHigh: slope + critical * se,
    pValue: scaled ? studentTwoSidedP(z, df) : normalTwoSidedP(z),
    dispersion,
    bins: m,
  };
}
