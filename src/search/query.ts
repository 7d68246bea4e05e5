/**
 * Parsing and answering keyword queries.
 *
 * Syntax and semantics (documented for the search box's help tooltip):
 *  - words are case-insensitive and matched by key (normalize.ts): "Agents" finds "agent";
 *  - several words / phrases = AND;
 *  - "double quotes" = a phrase: the words must be adjacent, inflections allowed
 *    ("language models" matches "language model"), and stopwords (stopwords.ts) are
 *    looked through: "mixture of experts" matches "mixture-of-experts" and
 *    "mixture of the experts". An unclosed quote runs to the end.
 *    Phrases are answered from an index of pairs of consecutive non-stopword keys seen
 *    in at least `minPairDf` papers (default 2): a phrase with an unindexed pair matches
 *    nothing; a phrase of three or more words matches papers holding each of its pairs
 *    (a b ... b c would also match "a b c"; rare in practice); a phrase with a single
 *    non-stopword is that word, one of stopwords only is the AND of its words;
 *  - a word with inner punctuation ("fine-tuning", "gpt-4") is a phrase of its parts,
 *    so it matches "fine tuning" and "fine-tuning" alike;
 *  - a trailing "*" forces a prefix match ("learn*" = learn, learning, learned, learner...);
 *  - while typing, the last word (when the query does not end with a space) matches
 *    exactly if it is a key of the index, else as a prefix ("agen" → agent, agentic...);
 *  - a forced prefix needs MIN_PREFIX_LENGTH (2) characters, the implicit prefix of the
 *    unfinished word MIN_PARTIAL_PREFIX_LENGTH (3): two-letter prefixes expand to
 *    thousands of keys (up to ~200 ms cold on 136k papers), too slow for every keystroke;
 *    shorter ones match exactly instead;
 *  - LaTeX commands and punctuation are ignored; a query with no words is no filter (null);
 *  - CJK text (keyed as character bigrams, see tokenize.ts) outside quotes is the AND of its
 *    bigrams, not a phrase: a word in one paper only has no indexed pairs, yet must be found.
 *    A lone CJK character matches the bigrams it starts (and itself) as a prefix.
 */
import { foldWord, normalizeWord } from './normalize.ts';
import { intersectAll, unionAll } from './intersect.ts';
import type { SearchIndex } from './searchIndex.ts';
import { isStopword } from './stopwords.ts';
import { tokenSpans } from './tokenize.ts';

export const MIN_PREFIX_LENGTH = 2;
export const MIN_PARTIAL_PREFIX_LENGTH = 3;

export interface ParsedQuery {
  /** Keys of single words, deduplicated, in query order. */
  terms: string[];
  /** Keys of multi-word phrases (quoted, or hyphenated words). */
  phrases: string[][];
  /** Folded (not singularised) prefixes forced with a trailing "*". */
  prefixes: string[];
  /** Folded form of the unfinished last word, if any; its key is also in `terms`. */
  partial: string | null;
  raw: string;
}

const CHUNK = /"([^"]*)"?|([^\s"]+)/g;

export function parseQuery(q: string): ParsedQuery {
  const parsed: ParsedQuery = { terms: [], phrases: [], prefixes: [], partial: null, raw: q };
  const endsOpen = q.length > 0 && !/[\s"]$/.test(q);
  const chunks = [...q.matchAll(CHUNK)];
  chunks.forEach((m, i) => {
    const quoted = m[1] !== undefined;
    const text = quoted ? m[1] : m[2];
    const forcedPrefix = !quoted && text.endsWith('*');
    const spans = tokenSpans(text);
    if (spans.length === 0) return;
    if (!quoted && spans.some((s) => s.cjk)) {
      for (const s of spans) {
        const lone = s.cjk === true && spans.length === 1 && s.end - s.start === s.key.length && Array.from(s.key).length === 1;
        const list = lone ? parsed.prefixes : parsed.terms;
        if (!list.includes(s.key)) list.push(s.key);
      }
      return;
    }
    if (spans.length > 1) {
      parsed.phrases.push(spans.map((s) => s.key));
      return;
    }
    const folded = foldWord(text.slice(spans[0].start, spans[0].end));
    if (forcedPrefix && folded.length >= MIN_PREFIX_LENGTH) {
      if (!parsed.prefixes.includes(folded)) parsed.prefixes.push(folded);
      return;
    }
    if (!parsed.terms.includes(spans[0].key)) parsed.terms.push(spans[0].key);
    if (!quoted && !forcedPrefix && endsOpen && i === chunks.length - 1) parsed.partial = folded;
  });
  return parsed;
}

/** True when the query has nothing to filter by. */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.terms.length === 0 && q.phrases.length === 0 && q.prefixes.length === 0;
}

/** Sorted indices of the papers matching every part of the query; null for an empty query. */
export function matchQuery(index: SearchIndex, q: ParsedQuery): Uint32Array | null {
  if (isEmptyQuery(q)) return null;
  const none = new Uint32Array(0);
  const lists: Uint32Array[] = [];
  const partialKey = q.partial === null ? null : normalizeWord(q.partial);

  for (const term of q.terms) {
    const id = index.keyId(term);
    if (id >= 0) lists.push(index.postings(id));
    else if (term === partialKey && q.partial !== null && q.partial.length >= MIN_PARTIAL_PREFIX_LENGTH) lists.push(prefixPostings(index, q.partial));
    else return none;
    if (lists[lists.length - 1].length === 0) return none;
  }
  for (const prefix of q.prefixes) {
    const list = prefixPostings(index, prefix);
    if (list.length === 0) return none;
    lists.push(list);
  }
  for (const phrase of q.phrases) {
    const content = phraseContent(phrase);
    const ids = content.map((key) => index.keyId(key));
    if (ids.some((id) => id < 0)) return none;
    if (ids.length === 1 || content === phrase) {
      // One content word, or only stopwords: no pairs to look up, the words are ANDed.
      for (const id of ids) lists.push(index.postings(id));
      continue;
    }
    for (let i = 0; i + 1 < ids.length; i++) {
      const list = index.pairPostings(ids[i], ids[i + 1]);
      if (list.length === 0) return none;
      lists.push(list);
    }
  }
  // Never hand out a cached list: the caller may keep or mutate the result.
  return lists.length === 1 ? lists[0].slice() : intersectAll(lists);
}

/**
 * The words of a phrase that pairs are formed from: its non-stopwords. A phrase of
 * stopwords only is returned as is (the same array), meaning "AND its words".
 */
export function phraseContent(phrase: string[]): string[] {
  const content = phrase.filter((key) => !isStopword(key));
  return content.length === 0 ? phrase : content;
}

/** Papers holding any key that starts with the folded prefix or with its singular key. */
function prefixPostings(index: SearchIndex, folded: string): Uint32Array {
  const ranges = [index.prefixRange(folded)];
  const key = normalizeWord(folded);
  if (key !== folded && key.length >= MIN_PREFIX_LENGTH) ranges.push(index.prefixRange(key));
  const seen = new Set<number>();
  const lists: Uint32Array[] = [];
  for (const [from, to] of ranges) {
    for (let t = from; t < to; t++) {
      if (seen.has(t)) continue;
      seen.add(t);
      lists.push(index.postings(t));
    }
  }
  return unionAll(lists, index.n);
}
