import { describe, expect, it } from 'vitest';
import { knnGraph } from '../../../src/pipeline/project/knn.ts';
import { umapProject } from '../../../src/pipeline/project/umap.ts';
import { crossKnn, placeNewPoints } from '../../../src/pipeline/project/place.ts';
import { makeBlobs } from './blobs.ts';

describe('placeNewPoints', () => {
  // 660 papers from 5 clusters: the first 600 make the map, the last 60 arrive later.
  const all = makeBlobs(660, 30, 5, 0.3, 11, 2);
  const n = 600, m = 60, d = 30;
  const X = all.X.subarray(0, n * d);
  const newX = all.X.subarray(n * d);
  const coords = umapProject(X, n, d, knnGraph(X, n, d, 15, { seed: 1 }), { seed: 1, engine: 'typed', nEpochs: 200 });
  const before = Float32Array.from(coords);
  const placed = placeNewPoints(X, coords, n, d, newX, m, { seed: 5 });

  it('never moves the existing papers', () => {
    expect(Buffer.from(coords.buffer).equals(Buffer.from(before.buffer))).toBe(true);
  });

  it('lands each new paper among its nearest existing papers', () => {
    const near = crossKnn(X, n, newX, m, d, 15);
    // The map spans about ±11; "near" = within 1 unit of its neighbours' centroid.
    let close = 0;
    for (let i = 0; i < m; i++) {
      // Centroid of its 15 nearest existing papers on the map.
      let cx = 0, cy = 0;
      for (let j = 0; j < 15; j++) {
        const q = near.indices[i * 15 + j];
        cx += coords[q * 2] / 15;
        cy += coords[q * 2 + 1] / 15;
      }
      const dist = Math.hypot(placed[i * 2] - cx, placed[i * 2 + 1] - cy);
      if (dist < 1) close++;
    }
    expect(close / m).toBeGreaterThanOrEqual(0.95);
  });

  it('puts each new paper in its own cluster and is reproducible', () => {
    let right = 0;
    for (let i = 0; i < m; i++) {
      let best = -1, bestD = Infinity;
      for (let j = 0; j < n; j++) {
        const dd = (coords[j * 2] - placed[i * 2]) ** 2 + (coords[j * 2 + 1] - placed[i * 2 + 1]) ** 2;
        if (dd < bestD) { bestD = dd; best = j; }
      }
      if (all.labels[best] === all.labels[n + i]) right++;
    }
    expect(right).toBe(m);
    const again = placeNewPoints(X, coords, n, d, newX, m, { seed: 5 });
    expect(Buffer.from(again.buffer).equals(Buffer.from(placed.buffer))).toBe(true);
  });

  it('names mis-sized input', () => {
    expect(() => placeNewPoints(X, coords.subarray(2), n, d, newX, m, { seed: 1 })).toThrow(/existingCoords/);
  });
});
