/** Character ranges of a title/abstract to highlight for a query (same matching rules as query.ts). */
import { foldWord, normalizeWord } from './normalize.ts';
import { MIN_PREFIX_LENGTH, type ParsedQuery } from './query.ts';
import { tokenSpans } from './tokenize.ts';

/**
 * Sorted, non-overlapping [start, end) ranges. Single words and prefixes highlight
 * word by word; a phrase highlights from its first word to its last (the space or
 * hyphen between them included). The unfinished last word highlights both its exact
 * key and the words it is a prefix of (the index alone knows which one matched).
 */
export function highlightRanges(text: string, q: ParsedQuery): Array<[start: number, end: number]> {
  const spans = tokenSpans(text);
  const terms = new Set(q.terms);
  const prefixes = [...q.prefixes];
  if (q.partial !== null && q.partial.length >= MIN_PREFIX_LENGTH) prefixes.push(q.partial);
  const keyPrefixes = prefixes.map((p) => normalizeWord(p)).filter((k) => k.length >= MIN_PREFIX_LENGTH);
  const ranges: Array<[number, number]> = [];

  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    let hit = terms.has(s.key) || keyPrefixes.some((k) => s.key.startsWith(k));
    if (!hit && prefixes.length > 0) {
      const folded = foldWord(text.slice(s.start, s.end));
      hit = prefixes.some((p) => folded.startsWith(p));
    }
    if (hit) ranges.push([s.start, s.end]);
    for (const phrase of q.phrases) {
      if (i + phrase.length > spans.length) continue;
      let j = 0;
      while (j < phrase.length && spans[i + j].key === phrase[j]) j++;
      if (j === phrase.length) ranges.push([s.start, spans[i + j - 1].end]);
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
