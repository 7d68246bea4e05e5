import { describe, expect, it } from 'vitest';
import type { Csr } from '../../../src/pipeline/text/index.ts';
import { csrToDense } from '../../../src/pipeline/text/index.ts';
import { cholesky, gram, orthonormalizeColumns, randomizedSvd, symmetricEigen } from '../../../src/pipeline/vectors/index.ts';
import { RowParallel } from '../../../src/pipeline/vectors/parallel.ts';

function csrFromDense(rows: number[][]): Csr {
  const indptr = [0];
  const indices: number[] = [];
  const data: number[] = [];
  for (const row of rows) {
    row.forEach((v, c) => {
      if (v !== 0) {
        indices.push(c);
        data.push(v);
      }
    });
    indptr.push(indices.length);
  }
  return { rows: rows.length, cols: rows[0].length, indptr: Int32Array.from(indptr), indices: Int32Array.from(indices), data: Float32Array.from(data) };
}

/** Reference: eigenvalues of a symmetric matrix by textbook cyclic Jacobi, independent of src/. */
function referenceEigenvalues(S: number[][]): number[] {
  const k = S.length;
  const A = S.map((r) => [...r]);
  for (let sweep = 0; sweep < 200; sweep++) {
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        if (Math.abs(A[p][q]) < 1e-300) continue;
        const phi = 0.5 * Math.atan2(2 * A[p][q], A[q][q] - A[p][p]);
        const c = Math.cos(phi);
        const s = Math.sin(phi);
        for (let r = 0; r < k; r++) {
          const [x, y] = [A[r][p], A[r][q]];
          A[r][p] = c * x - s * y;
          A[r][q] = s * x + c * y;
        }
        for (let r = 0; r < k; r++) {
          const [x, y] = [A[p][r], A[q][r]];
          A[p][r] = c * x - s * y;
          A[q][r] = s * x + c * y;
        }
      }
    }
  }
  return A.map((r, i) => r[i]).sort((a, b) => b - a);
}

// 7 documents × 6 terms, a small non-negative matrix like a TF-IDF block.
const rows = [
  [1, 0, 0, 2, 0, 0],
  [0, 3, 0, 0, 1, 0],
  [0, 0, 1, 0, 0, 4],
  [2, 0, 0, 1, 0, 0],
  [0, 1, 2, 0, 0, 1],
  [1, 1, 1, 1, 1, 1],
  [0, 0, 0, 0, 2, 1],
];
const X = csrFromDense(rows);
const XtX = Array.from({ length: 6 }, (_, a) => Array.from({ length: 6 }, (_, b) => rows.reduce((s, r) => s + r[a] * r[b], 0)));
const exact = referenceEigenvalues(XtX).map((l) => Math.sqrt(Math.max(l, 0)));

describe('dense helpers', () => {
  it('symmetricEigen of [[2,1],[1,2]] is 3, 1 with eigenvectors (1,1)/√2, (1,-1)/√2', () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    expect(Math.abs(vectors[0])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vectors[0] * vectors[2]).toBeCloseTo(0.5, 12); // same sign: (1, 1)
  });

  it('cholesky of [[4,2],[2,5]] is [[2,1],[0,2]]', () => {
    expect(Array.from(cholesky(Float64Array.from([4, 2, 2, 5]), 2)!)).toEqual([2, 1, 0, 2]);
  });

  it('orthonormalizeColumns gives QᵀQ = I, also for rank-deficient input', () => {
    const A = Float64Array.from([1, 2, 2, 1, 4, 2, 0, 3, 0, 1, 2, 2]); // 4 × 3, column 2 = 2 × column 0
    orthonormalizeColumns(A, 4, 3);
    const G = gram(A, 4, 3);
    expect(G[0]).toBeCloseTo(1, 12);
    expect(G[4]).toBeCloseTo(1, 12);
    expect(G[1]).toBeCloseTo(0, 12);
    expect(G[8]).toBeCloseTo(0, 12); // the dependent column is zeroed
  });
});

describe('randomizedSvd', () => {
  it('singular values equal the exact ones (dense eigen-decomposition of XᵀX)', () => {
    const svd = randomizedSvd(X, 4, { seed: 1 });
    expect(svd.dims).toBe(4);
    for (let i = 0; i < 4; i++) expect(Math.abs(svd.singularValues[i] - exact[i])).toBeLessThan(1e-4);
  });

  it('recovers the leading values without oversampling the whole space', () => {
    // k = 2 + 2 = 4 of 6 directions; 6 power iterations make the top 2 exact to 1e-4
    const svd = randomizedSvd(X, 2, { seed: 3, oversample: 2, powerIterations: 6 });
    for (let i = 0; i < 2; i++) expect(Math.abs(svd.singularValues[i] - exact[i])).toBeLessThan(1e-4);
  });

  it('embedding U·Σ equals X·V, components are orthonormal, normalized rows have unit norm', () => {
    const d = 4;
    const svd = randomizedSvd(X, d, { seed: 1 });
    const dense = csrToDense(X);
    for (let r = 0; r < 7; r++) {
      for (let i = 0; i < d; i++) {
        let xv = 0;
        for (let c = 0; c < 6; c++) xv += dense[r * 6 + c] * svd.components[i * 6 + c];
        expect(svd.embedding[r * d + i]).toBeCloseTo(xv, 4);
      }
      let norm = 0;
      for (let i = 0; i < d; i++) norm += svd.normalized[r * d + i] ** 2;
      expect(norm).toBeCloseTo(1, 5);
    }
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        let dot = 0;
        for (let c = 0; c < 6; c++) dot += svd.components[i * 6 + c] * svd.components[j * 6 + c];
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 5);
      }
    }
  });

  it('is deterministic: same seed, same bytes', () => {
    const a = randomizedSvd(X, 3, { seed: 9, oversample: 1 });
    const b = randomizedSvd(X, 3, { seed: 9, oversample: 1 });
    expect(Buffer.from(a.embedding.buffer).equals(Buffer.from(b.embedding.buffer))).toBe(true);
    expect(Buffer.from(a.components.buffer).equals(Buffer.from(b.components.buffer))).toBe(true);
    expect(Array.from(a.singularValues)).toEqual(Array.from(b.singularValues));
  });

  it('clamps dims to min(rows, cols) - 1 and reports it', () => {
    const svd = randomizedSvd(X, 100, { seed: 1 });
    expect(svd.dims).toBe(5);
    expect(svd.requestedDims).toBe(100);
    expect(svd.embedding.length).toBe(7 * 5);
    for (let i = 0; i < 5; i++) expect(Math.abs(svd.singularValues[i] - exact[i])).toBeLessThan(1e-4);
  });

  it('rejects bad arguments by name', () => {
    expect(() => randomizedSvd(X, 0, { seed: 1 })).toThrow(/dims/);
    expect(() => randomizedSvd(X, 2, { seed: 1, powerIterations: -1 })).toThrow(/powerIterations/);
  });
});

