/**
 * From a cluster's ranked terms, the list a reader would write: phrases whole
 * and in order, no term repeating another (see termForms.ts for "repeat").
 * Pure: the caller ranks; this only chooses.
 */
import { chainOverlap, mergeChain, relateTerms, squashedKey, termKeys } from './termForms.ts';

export interface RankedTerm {
  term: string;
  score: number;
  phrase: boolean;
  /** Occurrences in the cluster; without counts a phrase always stands for the words it contains. */
  count?: number;
}

export interface DistinctTermsOptions {
  /**
   * A phrase replaces a listed word it contains only where the phrase accounts
   * for at least this share of the word's occurrences ("dark matter" for "dark");
   * otherwise the word says more than the phrase and the phrase is left out
   * ("quantum" stays, "quantum zeno" goes). Default 0.2.
   */
  share?: number;
  /**
   * The vocabulary's phrase made of two terms (either order), with its count
   * in the cluster: used to mend a split ("dark" + "matter" → "dark matter").
   * undefined: no such phrase; null: there is one, but not in this cluster.
   */
  phraseOf?: (a: RankedTerm, b: RankedTerm) => RankedTerm | null | undefined;
}

/** See `together` below. */
const CHAIN_SHARE = 0.5;

interface Chosen {
  term: RankedTerm;
  keys: string[];
}

export function distinctTerms(ranked: readonly RankedTerm[], n: number, options: DistinctTermsOptions = {}): RankedTerm[] {
  const share = options.share ?? 0.2;
  const explains = (phrase: RankedTerm, word: RankedTerm) =>
    phrase.count === undefined || word.count === undefined || phrase.count >= share * word.count;
  const chosen: Chosen[] = [];

  // Two chained terms are one phrase only where they occur about as often ("von neumann" / "neumann entropy");
  // "supermassive black" beside a far more frequent "black hole" is not the cluster's "supermassive black hole".
  const together = (a: RankedTerm, b: RankedTerm) =>
    a.count === undefined || b.count === undefined || Math.min(a.count, b.count) >= CHAIN_SHARE * Math.max(a.count, b.count);

  // Put `term` in place of chosen[at] (keeping the better score); what it now repeats goes, what it chains with
  // joins it (or, where they are not one phrase, the lower-scored of the two goes). The result takes the best place involved.
  const replace = (at: number, term: RankedTerm, keys: string[]) => {
    let placed: Chosen = { term: { ...term, score: Math.max(term.score, chosen[at]!.term.score) }, keys };
    let first = at;
    const rest: Chosen[] = [];
    for (let i = 0; i < chosen.length; i++) {
      if (i === at) continue;
      const other = chosen[i]!;
      const relation = relateTerms(other.keys, placed.keys);
      if (relation === null) {
        rest.push(other);
        continue;
      }
      if (relation === 'chain') {
        if (together(other.term, placed.term)) placed = joinChain(placed, other);
        else if (other.term.score > placed.term.score) placed = other;
      }
      first = Math.min(first, i);
    }
    const before = chosen.slice(0, first).filter((c) => rest.includes(c));
    chosen.splice(0, chosen.length, ...before, placed, ...rest.filter((c) => !before.includes(c)));
    mendSplits();
  };

  // A replacement can make a split ("qubit" → "two-qubit" beside "gates", the words of "two-qubit gates"): the
  // phrase takes the earlier one's place, or the later one goes.
  const mendSplits = () => {
    if (!options.phraseOf) return;
    for (let i = 0; i < chosen.length; i++) {
      for (let j = i + 1; j < chosen.length; j++) {
        const phrase = options.phraseOf(chosen[i]!.term, chosen[j]!.term);
        if (phrase === undefined) continue;
        chosen.splice(j, 1);
        if (phrase !== null && explains(phrase, chosen[i]!.term)) replace(i, phrase, termKeys(phrase.term));
        return mendSplits();
      }
    }
  };

  for (const term of ranked) {
    if (chosen.length >= n) break;
    const keys = termKeys(term.term);
    if (keys.length === 0) continue;
    const relations = chosen.map((c) => relateTerms(keys, c.keys));
    // Already said: the same words (also written as one word), or a part of a listed phrase.
    if (relations.some((r) => r === 'same' || r === 'inside')) continue;
    const squashed = squashedKey(term.term);
    if (chosen.some((c) => squashedKey(c.term.term) === squashed)) continue;

    const inside = relations.flatMap((r, i) => (r === 'contains' ? [i] : []));
    if (inside.length > 0) {
      if (inside.every((i) => explains(term, chosen[i]!.term))) replace(inside[0]!, term, keys);
      continue;
    }

    const chain = relations.indexOf('chain');
    if (chain >= 0) {
      if (together(chosen[chain]!.term, term)) {
        const joined = joinChain(chosen[chain]!, { term, keys });
        replace(chain, joined.term, joined.keys);
      }
      continue;
    }

    if (options.phraseOf) {
      let mended = false;
      for (let i = 0; i < chosen.length && !mended; i++) {
        const phrase = options.phraseOf(chosen[i]!.term, term);
        if (phrase === undefined) continue;
        // Either the phrase takes the listed term's place, or this term stays out: never the two halves side by side.
        if (phrase !== null && explains(phrase, chosen[i]!.term)) replace(i, phrase, termKeys(phrase.term));
        mended = true;
      }
      if (mended) continue;
    }
    chosen.push({ term, keys });
  }
  return chosen.map((c) => c.term);
}

/** Two chained terms as one phrase ("von neumann" + "neumann entropy" → "von neumann entropy"), at the better score. */
function joinChain(a: Chosen, b: Chosen): Chosen {
  const ab = chainOverlap(a.keys, b.keys);
  const [first, second, overlap] = ab > 0 ? [a, b, ab] : [b, a, chainOverlap(b.keys, a.keys)];
  const term = mergeChain(first.term.term, second.term.term, overlap);
  const count = a.term.count === undefined || b.term.count === undefined ? undefined : Math.min(a.term.count, b.term.count);
  return { term: { term, score: Math.max(a.term.score, b.term.score), phrase: true, count }, keys: termKeys(term) };
}
