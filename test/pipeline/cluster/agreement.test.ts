import { describe, expect, it } from 'vitest';
import { lloyd } from '../../../src/pipeline/cluster/lloyd.ts';
import { runMlKmeans } from '../../../src/pipeline/cluster/mlKmeans.ts';
import { unitBlobs } from './fixtures.ts';

describe('fast loop vs ml-kmeans', () => {
  it('same input, same initial centres: same assignments and centroids', () => {
    const n = 1500;
    const d = 24;
    const k = 9;
    const { X } = unitBlobs(n, d, 12, 0.25, 21); // overlapping: many iterations, many moves
    const init = X.slice(0, k * d); // first k rows as centres
    const ml = runMlKmeans(X, n, d, k, { seed: 1, maxIterations: 1000, shiftTolerance: 0, initialCentroids: init });
    const fast = lloyd(X, n, d, k, Float64Array.from(init), { maxIterations: 1000, shiftTolerance: 0 });
    expect(fast.iterations).toBeGreaterThan(3);
    expect(Array.from(fast.labels)).toEqual(Array.from(ml.labels));
    for (let i = 0; i < k * d; i++) expect(Math.abs(fast.centroids[i] - ml.centroids[i])).toBeLessThan(1e-12);
    expect(fast.inertia).toBeCloseTo(ml.inertia, 9);
  });
});
