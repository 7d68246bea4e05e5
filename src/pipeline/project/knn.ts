/**
 * k-nearest-neighbour graph over L2-normalised rows (cosine distance = 1 - dot).
 *
 * Small inputs are solved exactly with blocked dot products; large inputs go
 * through hnswlib-node (HNSW, inner-product space), built single-threaded in
 * row order with a fixed random seed so the graph is reproducible.
 */
import hnswlib from 'hnswlib-node';

export interface KnnGraph {
  /** Neighbours per row. */
  k: number;
  /** n × k row-major, self excluded, nearest first. */
  indices: Int32Array;
  /** n × k cosine distances matching `indices`. */
  distances: Float32Array;
}

export interface HnswParams {
  /** Max links per node (hnswlib `M`). */
  m: number;
  efConstruction: number;
  /** Query beam width; raised to at least k + 1. */
  ef: number;
}

export interface KnnOptions {
  seed: number;
  /** Called with (done, n) every few thousand rows; HNSW counts build and query as half each. */
  onProgress?: (done: number, total: number) => void;
  /** Largest n solved by exact brute force. */
  exactThreshold?: number;
  hnsw?: Partial<HnswParams>;
}

/**
 * Measured on 150k × 100 stand-in data (bench/stages/umap.ts), recall@15 vs exact
 * on 300 rows: M 16 / efC 100 / ef 60 → 0.997, ~19 s CPU; M 12 / efC 64 / ef 40 → 0.953, 13.5 s.
 */
export const DEFAULT_HNSW: HnswParams = { m: 16, efConstruction: 100, ef: 60 };
export const EXACT_KNN_THRESHOLD = 5000;

export function validateMatrix(where: string, X: Float32Array, n: number, d: number): void {
  if (!Number.isInteger(n) || n < 1) throw new Error(`${where}: n must be a positive integer, got ${n}`);
  if (!Number.isInteger(d) || d < 1) throw new Error(`${where}: d must be a positive integer, got ${d}`);
  if (X.length !== n * d) throw new Error(`${where}: X has length ${X.length}, expected n × d = ${n * d}`);
}

export function knnGraph(X: Float32Array, n: number, d: number, k: number, options: KnnOptions): KnnGraph {
  validateMatrix('knnGraph', X, n, d);
  if (!Number.isInteger(k) || k < 1 || k >= n) {
    throw new Error(`knnGraph: k must be an integer in [1, n - 1] = [1, ${n - 1}], got ${k}`);
  }
  const threshold = options.exactThreshold ?? EXACT_KNN_THRESHOLD;
  return n <= threshold
    ? exactKnn(X, n, d, k, options.onProgress)
    : hnswKnn(X, n, d, k, options.seed, { ...DEFAULT_HNSW, ...options.hnsw }, options.onProgress);
}

/** Nearest papers for each paper: the first k columns of the kNN graph, n × k row-major. */
export function nearestPapers(knn: KnnGraph, k = 5): Int32Array {
  if (!Number.isInteger(k) || k < 1 || k > knn.k) {
    throw new Error(`nearestPapers: k must be an integer in [1, ${knn.k}] (the graph's width), got ${k}`);
  }
  const n = knn.indices.length / knn.k;
  const out = new Int32Array(n * k);
  for (let i = 0; i < n; i++) out.set(knn.indices.subarray(i * knn.k, i * knn.k + k), i * k);
  return out;
}

/** Dot product of rows starting at offsets a and b of X (4 accumulators for speed). */
export function dot(X: Float32Array, a: number, b: number, d: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let t = 0;
  for (; t + 3 < d; t += 4) {
    s0 += X[a + t] * X[b + t];
    s1 += X[a + t + 1] * X[b + t + 1];
    s2 += X[a + t + 2] * X[b + t + 2];
    s3 += X[a + t + 3] * X[b + t + 3];
  }
  for (; t < d; t++) s0 += X[a + t] * X[b + t];
  return s0 + s1 + s2 + s3;
}

/** Insert (j, dist) into row i's sorted top-k if it beats the current worst; ties keep the earlier index. */
export function pushTopK(idx: Int32Array, dst: Float64Array, i: number, k: number, j: number, dist: number): void {
  const base = i * k;
  if (!(dist < dst[base + k - 1])) return;
  let p = base + k - 1;
  while (p > base && dst[p - 1] > dist) {
    dst[p] = dst[p - 1];
    idx[p] = idx[p - 1];
    p--;
  }
  dst[p] = dist;
  idx[p] = j;
}

