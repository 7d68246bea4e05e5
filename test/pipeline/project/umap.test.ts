import { describe, expect, it } from 'vitest';
import { knnGraph } from '../../../src/pipeline/project/knn.ts';
import { fuzzySimplicialSet } from '../../../src/pipeline/project/fuzzyGraph.ts';
import { makeFastPow } from '../../../src/pipeline/project/fastPow.ts';
import { defaultEpochs, initUmapJs, umapProject } from '../../../src/pipeline/project/umap.ts';
import { neighbourPreservation } from '../../../src/pipeline/project/quality.ts';
import { makeBlobs } from './blobs.ts';

// Five well-separated clusters, each spread along a 2-D subspace of R^30.
const { X, n, d, labels } = makeBlobs(600, 30, 5, 0.3, 1, 2);
const knn = knnGraph(X, n, d, 15, { seed: 1 });

/** Share of points whose nearest cluster centroid on the map is their own (1 = clusters separate). */
function nearestCentroidAccuracy(coords: Float32Array, labels: Int32Array, clusters: number): number {
  const cx = new Float64Array(clusters), cy = new Float64Array(clusters), count = new Float64Array(clusters);
  labels.forEach((c, i) => { cx[c] += coords[i * 2]; cy[c] += coords[i * 2 + 1]; count[c]++; });
  for (let c = 0; c < clusters; c++) { cx[c] /= count[c]; cy[c] /= count[c]; }
  let right = 0;
  labels.forEach((c, i) => {
    let best = 0, bestD = Infinity;
    for (let q = 0; q < clusters; q++) {
      const dd = (coords[i * 2] - cx[q]) ** 2 + (coords[i * 2 + 1] - cy[q]) ** 2;
      if (dd < bestD) { bestD = dd; best = q; }
    }
    if (best === c) right++;
  });
  return right / labels.length;
}

const bytes = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('umapProject', () => {
  it('gives identical bytes for the same seed and different ones for another seed (both engines)', () => {
    for (const engine of ['typed', 'umap-js'] as const) {
      const a = umapProject(X, n, d, knn, { seed: 3, nEpochs: 30, engine });
      const b = umapProject(X, n, d, knn, { seed: 3, nEpochs: 30, engine });
      const c = umapProject(X, n, d, knn, { seed: 4, nEpochs: 30, engine });
      expect(bytes(a).equals(bytes(b))).toBe(true);
      expect(bytes(a).equals(bytes(c))).toBe(false);
    }
  });

  it('builds the same fuzzy graph as umap-js (to 1e-5)', () => {
    const { umap } = initUmapJs(X, n, d, knn, { seed: 1 });
    type Entry = { row: number; col: number; value: number };
    const theirs = (umap as unknown as { graph: { getAll(): Entry[] } }).graph.getAll().filter((e) => e.value !== 0);
    const ours = fuzzySimplicialSet(knn, n, 15);
    expect(ours.weights.length).toBe(theirs.length);
    let e = 0;
    for (let i = 0; i < n; i++) {
      for (let p = ours.indptr[i]; p < ours.indptr[i + 1]; p++, e++) {
        expect([theirs[e].row, theirs[e].col]).toEqual([i, ours.indices[p]]);
        expect(Math.abs(theirs[e].value - ours.weights[p])).toBeLessThan(1e-5);
      }
    }
  });

  it('follows umap-js step for step from the same random start (short run)', () => {
    // Same edges, same order of random draws; only d^b differs (table vs Math.pow, ~1e-6).
    const theirs = umapProject(X, n, d, knn, { seed: 9, nEpochs: 5, engine: 'umap-js' });
    const ours = umapProject(X, n, d, knn, { seed: 9, nEpochs: 5, engine: 'typed', init: 'random' });
    let maxDiff = 0;
    for (let i = 0; i < theirs.length; i++) maxDiff = Math.max(maxDiff, Math.abs(theirs[i] - ours[i]));
    expect(maxDiff).toBeLessThan(1e-3);
  });

  it('agrees with umap-js on quality: same neighbour preservation (±0.05), clusters separate', () => {
    const fast = umapProject(X, n, d, knn, { seed: 2, engine: 'typed' });
    const reference = umapProject(X, n, d, knn, { seed: 2, engine: 'umap-js' });
    const npFast = neighbourPreservation(X, n, d, fast);
    const npRef = neighbourPreservation(X, n, d, reference);
    expect(Math.abs(npFast - npRef)).toBeLessThan(0.05);
    // Each cluster is a 2-D sheet in R^30: a good map keeps ~3/4 of the 10 nearest.
    expect(npFast).toBeGreaterThan(0.7);
    expect(nearestCentroidAccuracy(fast, labels, 5)).toBe(1);
    expect(nearestCentroidAccuracy(reference, labels, 5)).toBe(1);
  });

  it('uses umap-learn epoch defaults and validates its input', () => {
    expect(defaultEpochs(10000)).toBe(500);
    expect(defaultEpochs(10001)).toBe(200);
    expect(() => umapProject(X, n, d, { ...knn, k: 10 }, { seed: 1 })).toThrow(/knn.k ≥ 14/);
  });
});

describe('makeFastPow', () => {
  it('matches Math.pow to 2e-6 relative over 1e-12 … 1e6', () => {
    const b = 0.8950608779109733;
    const pow = makeFastPow(b);
    for (let e = -12; e <= 6; e += 0.001) {
      const x = 10 ** e;
      expect(Math.abs(pow(x) / Math.pow(x, b) - 1)).toBeLessThan(2e-6);
    }
  });
});
