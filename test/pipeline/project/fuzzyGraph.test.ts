import { describe, expect, it } from 'vitest';
import { fuzzySimplicialSet, smoothKnnDistances } from '../../../src/pipeline/project/fuzzyGraph.ts';

describe('smoothKnnDistances', () => {
  it('solves 1 + u + u² = log2(4) with u = exp(-0.1/σ) for distances [0, .1, .2, .3]', () => {
    // ρ = 0.1 (nearest non-zero); u = (√5 - 1)/2, so σ = 0.1 / ln(1/u).
    const { sigmas, rhos } = smoothKnnDistances(Float64Array.from([0, 0.1, 0.2, 0.3]), 1, 4);
    expect(rhos[0]).toBeCloseTo(0.1, 12);
    expect(sigmas[0]).toBeCloseTo(0.1 / Math.log(2 / (Math.sqrt(5) - 1)), 4);
  });
});

describe('fuzzySimplicialSet', () => {
  it('gives hand-checked memberships and their fuzzy union on three points', () => {
    // Row i lists its 2 nearest; with nNeighbors = 3 the target is log2(3), so each row's
    // farther neighbour gets membership q = log2(3) - 1 and its nearest gets 1.
    const knn = {
      k: 2,
      indices: Int32Array.from([1, 2, 0, 2, 1, 0]),
      distances: Float32Array.from([0.1, 0.3, 0.1, 0.2, 0.2, 0.3]),
    };
    const g = fuzzySimplicialSet(knn, 3, 3);
    const q = Math.log2(3) - 1;
    expect(Array.from(g.indptr)).toEqual([0, 2, 4, 6]);
    expect(Array.from(g.indices)).toEqual([1, 2, 0, 2, 0, 1]);
    // (0,1): 1 ∪ 1 = 1; (0,2): q ∪ q = 2q - q²; (1,2): q ∪ 1 = 1.
    const expected = [1, 2 * q - q * q, 1, 1, 2 * q - q * q, 1];
    g.weights.forEach((w, i) => expect(w).toBeCloseTo(expected[i], 5));
  });

  it('needs k ≥ nNeighbors - 1', () => {
    const knn = { k: 1, indices: Int32Array.from([1, 0]), distances: Float32Array.from([0.1, 0.1]) };
    expect(() => fuzzySimplicialSet(knn, 2, 3)).toThrow(/k ≥ 2/);
  });
});
