/** Character ranges of a title/abstract to highlight for a query (same matching rules as query.ts). */
import { foldWord, normalizeWord } from './normalize.ts';
import { phraseContent, type ParsedQuery } from './query.ts';
import { MIN_PARTIAL_PREFIX_LENGTH, MIN_PREFIX_LENGTH } from './queryParse.ts';
import { isStopword } from './stopwords.ts';
import { tokenSpans } from './tokenize.ts';

/**
 * Sorted, non-overlapping [start, end) ranges. Single words and prefixes highlight
 * word by word; a phrase highlights from its first word to its last (the space or
 * hyphen between them included). The unfinished last word highlights both its exact
 * key and the words it is a prefix of (the index alone knows which one matched).
 * A phrase's run may include the stopwords it looks through ("mixture of the experts").
 */
export function highlightRanges(text: string, q: ParsedQuery): Array<[start: number, end: number]> {
  const spans = tokenSpans(text);
  const terms = new Set(q.terms);
  const prefixes = [...q.prefixes];
  if (q.partial !== null && q.partial.length >= MIN_PARTIAL_PREFIX_LENGTH) prefixes.push(q.partial);
  const keyPrefixes = prefixes.map((p) => normalizeWord(p)).filter((k) => k.length >= MIN_PREFIX_LENGTH);
  const ranges: Array<[number, number]> = [];

  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    // CJK keys are NFKC, not folded: their prefixes are matched on the key itself.
    let hit = terms.has(s.key) || keyPrefixes.some((k) => s.key.startsWith(k)) || (s.cjk === true && prefixes.some((p) => s.key.startsWith(p)));
    if (!hit && prefixes.length > 0) {
      const folded = foldWord(text.slice(s.start, s.end));
      hit = prefixes.some((p) => folded.startsWith(p));
    }
    if (hit) ranges.push([s.start, s.end]);
  }
  // Phrases match on the stream of non-stopword words, like the pair index does.
  const content = spans.filter((s) => !isStopword(s.key));
  for (const phrase of q.phrases) {
    const words = phraseContent(phrase);
    const stream = words === phrase ? spans : content;
    if (words === phrase && words.length > 1) {
      // Stopwords only: ANDed words, highlighted one by one.
      for (const s of spans) if (words.includes(s.key)) ranges.push([s.start, s.end]);
      continue;
    }
    for (let i = 0; i + words.length <= stream.length; i++) {
      let j = 0;
      while (j < words.length && stream[i + j].key === words[j]) j++;
      if (j === words.length) ranges.push([stream[i].start, stream[i + j - 1].end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
