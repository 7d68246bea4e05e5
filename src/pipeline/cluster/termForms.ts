/**
 * The words of a display term ("bose-einstein condensates") and one key per
 * word that its inflections share ("matrices"/"matrix", "condensates"/
 * "condensate"), so label code can tell a term that repeats another from a
 * distinct one. Pure functions over strings.
 */
import { porterStem } from '../text/natural.ts';

/** Plurals Porter's stemmer does not fold onto their singular (ambiguous ones such as "bases", "moduli" left out). */
const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  matrices: 'matrix',
  vortices: 'vortex',
  vertices: 'vertex',
  indices: 'index',
  simplices: 'simplex',
  apices: 'apex',
  spectra: 'spectrum',
  nuclei: 'nucleus',
  radii: 'radius',
  phenomena: 'phenomenon',
  criteria: 'criterion',
  formulae: 'formula',
  maxima: 'maximum',
  minima: 'minimum',
  quanta: 'quantum',
  media: 'medium',
  analyses: 'analysis',
  hypotheses: 'hypothesis',
  syntheses: 'synthesis',
  axes: 'axis',
};

/** Lower-case words of a term; hyphens and dashes separate words, as spaces do. */
export function termWords(term: string): string[] {
  return term.toLowerCase().split(/[\s\-\u2010-\u2015]+/).filter((w) => w !== '');
}

/** The key a word shares with its inflections: its Porter stem, after irregular plurals. */
export function wordKey(word: string): string {
  const lower = word.toLowerCase();
  const stem = porterStem(IRREGULAR_PLURALS[lower] ?? lower);
  // Porter keeps "-ary" ("planetary" → "planetari"), so a label could read "planets · planetary".
  return stem.length >= 7 && stem.endsWith('ari') ? stem.slice(0, -3) : stem;
}

export function termKeys(term: string): string[] {
  return termWords(term).map(wordKey);
}

/** One key for the term written as one word: "multi-modal" and "multimodal", "data set" and "dataset" share it. */
export function squashedKey(term: string): string {
  return wordKey(termWords(term).join(''));
}

/**
 * How term a relates to term b, by word keys:
 * - `same`: the same words (an inflection, "density matrix" / "density matrices");
 * - `inside`: a's words are a contiguous run of b's ("matter" in "dark matter", "bose-einstein" in "bose-einstein condensates");
 * - `contains`: the reverse;
 * - `chain`: one ends with the words the other starts with ("von neumann" / "neumann entropy"), i.e. the two are one longer phrase cut in two;
 * - null: unrelated (two phrases that merely share a word, "dark matter" / "dark energy", are distinct).
 */
export type TermRelation = 'same' | 'inside' | 'contains' | 'chain' | null;

export function relateTerms(a: readonly string[], b: readonly string[]): TermRelation {
  if (a.length === 0 || b.length === 0) return null;
  if (a.length === b.length && a.every((w, i) => w === b[i])) return 'same';
  if (a.length < b.length && runAt(b, a) >= 0) return 'inside';
  if (b.length < a.length && runAt(a, b) >= 0) return 'contains';
  if (chainOverlap(a, b) > 0 || chainOverlap(b, a) > 0) return 'chain';
  return null;
}

/** Where `run` starts as a contiguous run of `words`, or -1. */
function runAt(words: readonly string[], run: readonly string[]): number {
  outer: for (let s = 0; s + run.length <= words.length; s++) {
    for (let i = 0; i < run.length; i++) if (words[s + i] !== run[i]) continue outer;
    return s;
  }
  return -1;
}

/** The longest o ≥ 1 such that a's last o words are b's first o words, with both keeping a word of their own; 0 if none. */
export function chainOverlap(a: readonly string[], b: readonly string[]): number {
  for (let o = Math.min(a.length, b.length) - 1; o >= 1; o--) {
    let match = true;
    for (let i = 0; i < o; i++) {
      if (a[a.length - o + i] !== b[i]) {
        match = false;
        break;
      }
    }
    if (match) return o;
  }
  return 0;
}

/**
 * The display form of two chained terms as one phrase: "von neumann" + "neumann entropy" → "von neumann entropy".
 * `overlap` is in words (as chainOverlap); separators (space or hyphen) are kept as written.
 */
export function mergeChain(first: string, second: string, overlap: number): string {
  const tail = second.split(/([\s\-\u2010-\u2015]+)/).filter((p) => p !== '');
  // tail alternates word, separator, word, ...: skip `overlap` words and the separator after them.
  let words = 0;
  let i = 0;
  while (i < tail.length && words < overlap) {
    if (!/^[\s\-\u2010-\u2015]+$/.test(tail[i]!)) words++;
    i++;
  }
  const separator = tail[i] ?? ' ';
  return first + separator + tail.slice(i + 1).join('');
}
