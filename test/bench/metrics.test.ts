import { describe, expect, it } from 'vitest';
import { ari, contingency, encodeLabels, meanSd, nmi, vMeasure } from '../../bench/lib/metrics.ts';

// Hand computations (natural logs):
// truth [0,0,1,1], clusters [0,0,1,2]
//   H(truth) = ln2, H(clusters) = 1.5 ln2, MI = ½ln2 + ¼ln2 + ¼ln2 = ln2
//   NMI = ln2 / ((ln2 + 1.5 ln2) / 2) = 0.8; homogeneity 1, completeness 2/3, V = 0.8
//   ARI: Σ C(nij,2) = 1, Σ C(ai,2) = 2, Σ C(bj,2) = 1, C(4,2) = 6, expected 1/3, max 3/2
//        → (1 − 1/3) / (3/2 − 1/3) = 4/7
describe('clustering metrics', () => {
  const truth = [0, 0, 1, 1];
  const split = [0, 0, 1, 2];

  it('encodes labels densely in first-seen order', () => {
    expect(Array.from(encodeLabels(['b', 'a', 'b', 'c']).codes)).toEqual([0, 1, 0, 2]);
    const c = contingency(truth, split);
    expect(Array.from(c.table)).toEqual([2, 0, 0, 0, 1, 1]);
    expect(Array.from(c.classSizes)).toEqual([2, 2]);
    expect(Array.from(c.clusterSizes)).toEqual([2, 1, 1]);
  });

  it('NMI, ARI and V-measure on a split cluster', () => {
    expect(nmi(truth, split)).toBeCloseTo(0.8, 12);
    expect(ari(truth, split)).toBeCloseTo(4 / 7, 12);
    const v = vMeasure(truth, split);
    expect(v.homogeneity).toBeCloseTo(1, 12);
    expect(v.completeness).toBeCloseTo(2 / 3, 12);
    expect(v.vMeasure).toBeCloseTo(0.8, 12);
  });

  it('a relabelled identical partition scores 1, with any label type', () => {
    const a = ['x', 'x', 'y', 'z', 'z'];
    const b = new Int32Array([7, 7, 3, 0, 0]);
    expect(nmi(a, b)).toBeCloseTo(1, 12);
    expect(ari(a, b)).toBeCloseTo(1, 12);
    expect(vMeasure(a, b).vMeasure).toBeCloseTo(1, 12);
  });

  it('independent partitions: MI 0, ARI −1/2', () => {
    // Σ C(nij,2) = 0, Σ C(ai,2) = 2, Σ C(bj,2) = 2, expected 2·2/6 = 2/3, max 2 → (0 − 2/3)/(2 − 2/3) = −1/2
    expect(nmi([0, 0, 1, 1], [0, 1, 0, 1])).toBe(0);
    expect(ari([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
    expect(vMeasure([0, 0, 1, 1], [0, 1, 0, 1]).vMeasure).toBe(0);
  });

  it('truth [0,0,0,1,1,1] vs clusters [0,0,1,1,2,2]: ARI 8/33', () => {
    // Σ C(nij,2) = 2, Σ C(ai,2) = 6, Σ C(bj,2) = 3, C(6,2) = 15, expected 6·3/15 = 1.2, max 4.5 → 0.8/3.3
    expect(ari([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(8 / 33, 12);
  });

  it('trivial partitions follow sklearn (both one block → 1)', () => {
    expect(nmi([1, 1, 1], [5, 5, 5])).toBe(1);
    expect(ari([1, 1, 1], [5, 5, 5])).toBe(1);
    expect(vMeasure([1, 1, 1], [5, 5, 5]).vMeasure).toBe(1);
  });

  it('agrees with scikit-learn 1.2.1 on a 12-paper fixture', () => {
    // sklearn.metrics on the same vectors: NMI 0.502890942203581, ARI 0.18518518518518517 (= 5/27),
    // homogeneity 0.4895740177100198, completeness 0.5169525925206235
    const t = [0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 3, 3];
    const p = [1, 1, 0, 0, 0, 2, 2, 2, 2, 1, 3, 0];
    expect(nmi(t, p)).toBeCloseTo(0.502890942203581, 12);
    expect(ari(t, p)).toBeCloseTo(5 / 27, 12);
    const v = vMeasure(t, p);
    expect(v.homogeneity).toBeCloseTo(0.4895740177100198, 12);
    expect(v.completeness).toBeCloseTo(0.5169525925206235, 12);
    expect(v.vMeasure).toBeCloseTo(0.502890942203581, 12);
  });

  it('rejects vectors of different lengths', () => {
    expect(() => nmi([0, 1], [0])).toThrow(/2 labels.*1/);
  });

  it('mean and sample standard deviation', () => {
    const { mean, sd } = meanSd([1, 2, 3, 4]);
    expect(mean).toBe(2.5);
    expect(sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(meanSd([0.5])).toEqual({ mean: 0.5, sd: 0 });
  });
});
