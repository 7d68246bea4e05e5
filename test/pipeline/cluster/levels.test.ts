import { describe, expect, it } from 'vitest';
import { buildLevels, coarseLevel, levelSizes, majorityParent, splitInTwo, type LevelResult } from '../../../src/pipeline/cluster/levels.ts';
import { weightedKMeans } from '../../../src/pipeline/cluster/weightedKmeans.ts';
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
    expect(levelSizes(1, 10)).toEqual({ coarse: 1, default: 1, fine: 2 });
  });

  it('groups whole default clusters into the coarse level: exact labels, member means, inertia and parents', () => {
    // Default clusters (2-D): 0 = (0,0),(0,2); 1 = (1,1); 2 = (10,0),(10,2),(10,1); 3 = (12,1).
    const X = new Float32Array([0, 0, 10, 0, 1, 1, 0, 2, 10, 2, 12, 1, 10, 1]);
    const labels = new Int32Array([0, 2, 1, 0, 2, 3, 2]);
    const def: LevelResult = { k: 4, labels, centroids: new Float32Array(8), inertia: 0, parent: null };
    const coarse = coarseLevel(X, 7, 2, def, 2, 3);
    // {2, 3} holds 4 papers → coarse 0; {0, 1} holds 3 → coarse 1.
    expect(Array.from(def.parent!)).toEqual([1, 1, 0, 0]);
    expect(Array.from(coarse.labels)).toEqual([1, 0, 1, 1, 0, 0, 0]);
    expect(Array.from(coarse.centroids)).toEqual(Array.from(new Float32Array([10.5, 1, 1 / 3, 1])));
    // (0.25+1)+(0.25+1)+0.25+2.25 around (10.5, 1); (1/9+1)·2 + 4/9 around (1/3, 1).
    expect(coarse.inertia).toBeCloseTo(5 + 8 / 3, 10);
    expect(coarse.parent).toBeNull();
  });

  it('weighted k-means weighs points like repeated rows', () => {
    // 1-D: 0, 1, 3 with weights 1, 1, 10, one group → mean 31/12.
    const P = new Float64Array([0, 1, 3]);
    const rows = Int32Array.from([0, 1, 2]);
    const one = weightedKMeans(P, rows, 1, 1, Float64Array.from([1, 1, 10]), { seed: 1 });
    expect(one.centroids[0]).toBeCloseTo(31 / 12, 12);
    const repeated = new Float64Array([0, 1, ...Array(10).fill(3)]);
    const flat = weightedKMeans(repeated, Int32Array.from({ length: 12 }, (_, i) => i), 1, 1, null, { seed: 1 });
    expect(one.inertia).toBeCloseTo(flat.inertia, 10);
    // Two groups: {0, 1} and {3}.
    const two = weightedKMeans(P, rows, 1, 2, Float64Array.from([1, 1, 10]), { seed: 1, restarts: 3 });
    expect(two.labels[0]).toBe(two.labels[1]);
    expect(two.labels[2]).not.toBe(two.labels[0]);
    expect(two.inertia).toBeCloseTo(0.5, 12);
  });

  it('splits identical rows into two non-empty sides with no gain', () => {
    const X = new Float32Array(12).fill(0.5);
    const split = splitInTwo(X, Int32Array.from([0, 1, 2, 3]), 3, 9);
    expect(split.gain).toBe(0);
    expect(new Set(split.side).size).toBe(2);
  });

  it('fine level with as many clusters as papers, duplicates included', () => {
    const X = new Float32Array([1, 0, 1, 0, 0, 1, 0, 1, 0.6, 0.8, 0.8, 0.6, 1, 0, 0, 1, 0.6, 0.8, 0.7, 0.7]);
    // Only 5 distinct rows: the default level (k = 6) may leave a cluster empty.
    const levels = buildLevels(X, 10, 2, 6, { seed: 2, restarts: 2 });
    expect([levels.coarse.k, levels.fine.k]).toEqual([3, 10]);
    for (let i = 0; i < 10; i++) expect(levels.coarse.labels[i]).toBe(levels.default.parent![levels.default.labels[i]]);
    for (const lv of [levels.coarse, levels.fine]) expect(lv.centroids.every(Number.isFinite)).toBe(true);
    // Unrefined, the bisection gives every paper its own fine cluster.
    const bisected = buildLevels(X, 10, 2, 6, { seed: 2, restarts: 2, fineIterations: 0 });
    expect(new Set(bisected.fine.labels).size).toBe(10);
  });

  it('nests exactly on overlapping data: coarse always, fine when not refined; same seed, same bytes', () => {
    const { X } = unitBlobs(3000, 16, 12, 0.3, 4);
    const levels = buildLevels(X, 3000, 16, 10, { seed: 7, restarts: 2, fineIterations: 0 });
    const { default: def, coarse, fine } = levels;
    for (let i = 0; i < 3000; i++) {
      expect(coarse.labels[i]).toBe(def.parent![def.labels[i]]);
      expect(def.labels[i]).toBe(fine.parent![fine.labels[i]]);
    }
    const sizes = (lv: LevelResult) => Array.from(lv.labels).reduce((s, c) => (s[c]++, s), new Array<number>(lv.k).fill(0));
    for (const lv of [coarse, def, fine]) expect(sizes(lv).every((m, c) => c === 0 || m <= sizes(lv)[c - 1])).toBe(true);
    const refined = buildLevels(X, 3000, 16, 10, { seed: 7, restarts: 2 });
    const again = buildLevels(X, 3000, 16, 10, { seed: 7, restarts: 2 });
    for (const name of ['coarse', 'default', 'fine'] as const) {
      expect(Buffer.from(again[name].labels.buffer).equals(Buffer.from(refined[name].labels.buffer))).toBe(true);
      expect(Buffer.from(again[name].centroids.buffer).equals(Buffer.from(refined[name].centroids.buffer))).toBe(true);
      expect(again[name].inertia).toBe(refined[name].inertia);
      expect(Array.from(again[name].parent ?? [])).toEqual(Array.from(refined[name].parent ?? []));
    }
    // The default level is the same k-means run either way, and refining lowers the fine inertia.
    expect(Array.from(refined.default.labels)).toEqual(Array.from(def.labels));
    expect(refined.fine.inertia).toBeLessThanOrEqual(fine.inertia);
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
    expect(adjustedRand(levels.coarse.labels, Int32Array.from(truth, (b) => b % 4))).toBe(1);
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
