import type { Csr } from '../text/types.ts';

/**
 * out (rows × k) = X · Z, with Z (cols × k) dense row-major. Four non-zeros per
 * pass over the output row: a quarter of the loads and stores on `out`.
 */
export function csrTimesDense(X: Csr, Z: Float64Array, k: number, out: Float64Array = new Float64Array(X.rows * k)): Float64Array {
  const { indptr, indices, data } = X;
  out.fill(0);
  for (let r = 0; r < X.rows; r++) {
    const o = r * k;
    const end = indptr[r + 1];
    let p = indptr[r];
    for (; p + 3 < end; p += 4) {
      const v0 = data[p], v1 = data[p + 1], v2 = data[p + 2], v3 = data[p + 3];
      const z0 = indices[p] * k, z1 = indices[p + 1] * k, z2 = indices[p + 2] * k, z3 = indices[p + 3] * k;
      for (let j = 0; j < k; j++) out[o + j] += v0 * Z[z0 + j] + v1 * Z[z1 + j] + v2 * Z[z2 + j] + v3 * Z[z3 + j];
    }
    for (; p < end; p++) {
      const v = data[p];
      const z = indices[p] * k;
      for (let j = 0; j < k; j++) out[o + j] += v * Z[z + j];
    }
  }
  return out;
}

/** The transpose as CSR (i.e. X in compressed sparse columns); indices stay sorted. */
export function transposeCsr(X: Csr): Csr {
  const nnz = X.indptr[X.rows];
  const indptr = new Int32Array(X.cols + 1);
  for (let p = 0; p < nnz; p++) indptr[X.indices[p] + 1]++;
  for (let c = 0; c < X.cols; c++) indptr[c + 1] += indptr[c];
  const next = indptr.slice(0, X.cols);
  const indices = new Int32Array(nnz);
  const data = new Float32Array(nnz);
  for (let r = 0; r < X.rows; r++) {
    for (let p = X.indptr[r]; p < X.indptr[r + 1]; p++) {
      const q = next[X.indices[p]]++;
      indices[q] = r;
      data[q] = X.data[p];
    }
  }
  return { rows: X.cols, cols: X.rows, indptr, indices, data };
}
