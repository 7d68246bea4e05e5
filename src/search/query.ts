/**
 * Parsing and answering keyword queries.
 *
 * Syntax (queryParse.ts) and semantics, as the search box's hint documents them:
 *  - `-word` or `NOT word` excludes; `a OR b` is either; several words / phrases
 *    are all required (implicit AND); OR binds loosest (`a OR b c` = a OR (b AND c)),
 *    parentheses group. A query of exclusions only keeps every paper without them;
 *  - words are case-insensitive and matched by key (normalize.ts): "Agents" finds "agent";
 *  - "double quotes" = a phrase: the words must be adjacent, inflections allowed
 *    ("language models" matches "language model"), and stopwords (stopwords.ts) are
 *    looked through: "mixture of experts" matches "mixture-of-experts" and
 *    "mixture of the experts". An unclosed quote runs to the end (and is reported).
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
 *  - LaTeX commands and punctuation are ignored (and reported); a query with nothing to
 *    search is no filter (null);
 *  - CJK text (keyed as character bigrams, see tokenize.ts) outside quotes is the AND of its
 *    bigrams, not a phrase: a word in one paper only has no indexed pairs, yet must be found.
 *    A lone CJK character matches the bigrams it starts (and itself) as a prefix.
 */
import { normalizeWord } from './normalize.ts';
import { intersectAll, subtractSorted, unionAll } from './intersect.ts';
import type { KeyIndex } from './searchIndex.ts';
import { isStopword } from './stopwords.ts';
import { MIN_PARTIAL_PREFIX_LENGTH, MIN_PREFIX_LENGTH, parseTree, type QueryAtom, type QueryNode, type QueryProblem } from './queryParse.ts';

export { MIN_PARTIAL_PREFIX_LENGTH, MIN_PREFIX_LENGTH, type QueryAtom, type QueryNode, type QueryProblem };

export interface ParsedQuery {
  /** The whole query as a tree; null when there is nothing to search. */
  expr: QueryNode | null;
  /** What the parser did not understand, for the search box to show. */
  problems: QueryProblem[];
  /** The words the matching papers may contain (not under an exclusion), for highlighting: */
  /** keys of single words, deduplicated, in query order; */
  terms: string[];
  /** keys of multi-word phrases (quoted, or hyphenated words); */
  phrases: string[][];
  /** folded (not singularised) prefixes forced with a trailing "*"; */
  prefixes: string[];
  /** folded form of the unfinished last word, if any (its key is also in `terms`). */
  partial: string | null;
  raw: string;
}

export function parseQuery(q: string): ParsedQuery {
  const { expr, problems } = parseTree(q);
  const parsed: ParsedQuery = { expr, problems, terms: [], phrases: [], prefixes: [], partial: null, raw: q };
  const visit = (node: QueryNode, negated: boolean): void => {
    if (node.kind === 'not') return visit(node.child, !negated);
    if (node.kind === 'and' || node.kind === 'or') return node.children.forEach((c) => visit(c, negated));
    if (negated) return;
    if (node.kind === 'term') {
      if (!parsed.terms.includes(node.key)) parsed.terms.push(node.key);
      if (node.partial !== null) parsed.partial = node.partial;
    } else if (node.kind === 'prefix') {
      if (!parsed.prefixes.includes(node.folded)) parsed.prefixes.push(node.folded);
    } else parsed.phrases.push(node.keys);
  };
  if (expr) visit(expr, false);
  return parsed;
}

/** True when the query has nothing to filter by. */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.expr === null;
}

/** Sorted indices of the papers matching the query; null for an empty query. */
export function matchQuery(index: KeyIndex, q: ParsedQuery): Uint32Array | null {
  if (q.expr === null) return null;
  const out = evaluate(index, q.expr);
  // Never hand out a cached postings list: the caller may keep or mutate the result.
  return out.slice();
}

const NONE = new Uint32Array(0);

function evaluate(index: KeyIndex, node: QueryNode): Uint32Array {
  switch (node.kind) {
    case 'and': {
      const include: QueryNode[] = [];
      const exclude: QueryNode[] = [];
      for (const c of node.children) (c.kind === 'not' ? exclude : include).push(c.kind === 'not' ? c.child : c);
      let acc: Uint32Array;
      if (include.length === 0) acc = everyPaper(index.n);
      else {
        const lists: Uint32Array[] = [];
        for (const c of include) {
          const list = evaluate(index, c);
          if (list.length === 0) return NONE;
          lists.push(list);
        }
        acc = lists.length === 1 ? lists[0]! : intersectAll(lists);
      }
      for (const c of exclude) {
        if (acc.length === 0) break;
        acc = subtractSorted(acc, evaluate(index, c));
      }
      return acc;
    }
    case 'or':
      return unionAll(node.children.map((c) => evaluate(index, c)), index.n);
    case 'not':
      return subtractSorted(everyPaper(index.n), evaluate(index, node.child));
    default:
      return atomPostings(index, node);
  }
}

function everyPaper(n: number): Uint32Array {
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  return all;
}

function atomPostings(index: KeyIndex, atom: QueryAtom): Uint32Array {
  if (atom.kind === 'term') {
    const id = index.keyId(atom.key);
    if (id >= 0) return index.postings(id);
    if (atom.partial !== null && atom.partial.length >= MIN_PARTIAL_PREFIX_LENGTH) return prefixPostings(index, atom.partial);
    return NONE;
  }
  if (atom.kind === 'prefix') return prefixPostings(index, atom.folded);
  const phrase = atom.keys;
  const content = phraseContent(phrase);
  const ids = content.map((key) => index.keyId(key));
  if (ids.some((id) => id < 0)) return NONE;
  if (ids.length === 1 || content === phrase) {
    // One content word, or only stopwords: no pairs to look up, the words are ANDed.
    return ids.length === 1 ? index.postings(ids[0]!) : intersectAll(ids.map((id) => index.postings(id)));
  }
  const lists: Uint32Array[] = [];
  for (let i = 0; i + 1 < ids.length; i++) {
    const list = index.pairPostings(ids[i]!, ids[i + 1]!);
    if (list.length === 0) return NONE;
    lists.push(list);
  }
  return lists.length === 1 ? lists[0]! : intersectAll(lists);
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
function prefixPostings(index: KeyIndex, folded: string): Uint32Array {
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
