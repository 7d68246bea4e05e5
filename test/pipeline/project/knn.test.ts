import { describe, expect, it } from 'vitest';
import { exactKnn, knnGraph, nearestPapers } from '../../../src/pipeline/project/knn.ts';
import { makeBlobs } from './blobs.ts';

/** Unit vectors at the given angles (degrees). */
function circle(degrees: number[]): Float32Array {
  return Float32Array.from(degrees.flatMap((a) => [Math.cos((a * Math.PI) / 180), Math.sin((a * Math.PI) / 180)]));
}

describe('knnGraph (exact)', () => {
  it('finds hand-checked neighbours and cosine distances, self excluded, ties to the lower index', () => {
    // 0°, 60°, 90°, 180°: 1 - cos of the angle between them.
    const knn = knnGraph(circle([0, 60, 90, 180]), 4, 2, 2, { seed: 1 });
    expect(knn.k).toBe(2);
    expect(Array.from(knn.indices)).toEqual([1, 2, 2, 0, 1, 0, 2, 1]);
    const expected = [0.5, 1, 1 - Math.cos(Math.PI / 6), 0.5, 1 - Math.cos(Math.PI / 6), 1, 1, 1.5];
    knn.distances.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
  });

  it('rejects k outside [1, n - 1] and mis-sized input', () => {
    expect(() => knnGraph(circle([0, 90]), 2, 2, 2, { seed: 1 })).toThrow(/k must be/);
    expect(() => knnGraph(new Float32Array(5), 2, 2, 1, { seed: 1 })).toThrow(/expected n × d = 4/);
  });

  it('nearestPapers takes the first k columns', () => {
    const knn = knnGraph(circle([0, 60, 90, 180]), 4, 2, 2, { seed: 1 });
    expect(Array.from(nearestPapers(knn, 1))).toEqual([1, 2, 1, 2]);
    expect(() => nearestPapers(knn, 3)).toThrow(/k must be/);
  });
});

describe('knnGraph (HNSW)', () => {
  const { X, n, d } = makeBlobs(4000, 40, 20, 0.3, 3);
  const exact = exactKnn(X, n, d, 15);
  const approx = knnGraph(X, n, d, 15, { seed: 5, exactThreshold: 0 });

  it('has recall@15 ≥ 0.95 against brute force', () => {
    let hits = 0;
    for (let i = 0; i < n; i++) {
      const truth = new Set(exact.indices.subarray(i * 15, i * 15 + 15));
      for (const j of approx.indices.subarray(i * 15, i * 15 + 15)) if (truth.has(j)) hits++;
    }
    expect(hits / (n * 15)).toBeGreaterThanOrEqual(0.95);
  });

  it('excludes self, sorts nearest first, and is byte-identical for the same seed', () => {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < 15; j++) {
        expect(approx.indices[i * 15 + j]).not.toBe(i);
        if (j > 0) expect(approx.distances[i * 15 + j]).toBeGreaterThanOrEqual(approx.distances[i * 15 + j - 1]);
      }
    }
    const again = knnGraph(X, n, d, 15, { seed: 5, exactThreshold: 0 });
    expect(Buffer.from(again.indices.buffer).equals(Buffer.from(approx.indices.buffer))).toBe(true);
    expect(Buffer.from(again.distances.buffer).equals(Buffer.from(approx.distances.buffer))).toBe(true);
  });
});
