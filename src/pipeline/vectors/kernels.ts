/**
 * The inner loops of the randomised SVD over a fixed range of rows [r0, r1).
 *
 * These functions are also the source of the helper thread (parallel.ts sends
 * their text to a worker), so each one must stay self-contained: no imports, no
 * closures, no nested functions. Dense blocks are Float32 (half the memory traffic
 * of the gathers); every sum is accumulated in Float64 and rounded once per entry.
 * A row's result depends only on the row, never on which thread computes it.
 */

/** out[r] (k wide) = Σ_p data[p] · Z[indices[p]] for r in [r0, r1): CSR times dense, row-major. */
export function spmmRows(indptr: Int32Array, indices: Int32Array, data: Float32Array, Z: Float32Array, k: number, out: Float32Array, r0: number, r1: number): void {
  const acc = new Float64Array(k);
  for (let r = r0; r < r1; r++) {
    acc.fill(0);
    const end = indptr[r + 1];
    let p = indptr[r];
    // Eight, then four non-zeros per pass over the accumulator: an eighth of its loads and stores.
    for (; p + 7 < end; p += 8) {
      const v0 = data[p], v1 = data[p + 1], v2 = data[p + 2], v3 = data[p + 3], v4 = data[p + 4], v5 = data[p + 5], v6 = data[p + 6], v7 = data[p + 7];
      const z0 = indices[p] * k, z1 = indices[p + 1] * k, z2 = indices[p + 2] * k, z3 = indices[p + 3] * k;
      const z4 = indices[p + 4] * k, z5 = indices[p + 5] * k, z6 = indices[p + 6] * k, z7 = indices[p + 7] * k;
      for (let j = 0; j < k; j++) {
        acc[j] += v0 * Z[z0 + j] + v1 * Z[z1 + j] + v2 * Z[z2 + j] + v3 * Z[z3 + j] + v4 * Z[z4 + j] + v5 * Z[z5 + j] + v6 * Z[z6 + j] + v7 * Z[z7 + j];
      }
    }
    for (; p + 3 < end; p += 4) {
      const v0 = data[p], v1 = data[p + 1], v2 = data[p + 2], v3 = data[p + 3];
      const z0 = indices[p] * k, z1 = indices[p + 1] * k, z2 = indices[p + 2] * k, z3 = indices[p + 3] * k;
      for (let j = 0; j < k; j++) acc[j] += v0 * Z[z0 + j] + v1 * Z[z1 + j] + v2 * Z[z2 + j] + v3 * Z[z3 + j];
    }
    for (; p < end; p++) {
      const v = data[p];
      const z = indices[p] * k;
      for (let j = 0; j < k; j++) acc[j] += v * Z[z + j];
    }
    const o = r * k;
    for (let j = 0; j < k; j++) out[o + j] = acc[j];
  }
}

/** G (k × k, upper triangle only) = Σ_{r in [r0, r1)} A[r]ᵀ A[r]; G is overwritten. */
export function gramRows(A: Float32Array, k: number, G: Float64Array, r0: number, r1: number): void {
  G.fill(0);
  let r = r0;
  for (; r + 3 < r1; r += 4) {
    const o0 = r * k;
    const o1 = o0 + k;
    const o2 = o1 + k;
    const o3 = o2 + k;
    for (let a = 0; a < k; a++) {
      const x0 = A[o0 + a], x1 = A[o1 + a], x2 = A[o2 + a], x3 = A[o3 + a];
      const g = a * k;
      for (let b = a; b < k; b++) G[g + b] += x0 * A[o0 + b] + x1 * A[o1 + b] + x2 * A[o2 + b] + x3 * A[o3 + b];
    }
  }
  for (; r < r1; r++) {
    const o = r * k;
    for (let a = 0; a < k; a++) {
      const x = A[o + a];
      const g = a * k;
      for (let b = a; b < k; b++) G[g + b] += x * A[o + b];
    }
  }
}

/**
 * out[r] (kOut wide) = A[r] (k wide) · M (k × kOut, row-major) for r in [r0, r1).
 * `out` may be `A` itself when kOut = k (the row is read before it is written).
 * With `upper`, M is upper triangular and only its upper part is read.
 */
export function rightMultiplyRows(A: Float32Array, k: number, M: Float64Array, kOut: number, out: Float32Array, upper: number, r0: number, r1: number): void {
  const row = new Float64Array(kOut);
  for (let r = r0; r < r1; r++) {
    const o = r * k;
    row.fill(0);
    let i = 0;
    for (; i + 3 < k; i += 4) {
      const a0 = A[o + i], a1 = A[o + i + 1], a2 = A[o + i + 2], a3 = A[o + i + 3];
      const g0 = i * kOut, g1 = g0 + kOut, g2 = g1 + kOut, g3 = g2 + kOut;
      for (let j = upper ? i : 0; j < kOut; j++) row[j] += a0 * M[g0 + j] + a1 * M[g1 + j] + a2 * M[g2 + j] + a3 * M[g3 + j];
    }
    for (; i < k; i++) {
      const a = A[o + i];
      const g = i * kOut;
      for (let j = upper ? i : 0; j < kOut; j++) row[j] += a * M[g + j];
    }
    const q = r * kOut;
    for (let j = 0; j < kOut; j++) out[q + j] = row[j];
  }
}
