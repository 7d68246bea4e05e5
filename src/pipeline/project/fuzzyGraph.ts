/**
 * UMAP's fuzzy simplicial set over a kNN graph, as CSR typed arrays.
 *
 * Same arithmetic as umap-js 1.4.0 (`smoothKNNDistance`, `computeMembershipStrengths`,
 * fuzzy union a + b - ab), but without its string-keyed Map: at 150k points that Map
 * cost ~65 s and several GB, this costs well under a second and ~100 MB.
 */
import type { KnnGraph } from './knn.ts';

const SMOOTH_K_TOLERANCE = 1e-5;
const MIN_K_DIST_SCALE = 1e-3;

/** Symmetric sparse matrix, rows sorted by column. */
export interface FuzzyGraph {
  n: number;
  indptr: Int32Array;
  indices: Int32Array;
  weights: Float64Array;
}

export interface SmoothDistances {
  sigmas: Float64Array;
  rhos: Float64Array;
}

/**
 * σ and ρ per row, found by binary search so that Σ_{j≥1} exp(-(d_j - ρ)/σ) = log2(L).
 * `dist` is rows × L; as in umap-js/umap-learn the first column is left out of the sum
 * (when fitting it is the point itself at distance 0).
 */
export function smoothKnnDistances(
  dist: Float64Array, rows: number, L: number, localConnectivity = 1, nIter = 64, bandwidth = 1,
): SmoothDistances {
  const target = (Math.log(L) / Math.log(2)) * bandwidth;
  const rhos = new Float64Array(rows);
  const sigmas = new Float64Array(rows);
  let meanAll = -1;
  const nonZero = new Float64Array(L);
  for (let i = 0; i < rows; i++) {
    const base = i * L;
    let nz = 0;
    for (let j = 0; j < L; j++) if (dist[base + j] > 0) nonZero[nz++] = dist[base + j];
    let rho = 0;
    if (nz >= localConnectivity) {
      const index = Math.floor(localConnectivity);
      const interpolation = localConnectivity - index;
      if (index > 0) {
        rho = nonZero[index - 1];
        if (interpolation > SMOOTH_K_TOLERANCE) rho += interpolation * (nonZero[index] - nonZero[index - 1]);
      } else {
        rho = interpolation * nonZero[0];
      }
    } else if (nz > 0) {
      rho = -Infinity;
      for (let j = 0; j < nz; j++) if (nonZero[j] > rho) rho = nonZero[j];
    }
    rhos[i] = rho;

    let lo = 0;
    let hi = Infinity;
    let mid = 1;
    for (let it = 0; it < nIter; it++) {
      let psum = 0;
      for (let j = 1; j < L; j++) {
        const d = dist[base + j] - rho;
        psum += d > 0 ? Math.exp(-(d / mid)) : 1;
      }
      if (Math.abs(psum - target) < SMOOTH_K_TOLERANCE) break;
      if (psum > target) {
        hi = mid;
        mid = (lo + hi) / 2;
      } else {
        lo = mid;
        mid = hi === Infinity ? mid * 2 : (lo + hi) / 2;
      }
    }
    let sigma = mid;
    if (rho > 0) {
      const m = rowMean(dist, base, L);
      if (sigma < MIN_K_DIST_SCALE * m) sigma = MIN_K_DIST_SCALE * m;
    } else {
      if (meanAll < 0) meanAll = meanOfRowMeans(dist, rows, L);
      if (sigma < MIN_K_DIST_SCALE * meanAll) sigma = MIN_K_DIST_SCALE * meanAll;
    }
    sigmas[i] = sigma;
  }
  return { sigmas, rhos };
}

function rowMean(dist: Float64Array, base: number, L: number): number {
  let s = 0;
  for (let j = 0; j < L; j++) s += dist[base + j];
  return s / L;
}

function meanOfRowMeans(dist: Float64Array, rows: number, L: number): number {
  let s = 0;
  for (let i = 0; i < rows; i++) s += rowMean(dist, i * L, L);
  return s / rows;
}

/** Membership strength of an edge at distance `d` from a row with (σ, ρ). */
export function membership(d: number, sigma: number, rho: number): number {
  return d - rho <= 0 ? 1 : Math.exp(-((d - rho) / sigma));
}

