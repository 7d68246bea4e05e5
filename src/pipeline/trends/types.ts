/** Input shapes the trends stage reads. */
export type { Csr, Vocabulary } from '../text/types.ts';
import type { Csr } from '../text/types.ts';

/**
 * The per-class c-TF-IDF scorer of src/pipeline/cluster/ctfidf.ts: scores the
 * terms of each class (row i belongs to class classOf[i]; -1 = ignore) and
 * returns the best `topN` term indices per class with their scores.
 */
export type ClassTermScorer = (
  counts: Csr,
  classOf: Int32Array,
  nClasses: number,
  options?: { idf?: Float64Array; topN?: number; minCount?: number },
) => { terms: Int32Array[]; scores: Float32Array[] };
