import type { Csr } from './types.ts';

/**
 * Document-count bounds from min_df / max_df, as scikit-learn reads them:
 * min_df an integer >= 1 is a count, a value in [0, 1) a share of `nDocs`;
 * max_df a value in (0, 1] is a share, an integer > 1 a count.
 * (JavaScript cannot tell 1 from 1.0: min_df = 1 is the count 1, max_df = 1 the share 100%.)
 */
export function resolveDfBounds(minDf: number, maxDf: number, nDocs: number): { minCount: number; maxCount: number } {
  if (!Number.isFinite(minDf) || minDf < 0) throw new Error(`minDf must be a count >= 1 or a fraction in [0, 1), got ${minDf}`);
  if (minDf >= 1 && !Number.isInteger(minDf)) throw new Error(`minDf above 1 must be an integer document count, got ${minDf}`);
  if (!Number.isFinite(maxDf) || maxDf <= 0) throw new Error(`maxDf must be a fraction in (0, 1] or a count > 1, got ${maxDf}`);
  if (maxDf > 1 && !Number.isInteger(maxDf)) throw new Error(`maxDf above 1 must be an integer document count, got ${maxDf}`);
  const minCount = minDf >= 1 ? minDf : minDf * nDocs;
  const maxCount = maxDf > 1 ? maxDf : maxDf * nDocs;
  if (maxCount < minCount) throw new Error(`maxDf (${maxDf} -> ${maxCount} documents) is below minDf (${minDf} -> ${minCount} documents)`);
  return { minCount, maxCount };
}

/** scikit-learn's smooth idf: ln((1 + n) / (1 + df)) + 1. */
export function smoothIdf(df: Int32Array, nDocs: number): Float64Array {
  const idf = new Float64Array(df.length);
  for (let j = 0; j < df.length; j++) idf[j] = Math.log((1 + nDocs) / (1 + df[j])) + 1;
  return idf;
}

/** Sublinear TF-IDF, (1 + ln tf) * idf, rows L2-normalised (empty rows stay empty); written to `data` when given. */
export function weightCounts(counts: Csr, idf: Float64Array, data: Float32Array = new Float32Array(counts.data.length)): Csr {
  if (data.length !== counts.data.length) throw new Error(`weightCounts: output holds ${data.length} values, expected ${counts.data.length}`);
  const { indptr, indices } = counts;
  let longest = 0;
  for (let r = 0; r < counts.rows; r++) longest = Math.max(longest, indptr[r + 1] - indptr[r]);
  const weight = new Float64Array(longest); // one row's unscaled weights, computed once
  for (let r = 0; r < counts.rows; r++) {
    const start = indptr[r];
    const end = indptr[r + 1];
    let norm = 0;
    for (let p = start; p < end; p++) {
      const w = (1 + Math.log(counts.data[p])) * idf[indices[p]];
      weight[p - start] = w;
      norm += w * w;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let p = start; p < end; p++) data[p] = weight[p - start] * scale;
  }
  return { rows: counts.rows, cols: counts.cols, indptr: counts.indptr, indices: counts.indices, data };
}
