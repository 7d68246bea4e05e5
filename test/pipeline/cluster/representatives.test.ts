import { describe, expect, it } from 'vitest';
import { representatives } from '../../../src/pipeline/cluster/representatives.ts';

describe('representatives', () => {
  it('lists the rows closest to each centroid by cosine, best first', () => {
    // Cluster 0 centroid along x: cosines 0.6 (row 0), 1 (row 2), 0.8 (row 3), 0.8 (row 5, tie → row 3 first).
    // Cluster 1 centroid along y: row 1 (cos 1), row 4 (cos 0.6). Only 3 kept for cluster 0: row 0 drops out.
    const X = new Float32Array([0.6, 0.8, 0, 1, 1, 0, 0.8, 0.6, 0.8, 0.6, 0.8, 0.6]);
    const labels = new Int32Array([0, 1, 0, 0, 1, 0]);
    const centroids = new Float32Array([2, 0, 0, 3]); // norms do not matter
    const reps = representatives(X, 6, 2, labels, centroids, 2, 3);
    expect(Array.from(reps[0])).toEqual([2, 3, 5]);
    expect(Array.from(reps[1])).toEqual([1, 4]);
  });
});
