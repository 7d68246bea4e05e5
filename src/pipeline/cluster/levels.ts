/**
 * Three granularities of the same map: coarse ≈ k/2, default k, fine ≈ 2k,
 * each a separate k-means run; each cluster points to the cluster of the next
 * coarser level that holds most of its papers.
 */
import { kmeans, type KMeansEngine } from './kmeans.ts';
import { createKMeansPool } from './parallel.ts';
import type { KMeansResult } from './types.ts';
import { deriveSeed } from './random.ts';

export interface LevelResult {
  k: number;
  labels: Int32Array;
  centroids: Float32Array;
  inertia: number;
  /** Per cluster: its majority cluster in the next coarser level; null for coarse. */
  parent: Int32Array | null;
}

export interface Levels {
  coarse: LevelResult;
  default: LevelResult;
  fine: LevelResult;
}

export interface BuildLevelsOptions {
  seed: number;
  restarts?: number;
  /** Restarts of the coarse and fine levels (default: `restarts`). They only change the granularity on screen, so fewer can do. */
  sideRestarts?: number;
  maxIterations?: number;
  tolerance?: number;
  engine?: KMeansEngine;
}

export function levelSizes(k: number, n: number): { coarse: number; default: number; fine: number } {
  const def = Math.min(k, n);
  return { coarse: Math.min(n, Math.max(2, Math.round(def / 2))), default: def, fine: Math.min(n, 2 * def) };
}

export function buildLevels(X: Float32Array, n: number, d: number, k: number, options: BuildLevelsOptions): Levels {
  const sizes = levelSizes(k, n);
  const side = options.sideRestarts ?? options.restarts;
  const run = (kk: number, stream: number, restarts: number | undefined): LevelResult =>
    toLevel(kk, kmeans(X, n, d, kk, { ...options, restarts, seed: deriveSeed(options.seed, stream) }));
  return linkLevels(run(sizes.coarse, 0, side), run(sizes.default, 1, options.restarts), run(sizes.fine, 2, side));
}

/** `buildLevels` with the k-means restarts spread over worker threads; byte-identical result. */
export async function buildLevelsParallel(
  X: Float32Array,
  n: number,
  d: number,
  k: number,
  options: BuildLevelsOptions & { threads?: number },
): Promise<Levels> {
  const sizes = levelSizes(k, n);
  const pool = createKMeansPool(X, n, d, { threads: options.threads });
  try {
    const side = options.sideRestarts ?? options.restarts;
    const run = async (kk: number, stream: number, restarts: number | undefined): Promise<LevelResult> =>
      toLevel(kk, await pool.kmeans(kk, { ...options, restarts, seed: deriveSeed(options.seed, stream) }));
    return linkLevels(await run(sizes.coarse, 0, side), await run(sizes.default, 1, options.restarts), await run(sizes.fine, 2, side));
  } finally {
    await pool.close();
  }
}

function toLevel(k: number, r: KMeansResult): LevelResult {
  return { k, labels: r.labels, centroids: r.centroids, inertia: r.inertia, parent: null };
}

function linkLevels(coarse: LevelResult, def: LevelResult, fine: LevelResult): Levels {
  def.parent = majorityParent(def.labels, def.k, coarse.labels, coarse.k);
  fine.parent = majorityParent(fine.labels, fine.k, def.labels, def.k);
  return { coarse, default: def, fine };
}

/** parent[c] = the coarse cluster holding most rows of child cluster c (ties: lowest index). */
export function majorityParent(child: Int32Array, kChild: number, coarse: Int32Array, kCoarse: number): Int32Array {
  const overlap = new Int32Array(kChild * kCoarse);
  for (let i = 0; i < child.length; i++) overlap[child[i] * kCoarse + coarse[i]]++;
  const parent = new Int32Array(kChild);
  for (let c = 0; c < kChild; c++) {
    let best = 0;
    for (let p = 1; p < kCoarse; p++) if (overlap[c * kCoarse + p] > overlap[c * kCoarse + best]) best = p;
    parent[c] = best;
  }
  return parent;
}
