import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../../src/pipeline/trends/fdr.ts';

describe('benjaminiHochberg', () => {
  it('matches the hand computation on four p-values', () => {
    // sorted 0.005, 0.01, 0.03, 0.04 → p·m/rank = 0.02, 0.02, 0.04, 0.04 (already monotone)
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    expect(Array.from(q)).toEqual([0.02, 0.04, 0.04, 0.02]);
  });

  it('takes the running minimum from the top (R p.adjust "BH" example)', () => {
    // p·m/rank = 0.008, 0.032, 0.104, 0.082, 0.0672, 0.08, 0.084571…, 0.205 → running min from the largest rank
    const p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205];
    const expected = [0.008, 0.032, 0.0672, 0.0672, 0.0672, 0.08, 0.074 * 8 / 7, 0.205];
    const q = benjaminiHochberg(p);
    expected.forEach((e, i) => expect(q[i]).toBeCloseTo(e, 15));
  });

  it('skips NaN (not counted in m) and handles ties', () => {
    // m = 3: sorted 0.5, 0.9, 0.9 → 1.5, 1.35, 0.9 → running min from the top: 0.9 for all
    const q = benjaminiHochberg([0.9, NaN, 0.9, 0.5]);
    expect(q[1]).toBeNaN();
    expect([q[0], q[2], q[3]]).toEqual([0.9, 0.9, 0.9]);
    expect(Array.from(benjaminiHochberg([0.02, 0.02, 0.5]))).toEqual([0.03, 0.03, 0.5]);
    expect(Array.from(benjaminiHochberg([]))).toEqual([]);
  });
});
