/**
 * Placing new papers on an existing map without refitting (`--update`), as umap
 * `transform` does: kNN among the existing papers, start at the membership-weighted
 * mean of those neighbours' positions, then a few epochs that move only the new points.
 */
import { findABParams } from 'umap-js/dist/umap.js';
import { hnswSearch, pushTopK, validateMatrix, EXACT_KNN_THRESHOLD, type KnnGraph } from './knn.ts';
import { smoothKnnDistances, membership } from './fuzzyGraph.ts';
import { epochsPerSample, optimizeLayout } from './layout.ts';
import { seededRandom } from './random.ts';

export interface PlaceOptions {
  nNeighbors?: number;
  seed: number;
  /** Default as umap-learn's transform: 100 epochs for up to 10,000 new points, else 30. */
  nEpochs?: number;
  minDist?: number;
  spread?: number;
  /** The new points' neighbours among the existing ones, when the caller already has them (newPointNeighbours). */
  knn?: KnnGraph;
}

/** Largest m × n solved by brute force; above it the existing rows are indexed with HNSW. */
const BRUTE_FORCE_PAIRS = 2e8;

export type KnnMethod = 'exact' | 'hnsw';

/**
 * How m new points find their neighbours among n: exact for small inputs, HNSW above.
 * A sharded run decides once for the whole run and passes it to every shard, so that
 * each paper gets the neighbours it would get placed with all the others.
 */
export function knnMethodFor(n: number, m: number): KnnMethod {
  return m * n <= BRUTE_FORCE_PAIRS || n <= EXACT_KNN_THRESHOLD ? 'exact' : 'hnsw';
}

/** Each new point's k nearest existing points (cosine). */
export function newPointNeighbours(
  existingX: Float32Array, n: number, newX: Float32Array, m: number, d: number, k: number, seed: number,
  method: KnnMethod = knnMethodFor(n, m),
): KnnGraph {
  return method === 'exact' ? crossKnn(existingX, n, newX, m, d, k) : hnswSearch(existingX, n, newX, m, d, k, seed);
}

export function placeNewPoints(
  existingX: Float32Array, existingCoords: Float32Array, n: number, d: number,
  newX: Float32Array, m: number, options: PlaceOptions,
): Float32Array {
  validateMatrix('placeNewPoints (existingX)', existingX, n, d);
  validateMatrix('placeNewPoints (newX)', newX, m, d);
  if (existingCoords.length !== n * 2) throw new Error(`placeNewPoints: existingCoords has length ${existingCoords.length}, expected n × 2 = ${n * 2}`);
  const k = Math.min(options.nNeighbors ?? 15, n);
  const knn = options.knn ?? newPointNeighbours(existingX, n, newX, m, d, k, options.seed);
  if (knn.k !== k) throw new Error(`placeNewPoints: knn has k = ${knn.k}, expected ${k}`);

  // Memberships with local connectivity 0 (umap transform), kept per row.
  const dist = Float64Array.from(knn.distances);
  const { sigmas, rhos } = smoothKnnDistances(dist, m, k, 0);
  const w = new Float64Array(m * k);
  let max = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < k; j++) {
      const v = membership(dist[i * k + j], sigmas[i], rhos[i]);
      w[i * k + j] = v;
      if (v > max) max = v;
    }
  }

  const head = new Float64Array(m * 2);
  for (let i = 0; i < m; i++) {
    let total = 0;
    for (let j = 0; j < k; j++) total += w[i * k + j];
    for (let j = 0; j < k; j++) {
      const share = total > 0 ? w[i * k + j] / total : 1 / k;
      const q = knn.indices[i * k + j];
      head[i * 2] += share * existingCoords[q * 2];
      head[i * 2 + 1] += share * existingCoords[q * 2 + 1];
    }
  }

  const nEpochs = options.nEpochs ?? (m <= 10000 ? 100 : 30);
  const cut = max / nEpochs;
  const rows: number[] = [], cols: number[] = [], kept: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < k; j++) {
      if (w[i * k + j] < cut || w[i * k + j] === 0) continue;
      rows.push(i);
      cols.push(knn.indices[i * k + j]);
      kept.push(w[i * k + j]);
    }
  }
  if (nEpochs > 0 && kept.length > 0) {
    const { a, b } = findABParams(options.spread ?? 1, options.minDist ?? 0.1);
    // A copy: the existing map is read, never written.
    const tail = Float64Array.from(existingCoords);
    optimizeLayout(head, tail, {
      head: Int32Array.from(rows),
      tail: Int32Array.from(cols),
      epochsPerSample: epochsPerSample(Float64Array.from(kept), nEpochs),
    }, {
      a, b, nEpochs, nVertices: n, moveOther: false, random: seededRandom(options.seed),
      // umap-learn's transform uses a quarter of the fit's learning rate.
      initialAlpha: 0.25,
    });
  }
  return Float32Array.from(head);
}

/** Exact kNN of each query row among the base rows (no self to exclude). */
export function crossKnn(base: Float32Array, n: number, queries: Float32Array, m: number, d: number, k: number): KnnGraph {
  const indices = new Int32Array(m * k);
  const dst = new Float64Array(m * k).fill(Infinity);
  for (let i = 0; i < m; i++) {
    const a = i * d;
    for (let j = 0; j < n; j++) {
      const b = j * d;
      let s = 0;
      for (let t = 0; t < d; t++) s += queries[a + t] * base[b + t];
      pushTopK(indices, dst, i, k, j, Math.max(0, 1 - s));
    }
  }
  return { k, indices, distances: Float32Array.from(dst) };
}
