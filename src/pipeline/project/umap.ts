/**
 * 2-D map of the papers with UMAP.
 *
 * Small inputs (n ≤ 5000) run umap-js itself, seeded, on our precomputed kNN graph.
 * Above that umap-js's Map-based fuzzy graph and number[][] embedding become the
 * bottleneck (65 s + 191 s and 6.8 GB at 100k), so the same algorithm runs over typed
 * arrays: fuzzySimplicialSet (CSR) + optimizeLayout, initialised by PCA (see init.ts).
 */
import { UMAP } from 'umap-js';
import { findABParams } from 'umap-js/dist/umap.js';
import type { KnnGraph } from './knn.ts';
import { validateMatrix } from './knn.ts';
import { fuzzySimplicialSet, type FuzzyGraph } from './fuzzyGraph.ts';
import { epochsPerSample, optimizeLayout, type LayoutEdges } from './layout.ts';
import { pcaInit, randomInit } from './init.ts';
import { seededRandom } from './random.ts';

export interface UmapOptions {
  nNeighbors?: number;
  minDist?: number;
  spread?: number;
  nEpochs?: number;
  seed: number;
  negativeSampleRate?: number;
  onEpoch?: (epoch: number, total: number) => void;
  /** 'auto' = umap-js up to UMAP_JS_MAX_N points, typed arrays above. */
  engine?: 'auto' | 'umap-js' | 'typed';
  /** Start of the typed engine: 'pca' (default) or 'random' (umap-js's, for parity checks). */
  init?: 'pca' | 'random';
}

export const UMAP_JS_MAX_N = 5000;

/** umap-learn's default: 500 epochs up to 10,000 points, 200 above. */
export function defaultEpochs(n: number): number {
  return n <= 10000 ? 500 : 200;
}

export function umapProject(X: Float32Array, n: number, d: number, knn: KnnGraph, options: UmapOptions): Float32Array {
  validateMatrix('umapProject', X, n, d);
  const nNeighbors = options.nNeighbors ?? 15;
  if (n <= nNeighbors) throw new Error(`umapProject: need more than nNeighbors = ${nNeighbors} points, got n = ${n}`);
  if (knn.k < nNeighbors - 1) throw new Error(`umapProject: nNeighbors = ${nNeighbors} (self included) needs knn.k ≥ ${nNeighbors - 1}, got ${knn.k}`);
  if (knn.indices.length !== n * knn.k) throw new Error(`umapProject: knn has ${knn.indices.length / knn.k} rows, expected ${n}`);
  const engine = options.engine ?? 'auto';
  const useUmapJs = engine === 'umap-js' || (engine === 'auto' && n <= UMAP_JS_MAX_N);
  return useUmapJs ? projectWithUmapJs(X, n, d, knn, options) : projectTyped(X, n, d, knn, options);
}

function resolved(n: number, o: UmapOptions) {
  return {
    nNeighbors: o.nNeighbors ?? 15,
    minDist: o.minDist ?? 0.1,
    spread: o.spread ?? 1,
    nEpochs: o.nEpochs ?? defaultEpochs(n),
    negativeSampleRate: o.negativeSampleRate ?? 5,
  };
}

/** kNN rows in umap-js's shape: the point itself first, then its nNeighbors - 1 nearest. */
export function knnForUmapJs(knn: KnnGraph, n: number, nNeighbors: number): { indices: number[][]; distances: number[][] } {
  const indices: number[][] = [];
  const distances: number[][] = [];
  for (let i = 0; i < n; i++) {
    const ri = [i];
    const rd = [0];
    for (let j = 0; j < nNeighbors - 1; j++) {
      ri.push(knn.indices[i * knn.k + j]);
      rd.push(knn.distances[i * knn.k + j]);
    }
    indices.push(ri);
    distances.push(rd);
  }
  return { indices, distances };
}

/** A umap-js instance fitted up to (not including) the first epoch. */
export function initUmapJs(X: Float32Array, n: number, d: number, knn: KnnGraph, options: UmapOptions): { umap: UMAP; nEpochs: number } {
  const p = resolved(n, options);
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: p.nNeighbors,
    minDist: p.minDist,
    spread: p.spread,
    nEpochs: p.nEpochs,
    negativeSampleRate: p.negativeSampleRate,
    random: seededRandom(options.seed),
  });
  const { indices, distances } = knnForUmapJs(knn, n, p.nNeighbors);
  umap.setPrecomputedKNN(indices, distances);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(X.subarray(i * d, (i + 1) * d)));
  const nEpochs = umap.initializeFit(rows);
  return { umap, nEpochs };
}

function projectWithUmapJs(X: Float32Array, n: number, d: number, knn: KnnGraph, options: UmapOptions): Float32Array {
  const { umap, nEpochs } = initUmapJs(X, n, d, knn, options);
  // Epoch 0 once the graph and the initial layout are built: the time estimate counts epochs from here.
  options.onEpoch?.(0, nEpochs);
  for (let e = 0; e < nEpochs; e++) {
    umap.step();
    options.onEpoch?.(e + 1, nEpochs);
  }
  const emb = umap.getEmbedding();
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    out[i * 2] = emb[i][0];
    out[i * 2 + 1] = emb[i][1];
  }
  return out;
}

/**
 * Edges of the fuzzy graph in umap-js's order (row-major, head = column, tail = row),
 * dropping those too weak to be sampled in nEpochs (weight < max / nEpochs).
 */
export function layoutEdges(graph: FuzzyGraph, nEpochs: number): LayoutEdges {
  let max = 0;
  for (let e = 0; e < graph.weights.length; e++) if (graph.weights[e] > max) max = graph.weights[e];
  const cut = max / nEpochs;
  let m = 0;
  for (let e = 0; e < graph.weights.length; e++) if (!(graph.weights[e] < cut)) m++;
  const head = new Int32Array(m);
  const tail = new Int32Array(m);
  const weights = new Float64Array(m);
  let w = 0;
  for (let i = 0; i < graph.n; i++) {
    for (let e = graph.indptr[i]; e < graph.indptr[i + 1]; e++) {
      if (graph.weights[e] < cut) continue;
      head[w] = graph.indices[e];
      tail[w] = i;
      weights[w++] = graph.weights[e];
    }
  }
  return { head, tail, epochsPerSample: epochsPerSample(weights, nEpochs) };
}

function projectTyped(X: Float32Array, n: number, d: number, knn: KnnGraph, options: UmapOptions): Float32Array {
  const p = resolved(n, options);
  const random = seededRandom(options.seed);
  const graph = fuzzySimplicialSet(knn, n, p.nNeighbors);
  const edges = layoutEdges(graph, p.nEpochs);
  const embedding = options.init === 'random' ? randomInit(n, random) : pcaInit(X, n, d, random);
  const { a, b } = findABParams(p.spread, p.minDist);
  options.onEpoch?.(0, p.nEpochs);
  optimizeLayout(embedding, embedding, edges, {
    a, b,
    nEpochs: p.nEpochs,
    nVertices: n,
    moveOther: true,
    random,
    negativeSampleRate: p.negativeSampleRate,
    onEpoch: options.onEpoch,
  });
  return Float32Array.from(embedding);
}
