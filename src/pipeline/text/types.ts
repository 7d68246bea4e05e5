/** Options of the text stage. Names and semantics follow scikit-learn's TfidfVectorizer. */
export interface TextOptions {
  /** Integer >= 1: minimum document count; fraction in [0, 1): minimum share of documents. */
  minDf: number;
  /** Fraction in (0, 1]: maximum share of documents; integer > 1: maximum document count. */
  maxDf: number;
  /** Detect bigram phrases ("language model") and add them as extra terms. */
  phrases: boolean;
  extraStopwords?: string[];
  /** A bigram must occur at least this often (default: the resolved min_df count, at least 3). */
  phraseMinCount?: number;
  /** Minimum normalised PMI of a bigram, in (-1, 1] (default 0.35). */
  phraseThreshold?: number;
}

export interface ResolvedTextOptions {
  minDf: number;
  maxDf: number;
  phrases: boolean;
  extraStopwords: string[];
  phraseMinCount: number;
  phraseThreshold: number;
}

/** Compressed sparse rows; indices sorted within each row. */
export interface Csr {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  data: Float32Array;
}

export interface Vocabulary {
  /** Sorted keys: a Porter stem, or "stem1 stem2" for a phrase. */
  keys: string[];
  /** Most frequent surface form of each key ("model", "language models"). */
  display: string[];
  /** 1 where the key is a phrase. */
  phrase: Uint8Array;
  /** Documents containing the term. */
  df: Int32Array;
}

/** What is needed to vectorise new texts exactly as the fitted corpus was. */
export interface TextModel {
  options: ResolvedTextOptions;
  /** Documents the model was fitted on. */
  nDocs: number;
  vocab: Vocabulary;
  idf: Float64Array;
}

export interface VectorizeResult {
  /** Raw term counts (for c-TF-IDF and term trends). */
  counts: Csr;
  /** Same sparsity pattern: (1 + ln tf) * idf, rows L2-normalised. */
  tfidf: Csr;
  vocab: Vocabulary;
  idf: Float64Array;
  model: TextModel;
}
