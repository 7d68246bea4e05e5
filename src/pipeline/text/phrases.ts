import { PairCounter } from './pair-counter.ts';

export interface Phrase {
  /** Stem ids of the first and second word. */
  a: number;
  b: number;
  /** Adjacent occurrences in the corpus. */
  count: number;
  npmi: number;
}

/**
 * Normalised pointwise mutual information of a bigram (Bouma 2009), with all three
 * probabilities estimated over the corpus' token count: 1 when the words only occur
 * together, 0 when they co-occur as often as chance predicts, -1 when never.
 */
export function npmi(countAB: number, countA: number, countB: number, totalTokens: number): number {
  if (countAB <= 0) return -1;
  const pAB = countAB / totalTokens;
  if (pAB >= 1) return 1;
  const pmi = Math.log(pAB / ((countA / totalTokens) * (countB / totalTokens)));
  return pmi / -Math.log(pAB);
}

/**
 * Bigram phrases: pairs of stems that are adjacent (nothing removed between them:
 * no stopword, punctuation or math) at least `minCount` times and whose NPMI is at
 * least `threshold`. `sequence` holds word ids, -1 where adjacency breaks (also
 * between documents); `stemOf` maps a word id to its stem id.
 * Returned sorted by (a, b).
 */
export function detectPhrases(
  sequence: Int32Array,
  length: number,
  stemOf: Int32Array,
  numStems: number,
  minCount: number,
  threshold: number,
): Phrase[] {
  const stemCount = new Float64Array(numStems);
  const pairs = new PairCounter(1 << 16);
  let total = 0;
  let previous = -1;
  for (let i = 0; i < length; i++) {
    const w = sequence[i];
    if (w < 0) {
      previous = -1;
      continue;
    }
    const s = stemOf[w];
    stemCount[s]++;
    total++;
    if (previous >= 0 && previous !== s) pairs.add(previous, s);
    previous = s;
  }
  const found: Phrase[] = [];
  pairs.forEach((a, b, count) => {
    if (count < minCount) return;
    const score = npmi(count, stemCount[a], stemCount[b], total);
    if (score >= threshold) found.push({ a, b, count, npmi: score });
  });
  found.sort((x, y) => x.a - y.a || x.b - y.b);
  return found;
}
