import { describe, expect, it } from 'vitest';
import { fitGrowth } from '../../../src/pipeline/trends/growth.ts';
import { binomial, mulberry32 } from './random.ts';

describe('fitGrowth', () => {
  it('recovers an exact doubling per year with the Poisson standard error', () => {
    // counts 10, 20, 40 of 100 each at t = -1, 0, 1: the fit is exact, b = ln 2, Pearson χ² = 0.
    // Information for b: Σμt² − (Σμt)²/Σμ = 50 − 30²/70 = 2600/70 → SE = sqrt(7/260).
    const fit = fitGrowth([10, 20, 40], [100, 100, 100], [-1, 0, 1])!;
    expect(fit.slope).toBeCloseTo(Math.LN2, 12);
    expect(fit.se).toBeCloseTo(Math.sqrt(7 / 260), 12);
    expect(fit.dispersion).toBeCloseTo(0, 12);
    expect(fit.ciLow).toBeCloseTo(Math.LN2 - 1.959963984540054 * Math.sqrt(7 / 260), 12);
    expect(fit.pValue).toBeLessThan(1e-4);
    expect(fit.bins).toBe(3);
  });

  it('uses exposure: a constant share is flat whatever the totals', () => {
    const fit = fitGrowth([5, 10, 20, 40], [50, 100, 200, 400], [0, 1, 2, 3])!;
    expect(fit.slope).toBeCloseTo(0, 12);
    expect(fit.pValue).toBeCloseTo(1, 12);
  });

  it('scales the SE by sqrt(dispersion) and uses t(m−2) when overdispersed', () => {
    const counts = [10, 30, 8, 35, 12, 40];
    const exposure = [100, 100, 100, 100, 100, 100];
    const t = [0, 1, 2, 3, 4, 5];
    const fit = fitGrowth(counts, exposure, t)!;
    expect(fit.dispersion).toBeGreaterThan(1);
    // Recompute by hand at the estimate: intercept from the score equation Σc = Σμ (Σc = 135),
    // then the Poisson information, Pearson χ² and the slope's score (must be 0).
    const mean = 2.5;
    let s0 = 0, s1 = 0, s2 = 0, chi2 = 0, g = 0;
    let e = 0;
    for (let j = 0; j < 6; j++) e += 100 * Math.exp(fit.slope * (t[j]! - mean));
    const intercept = Math.log(135 / e);
    for (let j = 0; j < 6; j++) {
      const mu = 100 * Math.exp(intercept + fit.slope * (t[j]! - mean));
      s0 += mu; s1 += mu * (t[j]! - mean); s2 += mu * (t[j]! - mean) ** 2;
      chi2 += (counts[j]! - mu) ** 2 / mu;
      g += (counts[j]! - mu) * (t[j]! - mean);
    }
    expect(Math.abs(g)).toBeLessThan(1e-8); // the slope solves the score equation
    expect(fit.dispersion).toBeCloseTo(chi2 / 4, 8);
    expect(fit.se).toBeCloseTo(Math.sqrt(s0 / (s0 * s2 - s1 * s1)) * Math.sqrt(chi2 / 4), 8);
    expect(fit.ciHigh - fit.slope).toBeCloseTo(2.7764451051977987 * fit.se, 8); // t(4) 97.5% quantile
  });

  it('skips bins with no total and excluded bins; returns null when not identifiable', () => {
    const a = fitGrowth([10, 0, 20, 40, 99], [100, 0, 100, 100, 50], [-1, -0.5, 0, 1, 2], [1, 1, 1, 1, 0])!;
    expect(a.slope).toBeCloseTo(Math.LN2, 12);
    expect(a.bins).toBe(3);
    expect(fitGrowth([1, 2], [10, 10], [0, 1])).toBeNull(); // fewer than 3 bins
    expect(fitGrowth([0, 0, 0, 0], [10, 10, 10, 10], [0, 1, 2, 3])).toBeNull(); // no counts
    expect(fitGrowth([0, 0, 0, 5], [10, 10, 10, 10], [0, 1, 2, 3])).toBeNull(); // all in the last bin: slope → +∞
    expect(fitGrowth([5, 0, 0, 0], [10, 10, 10, 10], [0, 1, 2, 3])).toBeNull();
    expect(fitGrowth([0, 5, 0, 0], [10, 10, 10, 10], [0, 1, 2, 3])).not.toBeNull(); // interior: finite
  });

  // Synthetic monthly series: N_t = 300 papers per month for 24 months, share p_t = p0·exp(b·t), t in years.
  function series(seed: number, b: number, p0 = 0.08): { counts: number[]; totals: number[]; t: number[] } {
    const rand = mulberry32(seed);
    const t = Array.from({ length: 24 }, (_, m) => (m + 0.5) / 12);
    const totals = t.map(() => 300);
    const counts = t.map((ti, m) => binomial(rand, totals[m]!, p0 * Math.exp(b * (ti - 1))));
    return { counts, totals, t };
  }

  it('recovers the sign of a known rising, flat and falling trend', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rising = series(seed, 0.6);
      const falling = series(seed + 100, -0.6);
      const up = fitGrowth(rising.counts, rising.totals, rising.t)!;
      const down = fitGrowth(falling.counts, falling.totals, falling.t)!;
      expect(up.slope).toBeGreaterThan(0);
      expect(up.ciLow).toBeGreaterThan(0);
      expect(up.pValue).toBeLessThan(0.05);
      expect(down.slope).toBeLessThan(0);
      expect(down.ciHigh).toBeLessThan(0);
      expect(down.pValue).toBeLessThan(0.05);
      const flat = series(seed + 200, 0);
      const f = fitGrowth(flat.counts, flat.totals, flat.t)!;
      expect(f.ciLow).toBeLessThan(0.6);
      expect(f.ciHigh).toBeGreaterThan(-0.6);
    }
  });

  it('finds flat noise not significant at 0.05 in at least 90 of 100 seeded replicates', () => {
    let significant = 0;
    for (let seed = 1000; seed < 1100; seed++) {
      const s = series(seed, 0);
      if (fitGrowth(s.counts, s.totals, s.t)!.pValue < 0.05) significant++;
    }
    expect(significant).toBeLessThanOrEqual(10);
  });
});
