/** Cluster terms (c-TF-IDF in display form) and short labels built from them. */
import { classTermScores, type ClassTermOptions } from './classTerms.ts';
import type { Csr, TermScore, Vocabulary } from './types.ts';

export function clusterTerms(
  counts: Csr,
  labels: Int32Array,
  k: number,
  vocab: Vocabulary,
  topN = 10,
  options: Omit<ClassTermOptions, 'topN'> = {},
): TermScore[][] {
  if (vocab.display.length !== counts.cols) {
    throw new RangeError(`clusterTerms: vocabulary has ${vocab.display.length} terms, counts have ${counts.cols} columns`);
  }
  const { terms, scores } = classTermScores(counts, labels, k, { ...options, topN });
  return terms.map((ts, c) =>
    Array.from(ts, (t, m) => ({ term: vocab.display[t], score: scores[c][m], phrase: vocab.phrase[t] === 1 })),
  );
}

/**
 * A short label from the best two or three terms: a unigram already inside a
 * chosen phrase is skipped (a later phrase replaces a chosen unigram it
 * contains), near-duplicates ("model"/"models") are skipped; joined with " · ".
 */
export function labelFromTerms(terms: ReadonlyArray<Pick<TermScore, 'term' | 'phrase'>>, maxTerms = 3, maxLength = 40): string {
  const chosen: { text: string; tokens: string[] }[] = [];
  for (const { term } of terms) {
    if (chosen.length >= maxTerms) break;
    const tokens = term.toLowerCase().split(/[\s-]+/).filter(Boolean).map(singular);
    if (tokens.length === 0) continue;
    const key = tokens.join(' ');
    if (chosen.some((c) => c.tokens.join(' ') === key)) continue;
    if (tokens.length === 1) {
      if (chosen.some((c) => c.tokens.includes(tokens[0]))) continue;
    } else {
      // Replace the first chosen unigram this phrase contains; drop any others.
      const inside = chosen.map((c, i) => (c.tokens.length === 1 && tokens.includes(c.tokens[0]) ? i : -1)).filter((i) => i >= 0);
      if (inside.length > 0) {
        chosen[inside[0]] = { text: term, tokens };
        for (const i of inside.slice(1).reverse()) chosen.splice(i, 1);
        continue;
      }
    }
    const candidate = [...chosen.map((c) => c.text), term].join(' · ');
    if (chosen.length >= 2 && candidate.length > maxLength) break;
    chosen.push({ text: term, tokens });
  }
  return chosen.map((c) => c.text).join(' · ');
}

/** Crude English singular, enough to catch "models"/"model", "studies"/"study". */
function singular(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}
