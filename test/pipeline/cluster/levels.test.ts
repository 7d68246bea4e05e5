import { describe, expect, it } from 'vitest';
import { buildLevels, levelSizes, majorityParent } from '../../../src/pipeline/cluster/levels.ts';
import { adjustedRand, unitBlobs } from './fixtures.ts';

describe('granularity levels', () => {
  it('maps each child cluster to the coarse cluster holding most of its rows', () => {
    // child 0 rows → coarse 1, 1, 0 (majority 1); child 1 → 0, 0 (0); child 2 → 0, 1 (tie: lowest, 0).
    const child = new Int32Array([0, 0, 0, 1, 1, 2, 2]);
    const coarse = new Int32Array([1, 1, 0, 0, 0, 0, 1]);
    expect(Array.from(majorityParent(child, 3, coarse, 2))).toEqual([1, 0, 0]);
  });

  it('sizes coarse ≈ k/2 (≥ 2) and fine ≈ 2k, clamped to n', () => {
    expect(levelSizes(9, 1000)).toEqual({ coarse: 5, default: 9, fine: 18 });
    expect(levelSizes(3, 1000)).toEqual({ coarse: 2, default: 3, fine: 6 });
    expect(levelSizes(6, 10)).toEqual({ coarse: 3, default: 6, fine: 10 });
  });

  it('nests blobs: 8 blobs in 4 pairs give coarse 4 → default 8 → fine 16', () => {
    // Blob c sits near "pair" centre c % 4 so the coarse level groups blobs in pairs.
    const { X: pairs } = unitBlobs(8, 12, 4, 0, 1); // rows 0..3 are the 4 pair centres, rows 4..7 repeat them
    const { X: offsets } = unitBlobs(8, 12, 8, 0, 2);
    const n = 1600;
    const d = 12;
    const X = new Float32Array(n * d);
    const { X: noise } = unitBlobs(n, d, 1, 1, 3);
    const truth = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const blob = i % 8;
      truth[i] = blob;
      let norm = 0;
      for (let t = 0; t < d; t++) {
        const v = pairs[(blob % 4) * d + t] + 0.35 * offsets[blob * d + t] + 0.02 * noise[i * d + t];
        X[i * d + t] = v;
        norm += v * v;
      }
      for (let t = 0; t < d; t++) X[i * d + t] /= Math.sqrt(norm);
    }
    const levels = buildLevels(X, n, d, 8, { seed: 5 });
    expect([levels.coarse.k, levels.default.k, levels.fine.k]).toEqual([4, 8, 16]);
    expect(levels.coarse.parent).toBeNull();
    // Every default cluster is one blob, and its parent is the coarse cluster of its pair.
    const def = levels.default;
    expect(adjustedRand(def.labels, truth)).toBe(1);
    for (let i = 0; i < n; i++) expect(levels.coarse.labels[i]).toBe(def.parent![def.labels[i]]);
    for (let i = 0; i < n; i++) expect(def.labels[i]).toBe(levels.fine.parent![levels.fine.labels[i]]);
    // Deterministic.
    const again = buildLevels(X, n, d, 8, { seed: 5 });
    expect(Array.from(again.fine.parent!)).toEqual(Array.from(levels.fine.parent!));
    expect(Array.from(again.fine.labels)).toEqual(Array.from(levels.fine.labels));
  });
});
