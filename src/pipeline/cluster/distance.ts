/**
 * Distance kernels over flat row-major arrays. Float32 inputs, Float64
 * accumulation. The blocked kernel computes one row against four centres per
 * pass so each input value is loaded once for four multiply-adds: about twice
 * the throughput of a one-pair loop in V8.
 */

type Rows = Float32Array | Float64Array;

/** Squared Euclidean distance between row `i` of A and row `j` of B (both d wide). */
export function squaredDistance(A: Rows, i: number, B: Rows, j: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  const a0 = i * d;
  const b0 = j * d;
  let t = 0;
  for (; t + 1 < d; t += 2) {
    const x0 = A[a0 + t] - B[b0 + t];
    const x1 = A[a0 + t + 1] - B[b0 + t + 1];
    s0 += x0 * x0;
    s1 += x1 * x1;
  }
  if (t < d) {
    const x = A[a0 + t] - B[b0 + t];
    s0 += x * x;
  }
  return s0 + s1;
}

/** Dot product of row `i` of A and row `j` of B. */
export function dot(A: Rows, i: number, B: Rows, j: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  const a0 = i * d;
  const b0 = j * d;
  let t = 0;
  for (; t + 1 < d; t += 2) {
    s0 += A[a0 + t] * B[b0 + t];
    s1 += A[a0 + t + 1] * B[b0 + t + 1];
  }
  if (t < d) s0 += A[a0 + t] * B[b0 + t];
  return s0 + s1;
}

/** Squared norm of each row. */
export function rowNormsSq(A: Rows, n: number, d: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = dot(A, i, A, i, d);
  return out;
}

/**
 * out[j] = ‖A_i − B_j‖² for j < m, via ‖a‖² + ‖b‖² − 2a·b (clamped at 0).
 * `aNormSq` is ‖A_i‖², `bNormSq[j]` is ‖B_j‖².
 */
export function squaredDistancesToAll(
  A: Rows,
  i: number,
  aNormSq: number,
  B: Float64Array,
  bNormSq: Float64Array,
  m: number,
  d: number,
  out: Float64Array,
): void {
  const a0 = i * d;
  let j = 0;
  for (; j + 3 < m; j += 4) {
    const b0 = j * d;
    const b1 = b0 + d;
    const b2 = b1 + d;
    const b3 = b2 + d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let t = 0; t < d; t++) {
      const x = A[a0 + t];
      s0 += x * B[b0 + t];
      s1 += x * B[b1 + t];
      s2 += x * B[b2 + t];
      s3 += x * B[b3 + t];
    }
    out[j] = clamp(aNormSq + bNormSq[j] - 2 * s0);
    out[j + 1] = clamp(aNormSq + bNormSq[j + 1] - 2 * s1);
    out[j + 2] = clamp(aNormSq + bNormSq[j + 2] - 2 * s2);
    out[j + 3] = clamp(aNormSq + bNormSq[j + 3] - 2 * s3);
  }
  for (; j < m; j++) out[j] = clamp(aNormSq + bNormSq[j] - 2 * dot(A, i, B, j, d));
}

/**
 * The same for two rows at once (rows i0 and i1 of A into out0 and out1): a
 * 2 × 4 register tile, six loads per eight multiply-adds, ~1.5× the one-row kernel.
 */
export function squaredDistancesToAllPair(
  A: Rows,
  i0: number,
  i1: number,
  aNormSq0: number,
  aNormSq1: number,
  B: Float64Array,
  bNormSq: Float64Array,
  m: number,
  d: number,
  out0: Float64Array,
  out1: Float64Array,
): void {
  const a0 = i0 * d;
  const a1 = i1 * d;
  let j = 0;
  for (; j + 3 < m; j += 4) {
    const b0 = j * d;
    const b1 = b0 + d;
    const b2 = b1 + d;
    const b3 = b2 + d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let r0 = 0;
    let r1 = 0;
    let r2 = 0;
    let r3 = 0;
    for (let t = 0; t < d; t++) {
      const x = A[a0 + t];
      const y = A[a1 + t];
      const c0 = B[b0 + t];
      const c1 = B[b1 + t];
      const c2 = B[b2 + t];
      const c3 = B[b3 + t];
      s0 += x * c0;
      s1 += x * c1;
      s2 += x * c2;
      s3 += x * c3;
      r0 += y * c0;
      r1 += y * c1;
      r2 += y * c2;
      r3 += y * c3;
    }
    out0[j] = clamp(aNormSq0 + bNormSq[j] - 2 * s0);
    out0[j + 1] = clamp(aNormSq0 + bNormSq[j + 1] - 2 * s1);
    out0[j + 2] = clamp(aNormSq0 + bNormSq[j + 2] - 2 * s2);
    out0[j + 3] = clamp(aNormSq0 + bNormSq[j + 3] - 2 * s3);
    out1[j] = clamp(aNormSq1 + bNormSq[j] - 2 * r0);
    out1[j + 1] = clamp(aNormSq1 + bNormSq[j + 1] - 2 * r1);
    out1[j + 2] = clamp(aNormSq1 + bNormSq[j + 2] - 2 * r2);
    out1[j + 3] = clamp(aNormSq1 + bNormSq[j + 3] - 2 * r3);
  }
  // Tails: a 2 × 2 tile, then 2 × 1, instead of one-pair loops (which cost as much as a full 4-block).
  for (; j + 1 < m; j += 2) {
    const b0 = j * d;
    const b1 = b0 + d;
    let s0 = 0;
    let s1 = 0;
    let r0 = 0;
    let r1 = 0;
    for (let t = 0; t < d; t++) {
      const x = A[a0 + t];
      const y = A[a1 + t];
      const c0 = B[b0 + t];
      const c1 = B[b1 + t];
      s0 += x * c0;
      s1 += x * c1;
      r0 += y * c0;
      r1 += y * c1;
    }
    out0[j] = clamp(aNormSq0 + bNormSq[j] - 2 * s0);
    out0[j + 1] = clamp(aNormSq0 + bNormSq[j + 1] - 2 * s1);
    out1[j] = clamp(aNormSq1 + bNormSq[j] - 2 * r0);
    out1[j + 1] = clamp(aNormSq1 + bNormSq[j + 1] - 2 * r1);
  }
  if (j < m) {
    const b0 = j * d;
    let s0 = 0;
    let r0 = 0;
    for (let t = 0; t < d; t++) {
      const c0 = B[b0 + t];
      s0 += A[a0 + t] * c0;
      r0 += A[a1 + t] * c0;
    }
    out0[j] = clamp(aNormSq0 + bNormSq[j] - 2 * s0);
    out1[j] = clamp(aNormSq1 + bNormSq[j] - 2 * r0);
  }
}

function clamp(x: number): number {
  return x > 0 ? x : 0;
}
