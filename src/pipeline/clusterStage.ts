/**
 * Choosing k and clustering at three granularities, as one task that can run
 * on a worker thread beside kNN + UMAP (both need only the LSA vectors).
 */
import { buildLevels, scanK, type Levels, type ScanKResult } from './cluster/index.ts';

export interface ClusterStageParams {
  k: number | 'auto';
  kMin: number;
  kMax: number;
  seed: number;
  restarts: number;
}

export interface ClusterStageResult {
  kScan: ScanKResult | null;
  levels: Levels;
  /** Wall time of the k scan and of k-means, measured where they ran. */
  ms: { kScan: number; kmeans: number };
}

export function clusterStage(X: Float32Array, n: number, d: number, params: ClusterStageParams): ClusterStageResult {
  const t0 = performance.now();
  let k: number;
  let kScan: ScanKResult | null = null;
  if (params.k === 'auto') {
    // Silhouette keeps rising with k on small, sparse corpora (every abstract is
    // nearly orthogonal to the rest), so the scan stops at √n: 8 themes for 74
    // papers, the full --k-max from 900 papers on.
    const kMax = Math.max(2, Math.min(params.kMax, Math.floor(Math.sqrt(n))));
    const kMin = Math.min(params.kMin, kMax);
    kScan = scanK(X, n, d, { kMin, kMax, seed: params.seed });
    k = kScan.best;
  } else {
    k = params.k;
  }
  const t1 = performance.now();
  const levels = buildLevels(X, n, d, k, { seed: params.seed, restarts: params.restarts });
  return { kScan, levels, ms: { kScan: Math.round(t1 - t0), kmeans: Math.round(performance.now() - t1) } };
}
