/**
 * Input shapes the trends stage reads. `Csr` and `Vocabulary` mirror the types
 * being written in src/pipeline/text; they are structural, so the text stage's
 * values can be passed here unchanged.
 */

/** Sparse rows × cols matrix in compressed-sparse-row form (rows = papers, cols = terms). */
export interface Csr {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  data: Float32Array;
}

export interface Vocabulary {
  keys: string[];
  display: string[];
  /** 1 when the term is a multi-word phrase. */
  phrase: Uint8Array;
  /** Documents containing the term (whole corpus). */
  df: Int32Array;
}

/**
 * The per-class c-TF-IDF scorer from src/pipeline/cluster/ctfidf.ts: scores the
 * terms of each class (row i belongs to class classOf[i]; -1 = ignore) and
 * returns the best `topN` term indices per class with their scores.
 */
export type ClassTermScorer = (
  counts: Csr,
  classOf: Int32Array,
  nClasses: number,
  options?: { idf?: Float64Array; topN?: number; minCount?: number },
) => { terms: Int32Array[]; scores: Float32Array[] };
