/**
 * Class-based TF-IDF (c-TF-IDF, as BERTopic): all papers of a class are one
 * document. tf(t,c) = count of t in c / words in c; idf(t) = ln(1 + A / f(t)),
 * A = average words per class, f(t) = count of t over all classes.
 * Generic over "class": a cluster, or a (cluster, time bin) pair for trends.
 */
import type { Csr } from './types.ts';

export interface ClassTermOptions {
  /** Use this IDF (e.g. the corpus-level one when scoring bins) instead of computing it. */
  idf?: Float64Array;
  /** Terms kept per class. Default 10. */
  topN?: number;
  /** A term needs at least this count inside the class. Default 1. */
  minCount?: number;
}

export interface ClassTerms {
  /** Per class, term indices best first (score descending, ties by term index). */
  terms: Int32Array[];
  scores: Float32Array[];
}

export function classTermScores(counts: Csr, classOf: Int32Array, nClasses: number, options: ClassTermOptions = {}): ClassTerms {
  const { rows, cols, indptr, indices, data } = counts;
  if (classOf.length !== rows) throw new RangeError(`classTermScores: classOf has length ${classOf.length}, expected ${rows} rows`);
  if (!Number.isInteger(nClasses) || nClasses < 0) throw new RangeError(`classTermScores: nClasses must be ≥ 0, got ${nClasses}`);
  if (options.idf && options.idf.length !== cols) {
    throw new RangeError(`classTermScores: idf has length ${options.idf.length}, expected ${cols} terms`);
  }
  const topN = options.topN ?? 10;
  const minCount = options.minCount ?? 1;

  // Rows grouped by class (counting sort), and corpus-wide term frequencies.
  const classStart = new Int32Array(nClasses + 1);
  for (let r = 0; r < rows; r++) {
    const c = classOf[r];
    if (c >= nClasses) throw new RangeError(`classTermScores: classOf[${r}] = ${c} is not below nClasses = ${nClasses}`);
    if (c >= 0) classStart[c + 1]++;
  }
  for (let c = 0; c < nClasses; c++) classStart[c + 1] += classStart[c];
  const byClass = new Int32Array(classStart[nClasses]);
  const fill = classStart.slice(0, nClasses);
  for (let r = 0; r < rows; r++) if (classOf[r] >= 0) byClass[fill[classOf[r]]++] = r;

  let idf = options.idf;
  if (!idf) {
    const frequency = new Float64Array(cols);
    let words = 0;
    for (let r = 0; r < rows; r++) {
      if (classOf[r] < 0) continue;
      for (let p = indptr[r]; p < indptr[r + 1]; p++) {
        frequency[indices[p]] += data[p];
        words += data[p];
      }
    }
    const average = nClasses > 0 ? words / nClasses : 0;
    idf = new Float64Array(cols);
    for (let t = 0; t < cols; t++) idf[t] = frequency[t] > 0 ? Math.log(1 + average / frequency[t]) : 0;
  }

  const classCount = new Float64Array(cols);
  const touched = new Int32Array(cols);
  const seen = new Uint8Array(cols);
  const terms: Int32Array[] = [];
  const scores: Float32Array[] = [];
  for (let c = 0; c < nClasses; c++) {
    let nTouched = 0;
    let words = 0;
    for (let q = classStart[c]; q < classStart[c + 1]; q++) {
      const r = byClass[q];
      for (let p = indptr[r]; p < indptr[r + 1]; p++) {
        const t = indices[p];
        if (!seen[t]) {
          seen[t] = 1;
          touched[nTouched++] = t;
        }
        classCount[t] += data[p];
        words += data[p];
      }
    }
    const candidates: { t: number; s: number }[] = [];
    for (let m = 0; m < nTouched; m++) {
      const t = touched[m];
      if (classCount[t] >= minCount && classCount[t] > 0) candidates.push({ t, s: (classCount[t] / words) * idf[t] });
      classCount[t] = 0;
      seen[t] = 0;
    }
    candidates.sort((a, b) => b.s - a.s || a.t - b.t);
    const top = candidates.slice(0, topN);
    terms.push(Int32Array.from(top, (x) => x.t));
    scores.push(Float32Array.from(top, (x) => x.s));
  }
  return { terms, scores };
}