/**
 * Fuzzy simplicial set of a kNN graph (self excluded in `knn`), using its first
 * nNeighbors - 1 columns plus the point itself, as umap-learn counts neighbours.
 */
export function fuzzySimplicialSet(knn: KnnGraph, n: number, nNeighbors: number, localConnectivity = 1): FuzzyGraph {
  const kk = knn.k;
  const m = nNeighbors - 1;
  if (!Number.isInteger(nNeighbors) || nNeighbors < 2) throw new Error(`fuzzySimplicialSet: nNeighbors must be ≥ 2, got ${nNeighbors}`);
  if (m > kk) throw new Error(`fuzzySimplicialSet: nNeighbors = ${nNeighbors} needs a kNN graph with k ≥ ${m}, got k = ${kk}`);
  if (knn.indices.length !== n * kk) throw new Error(`fuzzySimplicialSet: kNN graph has ${knn.indices.length / kk} rows, expected n = ${n}`);

  // Rows as umap-js sees them: [self at 0, m nearest].
  const dist = new Float64Array(n * nNeighbors);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) dist[i * nNeighbors + 1 + j] = knn.distances[i * kk + j];
  }
  const { sigmas, rhos } = smoothKnnDistances(dist, n, nNeighbors, localConnectivity);

  // Directed memberships P as CSR with columns sorted per row.
  const pPtr = new Int32Array(n + 1);
  const pCol = new Int32Array(n * m);
  const pVal = new Float64Array(n * m);
  let nnz = 0;
  for (let i = 0; i < n; i++) {
    const start = nnz;
    for (let j = 0; j < m; j++) {
      const col = knn.indices[i * kk + j];
      if (col < 0 || col === i) continue;
      const v = membership(dist[i * nNeighbors + 1 + j], sigmas[i], rhos[i]);
      // Insertion into the row keeps columns ascending (rows are short).
      let p = nnz++;
      while (p > start && pCol[p - 1] > col) {
        pCol[p] = pCol[p - 1];
        pVal[p] = pVal[p - 1];
        p--;
      }
      pCol[p] = col;
      pVal[p] = v;
    }
    pPtr[i + 1] = nnz;
  }
  return fuzzyUnion(n, pPtr, pCol.subarray(0, nnz), pVal.subarray(0, nnz));
}

/** P + Pᵀ - P∘Pᵀ over CSR inputs with sorted rows; result rows are sorted too. */
export function fuzzyUnion(n: number, pPtr: Int32Array, pCol: Int32Array, pVal: Float64Array): FuzzyGraph {
  const nnz = pPtr[n];
  // Transpose by counting sort; scanning rows in order leaves each transposed row sorted.
  const tPtr = new Int32Array(n + 1);
  for (let e = 0; e < nnz; e++) tPtr[pCol[e] + 1]++;
  for (let i = 0; i < n; i++) tPtr[i + 1] += tPtr[i];
  const fill = tPtr.slice(0, n);
  const tCol = new Int32Array(nnz);
  const tVal = new Float64Array(nnz);
  for (let i = 0; i < n; i++) {
    for (let e = pPtr[i]; e < pPtr[i + 1]; e++) {
      const q = fill[pCol[e]]++;
      tCol[q] = i;
      tVal[q] = pVal[e];
    }
  }
  const indptr = new Int32Array(n + 1);
  const indices = new Int32Array(2 * nnz);
  const weights = new Float64Array(2 * nnz);
  let w = 0;
  for (let i = 0; i < n; i++) {
    let a = pPtr[i], aEnd = pPtr[i + 1], b = tPtr[i], bEnd = tPtr[i + 1];
    while (a < aEnd || b < bEnd) {
      let col: number, x = 0, y = 0;
      if (b >= bEnd || (a < aEnd && pCol[a] < tCol[b])) {
        col = pCol[a]; x = pVal[a++];
      } else if (a >= aEnd || tCol[b] < pCol[a]) {
        col = tCol[b]; y = tVal[b++];
      } else {
        col = pCol[a]; x = pVal[a++]; y = tVal[b++];
      }
      const v = x + y - x * y;
      if (v === 0) continue;
      indices[w] = col;
      weights[w++] = v;
    }
    indptr[i + 1] = w;
  }
  return { n, indptr, indices: indices.slice(0, w), weights: weights.slice(0, w) };
}
