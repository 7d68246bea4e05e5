/**
 * Cluster terms and short labels built from them. Terms are ranked by c-TF-IDF
 * weighted by how much more often the cluster uses a term than its siblings do
 * (so a fine cluster is named by what sets it apart inside its parent), then
 * chosen so that no term repeats another (distinctTerms.ts).
 */
import { classTermScores, type ClassTermOptions } from './classTerms.ts';
import { distinctTerms, type RankedTerm } from './distinctTerms.ts';
import { termKeys } from './termForms.ts';
import type { Csr, TermScore, Vocabulary } from './types.ts';

/** Candidates per cluster the choice works on: enough that a phrase ranked below its words is still seen. */
const CANDIDATES = 40;

export interface ClusterTermOptions extends Omit<ClassTermOptions, 'topN'> {
  /**
   * Per cluster, the group of its siblings (e.g. its parent cluster): a term's
   * score is multiplied by p / (p + q), p its share of the cluster's words and
   * q its share of the words of the cluster's siblings. Default: every cluster
   * is a sibling of every other. A cluster without a sibling keeps its c-TF-IDF.
   */
  siblingGroup?: Int32Array;
  /** phraseIndex(vocab), when several calls share a vocabulary. */
  phrases?: ReadonlyMap<string, number>;
}

/** The vocabulary's phrases by their word keys (termForms.ts), so "monte carlo" + "simulations" finds "monte-carlo simulations". */
export function phraseIndex(vocab: Vocabulary): Map<string, number> {
  const index = new Map<string, number>();
  for (let t = 0; t < vocab.display.length; t++) {
    if (vocab.phrase[t] === 1) {
      const key = termKeys(vocab.display[t]!).join(' ');
      if (!index.has(key)) index.set(key, t);
    }
  }
  return index;
}

export function clusterTerms(
  counts: Csr,
  labels: Int32Array,
  k: number,
  vocab: Vocabulary,
  topN = 10,
  options: ClusterTermOptions = {},
): TermScore[][] {
  if (vocab.display.length !== counts.cols) {
    throw new RangeError(`clusterTerms: vocabulary has ${vocab.display.length} terms, counts have ${counts.cols} columns`);
  }
  const group = options.siblingGroup ?? new Int32Array(k);
  if (group.length !== k) throw new RangeError(`clusterTerms: siblingGroup has length ${group.length}, expected ${k}`);
  const { terms: pool, scores } = classTermScores(counts, labels, k, { ...options, topN: Math.max(topN, CANDIDATES) });

  const phrases = options.phrases ?? phraseIndex(vocab);
  const keysOf = new Map<number, string[]>();
  const termKeysOf = (t: number) => {
    let keys = keysOf.get(t);
    if (keys === undefined) keysOf.set(t, (keys = termKeys(vocab.display[t]!)));
    return keys;
  };
  // The phrases two candidates of a cluster would split ("dark" + "matter"): counted too, to mend the split.
  const splits = pool.map((ts) => {
    const found = new Map<string, number>();
    for (const a of ts) {
      for (const b of ts) {
        const t = a === b ? undefined : phrases.get([...termKeysOf(a), ...termKeysOf(b)].join(' '));
        if (t !== undefined) found.set(`${a} ${b}`, t);
      }
    }
    return found;
  });
  const wanted = new Set<number>();
  pool.forEach((ts, c) => {
    for (const t of ts) wanted.add(t);
    for (const t of splits[c]!.values()) wanted.add(t);
  });
  const { count, words } = countTermsByClass(counts, labels, k, [...wanted].sort((a, b) => a - b));

  const groupWords = new Map<number, number>();
  const groupCount = new Map<number, Float64Array>();
  for (let c = 0; c < k; c++) {
    groupWords.set(group[c]!, (groupWords.get(group[c]!) ?? 0) + words[c]!);
    const sum = groupCount.get(group[c]!) ?? new Float64Array(count.slots);
    for (let s = 0; s < count.slots; s++) sum[s]! += count.at(c, s);
    groupCount.set(group[c]!, sum);
  }

  return pool.map((ts, c) => {
    const siblingWords = groupWords.get(group[c]!)! - words[c]!;
    const sum = groupCount.get(group[c]!)!;
    const contrast = (t: number) => {
      if (siblingWords <= 0 || words[c]! <= 0) return 1;
      const s = count.slot(t);
      const p = count.at(c, s) / words[c]!;
      const q = (sum[s]! - count.at(c, s)) / siblingWords;
      return p + q > 0 ? p / (p + q) : 0;
    };
    const ranked: (RankedTerm & { t: number })[] = Array.from(ts, (t, m) => ({
      t,
      term: vocab.display[t]!,
      score: scores[c]![m]! * contrast(t),
      phrase: vocab.phrase[t] === 1,
      count: count.at(c, count.slot(t)),
    }));
    ranked.sort((a, b) => b.score - a.score || a.t - b.t);
    const phraseOf = (a: RankedTerm, b: RankedTerm): RankedTerm | null | undefined => {
      const ta = (a as { t?: number }).t;
      const tb = (b as { t?: number }).t;
      if (ta === undefined || tb === undefined) return undefined;
      const t = splits[c]!.get(`${ta} ${tb}`) ?? splits[c]!.get(`${tb} ${ta}`);
      if (t === undefined) return undefined;
      const n = count.at(c, count.slot(t));
      return n > 0 ? ({ t, term: vocab.display[t]!, score: 0, phrase: true, count: n } as RankedTerm) : null;
    };
    return distinctTerms(ranked, topN, { phraseOf }).map(({ term, score, phrase }) => ({ term, score: Math.fround(score), phrase }));
  });
}

/** Counts of a few terms per class in one pass over the rows, and every class's word total. */
function countTermsByClass(counts: Csr, labels: Int32Array, k: number, terms: readonly number[]) {
  const slotOf = new Int32Array(counts.cols).fill(-1);
  terms.forEach((t, s) => (slotOf[t] = s));
  const slots = terms.length;
  const table = new Float64Array(k * slots);
  const words = new Float64Array(k);
  for (let r = 0; r < counts.rows; r++) {
    const c = labels[r]!;
    if (c < 0) continue;
    for (let p = counts.indptr[r]!; p < counts.indptr[r + 1]!; p++) {
      words[c]! += counts.data[p]!;
      const s = slotOf[counts.indices[p]!]!;
      if (s >= 0) table[c * slots + s]! += counts.data[p]!;
    }
  }
  return {
    words,
    count: { slots, slot: (t: number) => slotOf[t]!, at: (c: number, s: number) => table[c * slots + s]! },
  };
}

/**
 * A short label from the best two or three terms, none repeating another
 * (distinctTerms.ts: a word inside a chosen phrase is skipped, a later phrase
 * replaces the words it contains, inflections count once); joined with " · ".
 */
export function labelFromTerms(terms: ReadonlyArray<Pick<TermScore, 'term' | 'phrase'>>, maxTerms = 3, maxLength = 40): string {
  const distinct = distinctTerms(
    terms.map((t) => ({ term: t.term, phrase: t.phrase, score: 0 })),
    terms.length,
  );
  const chosen: string[] = [];
  for (const { term } of distinct) {
    if (chosen.length >= maxTerms) break;
    if (chosen.length >= 2 && [...chosen, term].join(' · ').length > maxLength) break;
    chosen.push(term);
  }
  return chosen.join(' · ');
}
