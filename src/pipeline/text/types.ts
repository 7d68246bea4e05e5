/** Options of the text stage. Names and semantics follow scikit-learn's TfidfVectorizer. */
export interface TextOptions {
  /** Integer >= 1: minimum document count; fraction in [0, 1): minimum share of documents. */
  minDf: number;
  /** Fraction in (0, 1]: maximum share of documents; integer > 1: maximum document count. */
  maxDf: number;
  /** Detect bigram phrases ("language model") and add them as extra terms. */
  phrases: boolean;
  /**
   * Count a hyphenated compound's parts as terms beside the compound in the
   * TF-IDF vectors ("x-ray" also counts "ray"), so that "spin-orbit coupling"
   * and "spin orbit" papers share terms (default true). The term counts used
   * for labels and trends keep only what was written.
   */
  compoundParts?: boolean;
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
  /** Absent in models written before it existed: read as false there. */
  compoundParts: boolean;
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
  /** Documents containing the term (with compoundParts, also as a compound's part). */
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
  /**
   * Raw term counts as written (for c-TF-IDF labels and term trends): a
   * compound's parts are not in them, so an entry is 0 where a term occurs in
   * the document only inside compounds.
   */
  counts: Csr;
  /**
   * Same sparsity pattern: (1 + ln tf) * idf, rows L2-normalised, where tf also
   * counts the term's occurrences as a compound's part (with compoundParts).
   */
  tfidf: Csr;
  vocab: Vocabulary;
  idf: Float64Array;
  model: TextModel;
  /** Documents left without a term (an all-zero row), by reason. */
  termless: TermlessDocs;
}

/** Documents whose TF-IDF row is empty, so that nothing places them on the map or in a cluster. */
export interface TermlessDocs {
  /** No word at all survives tokenising: only numbers, stopwords, symbols or math. */
  noWords: number;
  /** Words, but every one of them falls outside the document-frequency bounds (min_df / max_df). */
  outsideDf: number;
}
