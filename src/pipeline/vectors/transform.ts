import { vectorizeWithModel } from '../text/apply-model.ts';
import type { Csr, TextModel } from '../text/types.ts';
import { normalizeRows } from './svd.ts';

/** The part of a fitted SVD that projects new rows. */
export interface SvdModel {
  dims: number;
  /** dims × cols, row-major (Vᵀ). */
  components: Float32Array;
  singularValues: Float64Array;
}

/** Rows of X projected on the fitted components: X·V (n × dims), like scikit-learn's TruncatedSVD.transform. */
export function projectRows(X: Csr, svd: SvdModel): Float32Array {
  const d = svd.dims;
  const m = X.cols;
  if (svd.components.length !== d * m) throw new Error(`projectRows: components hold ${svd.components.length} values, expected dims × cols = ${d} × ${m}`);
  // Vᵀ transposed to cols × dims so that each non-zero adds one contiguous row.
  const V = new Float64Array(m * d);
  for (let i = 0; i < d; i++) for (let c = 0; c < m; c++) V[c * d + i] = svd.components[i * m + c];
  const out = new Float32Array(X.rows * d);
  const row = new Float64Array(d);
  for (let r = 0; r < X.rows; r++) {
    row.fill(0);
    for (let p = X.indptr[r]; p < X.indptr[r + 1]; p++) {
      const v = X.data[p];
      const o = X.indices[p] * d;
      for (let i = 0; i < d; i++) row[i] += v * V[o + i];
    }
    out.set(row, r * d);
  }
  return out;
}

/**
 * `--update`: new texts vectorised with the fitted vocabulary, phrases and idf,
 * then projected with the fitted components (no refit). For a training text the
 * result matches its fitted embedding up to the SVD's approximation error.
 */
export function transformTexts(texts: string[], model: TextModel, svd: SvdModel): { counts: Csr; tfidf: Csr; embedding: Float32Array; normalized: Float32Array } {
  const { counts, tfidf } = vectorizeWithModel(texts, model);
  const embedding = projectRows(tfidf, svd);
  return { counts, tfidf, embedding, normalized: normalizeRows(embedding, texts.length, svd.dims) };
}
