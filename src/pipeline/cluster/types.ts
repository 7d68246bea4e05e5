/**
 * Shapes the cluster stage consumes and produces.
 * `Csr` and `Vocabulary` come from the text stage.
 */

export type { Csr, Vocabulary } from '../text/index.ts';

export interface KMeansOptions {
  seed: number;
  /** Independent k-means++ runs; the lowest inertia wins (ties: lowest run index). Default 5. */
  restarts?: number;
  /** Lloyd iterations per run. Default 300. */
  maxIterations?: number;
  /**
   * Stop when the summed squared centroid shift of one iteration is at most
   * `tolerance × mean per-feature variance of X` (scikit-learn's rule). Default 1e-4.
   * Runs also stop as soon as no assignment changes.
   */
  tolerance?: number;
  /** k × d starting centres; skips k-means++ (and makes restarts pointless: one run). */
  initialCentroids?: Float32Array;
}

export interface KMeansResult {
  /** Cluster per row; clusters numbered by size descending, ties by lowest first row. */
  labels: Int32Array;
  /** k × d, row-major. */
  centroids: Float32Array;
  /** Sum of squared Euclidean distances of rows to their centroid. */
  inertia: number;
  /** Lloyd iterations of the winning run. */
  iterations: number;
}

export interface TermScore {
  /** Display form ("language model"). */
  term: string;
  score: number;
  phrase: boolean;
}