/** Exact kNN by brute force over the upper triangle; O(n² d). */
export function exactKnn(
  X: Float32Array, n: number, d: number, k: number,
  onProgress?: (done: number, total: number) => void,
): KnnGraph {
  const indices = new Int32Array(n * k).fill(-1);
  const dist64 = new Float64Array(n * k).fill(Infinity);
  const BLOCK = 64;
  for (let i0 = 0; i0 < n; i0 += BLOCK) {
    const i1 = Math.min(n, i0 + BLOCK);
    // Blocks of rows against all later columns keep a block of X hot in cache.
    for (let j0 = i0; j0 < n; j0 += BLOCK) {
      const j1 = Math.min(n, j0 + BLOCK);
      for (let i = i0; i < i1; i++) {
        const a = i * d;
        for (let j = Math.max(j0, i + 1); j < j1; j++) {
          const dist = Math.max(0, 1 - dot(X, a, j * d, d));
          pushTopK(indices, dist64, i, k, j, dist);
          pushTopK(indices, dist64, j, k, i, dist);
        }
      }
    }
    onProgress?.(i1, n);
  }
  // Ties were broken by arrival order, which is ascending j for every row except
  // j-blocks arriving before i's own block; re-sort ties by index for a clean contract.
  for (let i = 0; i < n; i++) sortRowByDistanceThenIndex(indices, dist64, i * k, k);
  return { k, indices, distances: Float32Array.from(dist64) };
}

function sortRowByDistanceThenIndex(idx: Int32Array, dst: Float64Array, base: number, k: number): void {
  for (let a = base + 1; a < base + k; a++) {
    const di = dst[a], ii = idx[a];
    let p = a;
    while (p > base && (dst[p - 1] > di || (dst[p - 1] === di && idx[p - 1] > ii))) {
      dst[p] = dst[p - 1];
      idx[p] = idx[p - 1];
      p--;
    }
    dst[p] = di;
    idx[p] = ii;
  }
}

function buildHnsw(X: Float32Array, n: number, d: number, seed: number, params: HnswParams,
  onProgress?: (done: number, total: number) => void): hnswlib.HierarchicalNSW {
  const index = new hnswlib.HierarchicalNSW('ip', d);
  index.initIndex(n, params.m, params.efConstruction, seed >>> 0);
  const row: number[] = new Array<number>(d);
  // Insertion is single-threaded in row order, so the graph depends only on X and seed.
  for (let i = 0; i < n; i++) {
    index.addPoint(copyRow(X, i, d, row), i);
    if ((i + 1) % 5000 === 0) onProgress?.((i + 1) / 2, n);
  }
  return index;
}

function copyRow(X: Float32Array, i: number, d: number, row: number[]): number[] {
  const off = i * d;
  for (let t = 0; t < d; t++) row[t] = X[off + t];
  return row;
}

function hnswKnn(
  X: Float32Array, n: number, d: number, k: number, seed: number, params: HnswParams,
  onProgress?: (done: number, total: number) => void,
): KnnGraph {
  const index = buildHnsw(X, n, d, seed, params, onProgress);
  index.setEf(Math.max(params.ef, k + 1));
  const row: number[] = new Array<number>(d);
  const indices = new Int32Array(n * k);
  const distances = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    const { neighbors, distances: ds } = index.searchKnn(copyRow(X, i, d, row), k + 1);
    let w = i * k;
    const end = w + k;
    for (let r = 0; r < neighbors.length && w < end; r++) {
      if (neighbors[r] === i) continue;
      indices[w] = neighbors[r];
      distances[w] = Math.max(0, ds[r]);
      w++;
    }
    if (w < end) throw new Error(`knnGraph: HNSW returned only ${w - i * k} neighbours for row ${i}; raise ef`);
    if ((i + 1) % 5000 === 0) onProgress?.(n / 2 + (i + 1) / 2, n);
  }
  onProgress?.(n, n);
  return { k, indices, distances };
}

/** kNN of m query rows among n base rows through an HNSW index of the base. */
export function hnswSearch(
  base: Float32Array, n: number, queries: Float32Array, m: number, d: number, k: number, seed: number,
  params: HnswParams = DEFAULT_HNSW,
): KnnGraph {
  const index = buildHnsw(base, n, d, seed, params);
  index.setEf(Math.max(params.ef, k));
  const row: number[] = new Array<number>(d);
  const indices = new Int32Array(m * k);
  const distances = new Float32Array(m * k);
  for (let i = 0; i < m; i++) {
    const { neighbors, distances: ds } = index.searchKnn(copyRow(queries, i, d, row), k);
    for (let r = 0; r < k; r++) {
      indices[i * k + r] = neighbors[r];
      distances[i * k + r] = Math.max(0, ds[r]);
    }
  }
  return { k, indices, distances };
}
