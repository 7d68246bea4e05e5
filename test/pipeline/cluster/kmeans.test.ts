import { describe, expect, it } from 'vitest';
import { kmeans, runFast } from '../../../src/pipeline/cluster/kmeans.ts';
import { deriveSeed } from '../../../src/pipeline/cluster/random.ts';
import { adjustedRand, unitBlobs } from './fixtures.ts';

// Two obvious groups: A = (0,0) (0,1) (1,0), B = (10,10) (10,11) (11,10).
// Means: A (1/3, 1/3), B (31/3, 31/3). Squared distances to the mean in A:
// (0,0): 1/9 + 1/9 = 2/9; (0,1): 1/9 + 4/9 = 5/9; (1,0): 5/9 → 12/9 = 4/3; B the same → inertia 8/3.
const six = new Float32Array([0, 0, 0, 1, 1, 0, 10, 10, 10, 11, 11, 10]);
const start = new Float32Array([10, 10, 0, 0]); // deliberately B first: relabelling puts row 0's cluster first

describe('kmeans', () => {
  for (const engine of ['fast', 'ml-kmeans'] as const) {
    it(`converges to the hand-computed solution from given centres (${engine})`, () => {
      const r = kmeans(six, 6, 2, 2, { seed: 1, initialCentroids: start, engine });
      expect(Array.from(r.labels)).toEqual([0, 0, 0, 1, 1, 1]);
      const c = Array.from(r.centroids);
      [1 / 3, 1 / 3, 31 / 3, 31 / 3].forEach((v, i) => expect(c[i]).toBeCloseTo(v, 6));
      expect(r.inertia).toBeCloseTo(8 / 3, 12);
    });
  }

  it('gives identical bytes for the same seed', () => {
    const { X } = unitBlobs(3000, 20, 6, 0.2, 11);
    const a = kmeans(X, 3000, 20, 5, { seed: 42, engine: 'fast' });
    const b = kmeans(X, 3000, 20, 5, { seed: 42, engine: 'fast' });
    expect(Buffer.from(a.labels.buffer).equals(Buffer.from(b.labels.buffer))).toBe(true);
    expect(Buffer.from(a.centroids.buffer).equals(Buffer.from(b.centroids.buffer))).toBe(true);
    expect(a.inertia).toBe(b.inertia);
  });

  it('keeps the restart with the lowest inertia', () => {
    const { X } = unitBlobs(2000, 10, 12, 0.3, 5);
    const options = { maxIterations: 300, shiftTolerance: 0 };
    const single = [0, 1, 2, 3, 4].map((r) => runFast(X, 2000, 10, 7, deriveSeed(9, r), options).inertia);
    expect(new Set(single.map((v) => v.toFixed(6))).size).toBeGreaterThan(1); // the runs do differ
    const best = kmeans(X, 2000, 10, 7, { seed: 9, restarts: 5, tolerance: 0, engine: 'fast' });
    expect(best.inertia).toBe(Math.min(...single));
  });

  it('recovers well-separated blobs perfectly (ARI 1), on both engines', () => {
    const { X, truth } = unitBlobs(600, 16, 4, 0.03, 3);
    for (const engine of ['fast', 'ml-kmeans'] as const) {
      const r = kmeans(X, 600, 16, 4, { seed: 7, engine });
      expect(adjustedRand(r.labels, truth)).toBe(1);
    }
  });

  it('numbers clusters by size, largest first', () => {
    // Rows 0-1 near 0, rows 2-4 near 5: the three-row group becomes cluster 0.
    const X = new Float32Array([0, 0.1, 5, 5.1, 5.2]);
    const r = kmeans(X, 5, 1, 2, { seed: 3 });
    expect(Array.from(r.labels)).toEqual([1, 1, 0, 0, 0]);
  });

  it('names what is wrong with bad input', () => {
    expect(() => kmeans(new Float32Array(5), 3, 2, 2, { seed: 1 })).toThrow(/expected n × d/);
    expect(() => kmeans(six, 6, 2, 7, { seed: 1 })).toThrow(/exceeds the number of rows/);
    expect(() => kmeans(new Float32Array([0, NaN]), 1, 2, 1, { seed: 1 })).toThrow(/row 0, column 1/);
  });
});