describe('randomizedSvd on two threads', () => {
  // 300 × 40, ~15% dense, deterministic: large enough that each half has work.
  const big: number[][] = [];
  let state = 12345;
  const rand = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
  for (let r = 0; r < 300; r++) big.push(Array.from({ length: 40 }, () => (rand() < 0.15 ? Math.round(rand() * 9) / 3 + 0.1 : 0)));
  const Y = csrFromDense(big);

  it('the helper thread gives the same bytes as the main thread alone', () => {
    const one = randomizedSvd(Y, 8, { seed: 4, threads: 1 });
    const two = randomizedSvd(Y, 8, { seed: 4, threads: 2 });
    expect(Buffer.from(two.embedding.buffer).equals(Buffer.from(one.embedding.buffer))).toBe(true);
    expect(Buffer.from(two.components.buffer).equals(Buffer.from(one.components.buffer))).toBe(true);
    expect(Array.from(two.singularValues)).toEqual(Array.from(one.singularValues));
  });

  it('accepts matrices whose arrays already live on shared memory', () => {
    const share = <T extends Int32Array | Float32Array>(a: T, make: (b: SharedArrayBuffer) => T): T => {
      const s = make(new SharedArrayBuffer(a.byteLength));
      s.set(a);
      return s;
    };
    const S: Csr = { ...Y, indptr: share(Y.indptr, (b) => new Int32Array(b)), indices: share(Y.indices, (b) => new Int32Array(b)), data: share(Y.data, (b) => new Float32Array(b)) };
    const a = randomizedSvd(S, 8, { seed: 4, threads: 2 });
    const b = randomizedSvd(Y, 8, { seed: 4, threads: 1 });
    expect(Buffer.from(a.embedding.buffer).equals(Buffer.from(b.embedding.buffer))).toBe(true);
  });
});

describe('RowParallel', () => {
  it('runs the second part on the helper thread, with the same result as the main thread', () => {
    const A = new Float32Array(new SharedArrayBuffer(4 * 6 * 3)).map((_, i) => (i % 7) - 3);
    const M = new Float64Array(new SharedArrayBuffer(8 * 9)).map((_, i) => i / 4);
    const outs = [1, 2].map((threads) => {
      const pool = new RowParallel(threads);
      const out = new Float32Array(new SharedArrayBuffer(4 * 6 * 3));
      pool.run('rightMultiplyRows', (part) => [A, 3, M, 3, out, 0, part ? 3 : 0, part ? 6 : 3]);
      const parts = pool.helperParts;
      pool.close();
      return { out: Array.from(out), parts };
    });
    expect(outs[0].parts).toBe(0);
    expect(outs[1].parts).toBe(1);
    expect(outs[1].out).toEqual(outs[0].out);
    expect(outs[0].out.slice(0, 3)).toEqual([-3 * 0 - 2 * 0.75 - 1 * 1.5, -3 * 0.25 - 2 * 1 - 1 * 1.75, -3 * 0.5 - 2 * 1.25 - 1 * 2]);
  });
});

describe('randomizedSvd progress', () => {
  it('counts every product and re-orthonormalisation from 0 to 3P + 6, and the bytes do not change', () => {
    const X = csrFromDense([
      [1, 0, 2, 0, 1],
      [0, 3, 0, 1, 0],
      [2, 0, 1, 0, 0],
      [0, 1, 0, 2, 1],
      [1, 1, 0, 0, 3],
    ]);
    const ticks: string[] = [];
    const quiet = randomizedSvd(X, 2, { seed: 5, powerIterations: 2 });
    const counted = randomizedSvd(X, 2, { seed: 5, powerIterations: 2, onProgress: (done, total) => ticks.push(`${done}/${total}`) });
    expect(ticks).toEqual(Array.from({ length: 13 }, (_, i) => `${i}/12`));
    expect(Buffer.from(counted.embedding.buffer)).toEqual(Buffer.from(quiet.embedding.buffer));
    expect(Buffer.from(counted.components.buffer)).toEqual(Buffer.from(quiet.components.buffer));
  });
});
