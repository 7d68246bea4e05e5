import { describe, expect, it } from 'vitest';
import { pcaInit, topEigenvectors } from '../../../src/pipeline/project/init.ts';
import { seededRandom } from '../../../src/pipeline/project/random.ts';

describe('topEigenvectors', () => {
  it('finds the axes of a diagonal matrix in order, largest component positive', () => {
    const A = Float64Array.from([1, 0, 0, 0, 5, 0, 0, 0, 3]);
    const V = topEigenvectors(A, 3, 2);
    [0, 1, 0, 0, 0, 1].forEach((v, i) => expect(V[i]).toBeCloseTo(v, 6));
  });
});

describe('pcaInit', () => {
  it('lays points along their main axis scaled to ±10', () => {
    // Points on a line along x with a little spread along y, in 3-D.
    const xs = [-2, -1, 0, 1, 2];
    const X = Float32Array.from(xs.flatMap((x, i) => [x, (i % 2) * 0.1, 0]));
    const Y = pcaInit(X, 5, 3, seededRandom(1));
    xs.forEach((x, i) => expect(Y[i * 2]).toBeCloseTo(x * 5, 3));
    expect(Math.max(...Array.from(Y, Math.abs))).toBeCloseTo(10, 3);
  });
});
