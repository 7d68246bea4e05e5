import type { Csr } from './types.ts';

/** An Int32Array that doubles when full, for building CSR arrays of unknown size. */
export class GrowableInt32 {
  array: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.array = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.array.length) {
      const next = new Int32Array(this.array.length * 2);
      next.set(this.array);
      this.array = next;
    }
    this.array[this.length++] = value;
  }
  /** A right-sized copy. */
  toArray(): Int32Array {
    return this.array.slice(0, this.length);
  }
}

/** Checks the structural invariants of a CSR matrix; throws naming the first violation. */
export function assertCsr(X: Csr, name = 'matrix'): void {
  if (X.indptr.length !== X.rows + 1) throw new Error(`${name}: indptr has ${X.indptr.length} entries, expected rows + 1 = ${X.rows + 1}`);
  const nnz = X.indptr[X.rows];
  if (X.indices.length !== nnz || X.data.length !== nnz) throw new Error(`${name}: indptr[rows] = ${nnz} but indices/data have ${X.indices.length}/${X.data.length} entries`);
  for (let i = 0; i < nnz; i++) {
    if (X.indices[i] < 0 || X.indices[i] >= X.cols) throw new Error(`${name}: column index ${X.indices[i]} at ${i} outside [0, ${X.cols})`);
  }
}

/** Dense row-major copy (tests and tiny inputs only). */
export function csrToDense(X: Csr): Float64Array {
  const out = new Float64Array(X.rows * X.cols);
  for (let r = 0; r < X.rows; r++) {
    for (let p = X.indptr[r]; p < X.indptr[r + 1]; p++) out[r * X.cols + X.indices[p]] += X.data[p];
  }
  return out;
}
