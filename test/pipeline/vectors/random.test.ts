import { describe, expect, it } from 'vitest';
import { gaussianArray, mulberry32 } from '../../../src/pipeline/vectors/index.ts';

describe('seeded randomness', () => {
  it('mulberry32 is reproducible and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });

  it('gaussian deviates have mean ~0 and variance ~1', () => {
    const g = gaussianArray(200_000, 7);
    let mean = 0;
    for (const x of g) mean += x / g.length;
    let variance = 0;
    for (const x of g) variance += (x - mean) ** 2 / g.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(variance - 1)).toBeLessThan(0.01);
    expect(gaussianArray(5, 7)).toEqual(g.slice(0, 5));
  });
});
