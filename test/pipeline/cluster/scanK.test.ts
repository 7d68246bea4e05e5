import { describe, expect, it } from 'vitest';
import { scanK } from '../../../src/pipeline/cluster/scanK.ts';
import { silhouette } from '../../../src/pipeline/cluster/silhouette.ts';
import { unitBlobs } from './fixtures.ts';

describe('silhouette', () => {
  it('matches the hand computation on four points on a line', () => {
    // 0, 1 | 10, 11. Row 0: a = 1, b = (10 + 11)/2 = 10.5 → 9.5/10.5; row 1: a = 1, b = (9 + 10)/2 = 9.5 → 8.5/9.5;
    // rows 2, 3 mirror rows 1, 0.
    const X = new Float32Array([0, 1, 10, 11]);
    expect(silhouette(X, 4, 1, new Int32Array([0, 0, 1, 1]), 2)).toBeCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, 14);
  });

  it('scores a singleton 0 (scikit-learn convention)', () => {
    // Row 2 alone: s = 0. Rows 0, 1: a = 1, b = 10 and 9 → 0.9 and 8/9.
    const X = new Float32Array([0, 1, 10]);
    expect(silhouette(X, 3, 1, new Int32Array([0, 0, 1]), 2)).toBeCloseTo((0.9 + 8 / 9) / 3, 14);
  });
});

describe('scanK', () => {
  it('picks the true k on well-separated blobs and returns the whole curve', () => {
    const { X } = unitBlobs(900, 20, 6, 0.05, 8);
    const r = scanK(X, 900, 20, { kMin: 2, kMax: 10, seed: 4, sampleSize: 500 });
    expect(r.best).toBe(6);
    expect(r.points.map((p) => p.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.criterion).toMatch(/silhouette.*500-paper sample/);
    const s6 = r.points.find((p) => p.k === 6)!.silhouette;
    for (const p of r.points) expect(p.silhouette).toBeLessThanOrEqual(s6);
  });

  it('is deterministic', () => {
    const { X } = unitBlobs(400, 10, 4, 0.2, 2);
    const a = scanK(X, 400, 10, { kMin: 2, kMax: 6, seed: 1 });
    const b = scanK(X, 400, 10, { kMin: 2, kMax: 6, seed: 1 });
    expect(a).toEqual(b);
  });
});
