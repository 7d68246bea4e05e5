/**
 * The global c-TF-IDF idf of one clustering level, for scoring (cluster, bin)
 * classes as BERTopic's topics_over_time does: the idf comes from the
 * clusters over the whole corpus, so a term's weight does not change from bin
 * to bin. Same formula as src/pipeline/cluster/classTerms.ts:
 * idf(t) = ln(1 + A / f(t)), A = average words per cluster, f(t) = count of t
 * over all clustered papers (0 for a term never seen).
 */
import type { Csr } from './types.ts';

export function levelIdf(counts: Csr, labels: Int32Array, k: number): Float64Array {
  if (labels.length !== counts.rows) throw new RangeError(`trends: labels has ${labels.length} papers but term counts have ${counts.rows} rows`);
  const { indptr, indices, data } = counts;
  const frequency = new Float64Array(counts.cols);
  let words = 0;
  for (let r = 0; r < counts.rows; r++) {
    if (labels[r]! < 0) continue;
    for (let p = indptr[r]!; p < indptr[r + 1]!; p++) {
      frequency[indices[p]!]! += data[p]!;
      words += data[p]!;
    }
  }
  const average = k > 0 ? words / k : 0;
  const idf = new Float64Array(counts.cols);
  for (let t = 0; t < counts.cols; t++) idf[t] = frequency[t]! > 0 ? Math.log(1 + average / frequency[t]!) : 0;
  return idf;
}
