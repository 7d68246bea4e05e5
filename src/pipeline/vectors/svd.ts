import type { Csr } from '../text/types.ts';
import { gram, orthonormalizeColumns, symmetricEigen } from './dense.ts';
import { gaussianArray } from './random.ts';
import { csrTimesDense, transposeCsr } from './sparse.ts';

export interface SvdOptions {
  seed: number;
  /** Extra random directions beyond `dims` (default 10). */
  oversample?: number;
  /** Power iterations, each re-orthonormalised (default 4). */
  powerIterations?: number;
}

export interface SvdResult {
  /** n × dims, row-major: U·Σ, the documents' LSA coordinates. */
  embedding: Float32Array;
  /** The embedding with every non-zero row scaled to unit L2 norm (for cosine k-means / kNN). */
  normalized: Float32Array;
  /** dims × cols, row-major: the right singular vectors Vᵀ; a new row x projects to x·V. */
  components: Float32Array;
  /** Descending. */
  singularValues: Float64Array;
  /** Dimensions actually computed: min(requested, min(rows, cols) - 1). */
  dims: number;
  /** What was asked for, to report a clamp. */
  requestedDims: number;
}

/**
 * Truncated SVD of a sparse matrix by the randomised range finder of Halko,
 * Martinsson & Tropp (2011): a seeded Gaussian test matrix, `powerIterations`
 * rounds of X·Xᵀ, each followed by a CholeskyQR re-orthonormalisation, then an exact SVD of the small
 * projected matrix B = QᵀX through the eigen-decomposition of B·Bᵀ.
 * All dense work is Float64; same input and seed give the same bytes.
 * Signs are fixed so that each component's largest-magnitude entry is positive.
 */
export function randomizedSvd(X: Csr, dims: number, options: SvdOptions): SvdResult {
  const { rows: n, cols: m } = X;
  const oversample = options.oversample ?? 10;
  const powerIterations = options.powerIterations ?? 4;
  if (!Number.isInteger(dims) || dims < 1) throw new Error(`dims must be a positive integer, got ${dims}`);
  if (!Number.isInteger(oversample) || oversample < 0) throw new Error(`oversample must be a non-negative integer, got ${oversample}`);
  if (!Number.isInteger(powerIterations) || powerIterations < 0) throw new Error(`powerIterations must be a non-negative integer, got ${powerIterations}`);
  if (Math.min(n, m) < 2) throw new Error(`randomizedSvd needs at least 2 rows and 2 columns, got ${n} × ${m}`);
  const d = Math.min(dims, Math.min(n, m) - 1);
  const k = Math.min(d + oversample, Math.min(n, m));

  // Range finder: Q (n × k) with orthonormal columns spanning X's dominant left subspace.
  // Xᵀ is materialised once so that both products are row gathers (no scattered writes).
  const Xt = transposeCsr(X);
  const omega = gaussianArray(m * k, options.seed);
  let Q = csrTimesDense(X, omega, k);
  orthonormalizeColumns(Q, n, k);
  const Z = omega; // reused: cols × k
  for (let it = 0; it < powerIterations; it++) {
    // Only the n-side block is re-orthonormalised: between two orthonormalisations
    // the condition number grows by (σ1/σk)², far from what CholeskyQR tolerates.
    csrTimesDense(Xt, Q, k, Z);
    csrTimesDense(X, Z, k, Q);
    orthonormalizeColumns(Q, n, k);
  }
  orthonormalizeColumns(Q, n, k); // second CholeskyQR pass: orthogonality to machine precision

  // B = Qᵀ X (k × cols), held transposed; B·Bᵀ = W Λ Wᵀ gives B = W Σ Vᵀ.
  const Bt = csrTimesDense(Xt, Q, k, Z);
  const { values, vectors: W } = symmetricEigen(gram(Bt, m, k), k);
  const singularValues = new Float64Array(d);
  for (let i = 0; i < d; i++) singularValues[i] = Math.sqrt(Math.max(values[i], 0));

  // Vᵀ rows: (Bᵀ W)ᵢ / σᵢ.
  const V = new Float64Array(d * m);
  for (let c = 0; c < m; c++) {
    const b = c * k;
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += Bt[b + j] * W[j * k + i];
      V[i * m + c] = s;
    }
  }
  const sign = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    const sigma = singularValues[i];
    const inv = sigma > 0 ? 1 / sigma : 0;
    let best = 0;
    for (let c = 0; c < m; c++) {
      V[i * m + c] *= inv;
      if (Math.abs(V[i * m + c]) > Math.abs(best)) best = V[i * m + c];
    }
    sign[i] = best < 0 ? -1 : 1;
  }
  const components = new Float32Array(d * m);
  for (let i = 0; i < d; i++) for (let c = 0; c < m; c++) components[i * m + c] = sign[i] * V[i * m + c];

  // U·Σ = Q W Σ, row by row.
  const WS = new Float64Array(k * d);
  for (let j = 0; j < k; j++) for (let i = 0; i < d; i++) WS[j * d + i] = W[j * k + i] * singularValues[i] * sign[i];
  const embedding = new Float32Array(n * d);
  const row = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    row.fill(0);
    const q = r * k;
    for (let j = 0; j < k; j++) {
      const v = Q[q + j];
      if (v === 0) continue;
      const w = j * d;
      for (let i = 0; i < d; i++) row[i] += v * WS[w + i];
    }
    embedding.set(row, r * d);
  }
  Q = new Float64Array(0);

  return { embedding, normalized: normalizeRows(embedding, n, d), components, singularValues, dims: d, requestedDims: dims };
}

/** A copy of a row-major n × d matrix with each non-zero row scaled to unit L2 norm. */
export function normalizeRows(A: Float32Array, n: number, d: number): Float32Array {
  const out = new Float32Array(n * d);
  for (let r = 0; r < n; r++) {
    const o = r * d;
    let s = 0;
    for (let i = 0; i < d; i++) s += A[o + i] * A[o + i];
    if (s === 0) continue;
    const f = 1 / Math.sqrt(s);
    for (let i = 0; i < d; i++) out[o + i] = A[o + i] * f;
  }
  return out;
}
