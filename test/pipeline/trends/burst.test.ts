import { describe, expect, it } from 'vitest';
import { kleinbergBursts } from '../../../src/pipeline/trends/burst.ts';

describe('kleinbergBursts', () => {
  it('finds an obvious burst with its weight', () => {
    const r = [5, 5, 5, 30, 35, 30, 5, 5, 5, 5];
    const d = r.map(() => 100);
    const bursts = kleinbergBursts(r, d);
    expect(bursts.map((b) => [b.startBin, b.endBin])).toEqual([[3, 5]]);
    // p0 = 130/1000, p1 = 0.26; weight = Σ over the burst of r ln(p1/p0) + (d − r) ln((1 − p1)/(1 − p0)).
    const p0 = 0.13;
    const p1 = 0.26;
    const w = [30, 35, 30].reduce((s, ri) => s + ri * Math.log(p1 / p0) + (100 - ri) * Math.log((1 - p1) / (1 - p0)), 0);
    expect(bursts[0]!.weight).toBeCloseTo(w, 10);
  });

  it('finds none in a flat series, or when nothing is relevant', () => {
    expect(kleinbergBursts([10, 11, 9, 10, 10, 12, 9, 10], Array(8).fill(100))).toEqual([]);
    expect(kleinbergBursts([0, 0, 0], [10, 10, 10])).toEqual([]);
    expect(kleinbergBursts([], [])).toEqual([]);
  });

  it('charges γ·ln(n) to enter the burst state: a short mild bump passes at γ = 1 but not at a high γ', () => {
    const r = [10, 10, 10, 10, 22, 10, 10, 10, 10, 10];
    const d = r.map(() => 100);
    expect(kleinbergBursts(r, d).map((b) => [b.startBin, b.endBin])).toEqual([[4, 4]]);
    expect(kleinbergBursts(r, d, { gamma: 3 })).toEqual([]);
  });

  it('finds a burst in the share, not the volume; empty bins cost nothing', () => {
    const r = [10, 20, 0, 80, 80, 10];
    const d = [100, 200, 0, 200, 200, 100];
    expect(kleinbergBursts(r, d).map((b) => [b.startBin, b.endBin])).toEqual([[3, 4]]);
    expect(kleinbergBursts([10, 20, 40, 80], [100, 200, 400, 800])).toEqual([]);
  });
});
