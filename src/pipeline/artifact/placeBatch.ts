/**
 * Placing a batch of new papers on a fitted map: the per-paper half of
 * `--update`, and what each worker of a sharded run does. A batch needs only
 * the fitted model and the map's coordinates, never the other new papers, so a
 * corpus can be split into shards placed apart and concatenated: vectors,
 * clusters, nearest papers and term counts come out the same as placing all at
 * once (the caller fixes the kNN method for the whole run: knnMethodFor); positions agree
 * only up to the layout's random stream, which is shared within a batch.
 */
import type { Paper } from '../ingest/types.ts';
import { paperText } from '../ingest/derive-title.ts';
import type { Csr } from '../text/types.ts';
import { transformTexts } from '../vectors/index.ts';
import { knnMethodFor, newPointNeighbours, placeNewPoints, type KnnMethod } from '../project/place.ts';
import type { FittedModel } from './model.ts';

/** The fitted map a batch is placed on. */
export interface MapBase {
  /** Papers on the map. */
  n: number;
  /** n × 2, interleaved x, y. */
  coords: Float32Array;
  /** Nearest papers stored per paper (the artifact's neighbors column width). */
  neighborsK: number;
  /** UMAP neighbours of the fit. */
  nNeighbors: number;
  /** Level names, in the artifact's order; the model holds centroids under each. */
  levels: string[];
}

export interface PlacedBatch {
  m: number;
  /** m × 2, interleaved x, y. */
  coords: Float32Array;
  /** Per level, the nearest centroid of each paper. */
  labels: Int32Array[];
  /** m × neighborsK nearest papers on the map (indices into the map). */
  neighbors: Int32Array;
  /** Term counts (rows = the batch's papers), for trends. */
  counts: Csr;
  /** m × dims unit LSA rows, kept in the model for later updates. */
  lsa: Float32Array;
}

export function nearestCentroid(X: Float32Array, m: number, d: number, centroids: Float32Array): Int32Array {
  const k = centroids.length / d;
  const labels = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    let best = 0;
    let bestD = Infinity;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (X[i * d + j]! - centroids[c * d + j]!) ** 2;
      if (s < bestD) {
        bestD = s;
        best = c;
      }
    }
    labels[i] = best;
  }
  return labels;
}

export interface PlaceBatchOptions {
  seed: number;
  knnMethod?: KnnMethod;
  /** Called around the two costly steps, so the CLI can show them as stages. */
  stage?: <T>(name: string, work: () => T | Promise<T>) => Promise<T>;
}

export async function placeBatch(model: FittedModel, base: MapBase, papers: Paper[], options: PlaceBatchOptions): Promise<PlacedBatch> {
  const stage = options.stage ?? (async <T>(_name: string, work: () => T | Promise<T>) => work());
  const { n } = base;
  const m = papers.length;
  const d = model.svd.dims;
  const { counts, normalized: lsa } = await stage('tfidf', () => transformTexts(papers.map(paperText), model.text, model.svd));
  const k = Math.max(Math.min(base.nNeighbors, n), base.neighborsK);
  const knn = newPointNeighbours(model.lsa, n, lsa, m, d, k, options.seed, options.knnMethod ?? knnMethodFor(n, m));
  const coords = await stage('umap', () => placeNewPoints(model.lsa, base.coords, n, d, lsa, m, { nNeighbors: knn.k, seed: options.seed, knn }));
  const labels = base.levels.map((name) => {
    const c = model.centroids[name];
    if (!c) throw new Error(`model: no centroids for level ${name}`);
    return nearestCentroid(lsa, m, d, c);
  });
  const K = base.neighborsK;
  const neighbors = new Int32Array(m * K);
  for (let i = 0; i < m; i++) neighbors.set(knn.indices.subarray(i * knn.k, i * knn.k + K), i * K);
  return { m, coords, labels, neighbors, counts, lsa };
}

export function concatCsr(parts: Csr[]): Csr {
  const rows = parts.reduce((s, p) => s + p.rows, 0);
  const nnz = parts.reduce((s, p) => s + p.indptr[p.rows]!, 0);
  const indptr = new Int32Array(rows + 1);
  const indices = new Int32Array(nnz);
  const data = new Float32Array(nnz);
  let r0 = 0;
  let p0 = 0;
  for (const p of parts) {
    const len = p.indptr[p.rows]!;
    for (let r = 1; r <= p.rows; r++) indptr[r0 + r] = p0 + p.indptr[r]!;
    indices.set(p.indices.subarray(0, len), p0);
    data.set(p.data.subarray(0, len), p0);
    r0 += p.rows;
    p0 += len;
  }
  return { rows, cols: parts[0]?.cols ?? 0, indptr, indices, data };
}

function concatTyped<T extends Float32Array | Int32Array>(parts: T[]): T {
  const out = new (parts[0]!.constructor as { new (n: number): T })(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Batches placed apart, in order, as if placed as one. */
export function concatBatches(batches: PlacedBatch[]): PlacedBatch {
  if (batches.length === 0) throw new Error('concatBatches: no batches');
  return {
    m: batches.reduce((s, b) => s + b.m, 0),
    coords: concatTyped(batches.map((b) => b.coords)),
    labels: batches[0]!.labels.map((_, l) => concatTyped(batches.map((b) => b.labels[l]!))),
    neighbors: concatTyped(batches.map((b) => b.neighbors)),
    counts: concatCsr(batches.map((b) => b.counts)),
    lsa: concatTyped(batches.map((b) => b.lsa)),
  };
}
