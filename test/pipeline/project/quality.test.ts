import { describe, expect, it } from 'vitest';
import { neighbourPreservation, sampleRows } from '../../../src/pipeline/project/quality.ts';

describe('neighbourPreservation', () => {
  // 40 unit vectors on a half circle; mapping angle θ to (θ, 0) keeps every neighbourhood
  // (k = 4 takes i ± 1, i ± 2: no ties at the cut-off).
  const n = 40;
  const angles = Array.from({ length: n }, (_, i) => (i * Math.PI) / (n + 3));
  const X = Float32Array.from(angles.flatMap((a) => [Math.cos(a), Math.sin(a)]));
  const line = Float32Array.from(angles.flatMap((a) => [a, 0]));

  it('is 1 when the map keeps the order', () => {
    expect(neighbourPreservation(X, n, 2, line, 4)).toBe(1);
  });

  it('is low for a scrambled map', () => {
    const scrambled = Float32Array.from(angles.flatMap((_, i) => [(i * 17) % n, 0]));
    expect(neighbourPreservation(X, n, 2, scrambled, 4)).toBeLessThan(0.3);
  });

  it('scores a reproducible sample when asked', () => {
    expect(neighbourPreservation(X, n, 2, line, 4, 10)).toBe(1);
    expect(Array.from(sampleRows(100, 5, 1))).toEqual(Array.from(sampleRows(100, 5, 1)));
    expect(new Set(sampleRows(100, 50, 1)).size).toBe(50);
  });
});
