import { describe, expect, it } from 'vitest';
import { candidateKs, chooseK, scanK } from '../../../src/pipeline/cluster/scanK.ts';
import { adjustedRand } from '../../../src/pipeline/cluster/adjustedRand.ts';
import { gaussianReference, subsampleStability } from '../../../src/pipeline/cluster/stability.ts';
import { silhouette } from '../../../src/pipeline/cluster/silhouette.ts';
import { createRng } from '../../../src/pipeline/cluster/random.ts';

/** `k` Gaussian blobs in d dimensions, centres 10 apart on the axes (well separated), σ = 1, rows not normalised. */
function plantedBlobs(n: number, d: number, k: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const X = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    for (let t = 0; t < d; t++) {
      const g = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
      X[i * d + t] = (t === c ? 10 : 0) + g;
    }
  }
  return X;
}

describe('silhouette', () => {
  it('matches the hand computation on four points on a line', () => {
    // 0, 1 | 10, 11. Row 0: a = 1, b = (10 + 11)/2 = 10.5 → 9.5/10.5; row 1: a = 1, b = (9 + 10)/2 = 9.5 → 8.5/9.5;
    // rows 2, 3 mirror rows 1, 0.
    const X = new Float32Array([0, 1, 10, 11]);
    expect(silhouette(X, 4, 1, new Int32Array([0, 0, 1, 1]), 2)).toBeCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, 14);
  });

  it('scores a singleton 0 (scikit-learn convention)', () => {
    const X = new Float32Array([0, 1, 10]);
    expect(silhouette(X, 3, 1, new Int32Array([0, 0, 1]), 2)).toBeCloseTo((0.9 + 8 / 9) / 3, 14);
  });
});

describe('adjustedRand', () => {
  it('is 1 for the same partition under renamed labels', () => {
    expect(adjustedRand(new Int32Array([0, 0, 1, 1, 2]), new Int32Array([2, 2, 0, 0, 1]), 3, 3)).toBe(1);
  });
  it('matches the hand computation', () => {
    // a = [0 0 0 1 1 1], b = [0 0 1 1 2 2]: table pairs = C(2,2) + C(1,2)·0 + … = 1 + 1 = 2; rows: 3 + 3 = 6; cols: 1 + 1 + 1 = 3;
    // expected = 6·3/15 = 1.2; max = 4.5 → (2 − 1.2)/(4.5 − 1.2) = 0.8/3.3.
    expect(adjustedRand(new Int32Array([0, 0, 0, 1, 1, 1]), new Int32Array([0, 0, 1, 1, 2, 2]), 2, 3)).toBeCloseTo(0.8 / 3.3, 14);
  });
});

describe('candidateKs', () => {
  it('takes every k up to 10, then about eight steps to kMax', () => {
    expect(candidateKs(2, 30, 10, 8)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 16, 19, 22, 25, 28, 30]);
    expect(candidateKs(2, 8, 10, 8)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(candidateKs(12, 20, 10, 8)).toEqual([12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(candidateKs(12, 30, 10, 8)).toEqual([12, 15, 18, 21, 24, 27, 30]);
  });
});

describe('chooseK', () => {
  it('keeps the smallest k within one standard error of the best', () => {
    const pts = [
      { k: 2, score: 0.1, se: 0.01 },
      { k: 3, score: 0.45, se: 0.02 },
      { k: 4, score: 0.5, se: 0.06 },
      { k: 5, score: 0.2, se: 0.01 },
    ];
    expect(chooseK(pts)).toBe(3); // 0.45 ≥ 0.5 − 0.06
    expect(chooseK(pts.map((p) => (p.k === 4 ? { ...p, se: 0.04 } : p)))).toBe(4); // 0.45 < 0.46
  });
});

describe('stability', () => {
  it('is 1 on well-separated blobs at the planted k, and the Gaussian reference keeps the spread but not the clusters', () => {
    const X = plantedBlobs(300, 10, 3, 1);
    const s = subsampleStability(X, 300, 10, 3, { pairs: 3, fraction: 0.8, seed: 5 });
    expect(Array.from(s)).toEqual([1, 1, 1]);
    const R = gaussianReference(X, 300, 10, 9);
    for (let i = 0; i < 300; i++) {
      let norm = 0;
      for (let t = 0; t < 10; t++) norm += R[i * 10 + t]! ** 2;
      expect(norm).toBeCloseTo(1, 5);
    }
    const r = subsampleStability(R, 300, 10, 3, { pairs: 3, fraction: 0.8, seed: 5 });
    expect(Math.max(...r)).toBeLessThan(0.9);
  });
});

describe('scanK', () => {
  for (const planted of [3, 6]) {
    it(`finds the ${planted} planted blobs in 10-D, from k = 2, and returns the whole curve`, () => {
      const X = plantedBlobs(1200, 10, planted, 7 + planted);
      const r = scanK(X, 1200, 10, { kMin: 2, kMax: 12, seed: 3, sampleSize: 500 });
      expect(r.best).toBe(planted);
      expect(r.points.map((p) => p.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      const top = r.points.find((p) => p.k === planted)!;
      expect(top.stability).toBe(1);
      for (const p of r.points) if (p.k !== planted) expect(p.score).toBeLessThan(top.score);
      expect(r.criterion).toMatch(/500-paper sample/);
    });
  }

  it('same seed, same curve and choice; another seed, other subsamples', () => {
    const X = plantedBlobs(600, 10, 4, 2);
    const a = scanK(X, 600, 10, { kMin: 2, kMax: 8, seed: 1 });
    const b = scanK(X, 600, 10, { kMin: 2, kMax: 8, seed: 1 });
    expect(b).toEqual(a);
    expect(a.best).toBe(4);
    const c = scanK(X, 600, 10, { kMin: 2, kMax: 8, seed: 2 });
    expect(c.points.map((p) => p.reference)).not.toEqual(a.points.map((p) => p.reference));
  });

  it('still gives a curve on a corpus of three rows (subsamples keep k + 1 rows)', () => {
    const X = plantedBlobs(3, 10, 2, 1);
    const r = scanK(X, 3, 10, { kMin: 2, kMax: 2, seed: 1 });
    expect(r.points.map((p) => p.k)).toEqual([2]);
    expect(r.best).toBe(2);
  });

  it('refuses a range the sample cannot hold', () => {
    const X = plantedBlobs(20, 10, 2, 1);
    expect(() => scanK(X, 20, 10, { kMin: 2, kMax: 20, seed: 1 })).toThrow(/sample size 20/);
    expect(() => scanK(X, 20, 10, { kMin: 1, kMax: 4, seed: 1 })).toThrow(/kMin/);
  });
});
