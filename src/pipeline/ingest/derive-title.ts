/**
 * Rows that lack a title or an abstract. Abstract-only exports are common
 * (PubMed, database dumps, scraped pages): such a row is kept with a title
 * made from its abstract's first sentence, marked as derived. A title alone is
 * kept as the paper's text when it is long enough to say what the paper is
 * about. Either way the text must read as text, so junk never becomes a paper.
 */

import type { Paper } from './types.ts';

/** The text a paper is vectorised from: a title made from the abstract would count its first sentence twice. */
export function paperText(p: Pick<Paper, 'title' | 'abstract' | 'titleFromAbstract'>): string {
  return p.titleFromAbstract ? p.abstract : `${p.title}\n${p.abstract}`;
}

/** Longest derived title, in characters (the ellipsis included). */
export const DERIVED_TITLE_MAX = 120;
/** A title with no abstract is the paper's text when it has at least this many words. */
export const TITLE_ONLY_MIN_WORDS = 8;
/** An abstract without a title must have at least this many words... */
export const ABSTRACT_MIN_WORDS = 5;
/** ...making up at least this share of its whitespace-separated tokens. */
const MIN_WORD_SHARE = 0.5;

/** A word: 2-30 letters (any script), with inner apostrophes or hyphens, optionally closed by punctuation. */
const WORD = /^[("'“‘[]?\p{L}[\p{L}\p{M}'’-]{1,29}[)"'”’\].,;:!?]*$/u;

/** Words (as WORD) among the whitespace-separated tokens of `text`, and the number of tokens. */
export function countWords(text: string): { words: number; tokens: number } {
  let words = 0;
  let tokens = 0;
  for (const token of text.split(/\s+/)) {
    if (token === '') continue;
    tokens++;
    if (WORD.test(token)) words++;
  }
  return { words, tokens };
}

/** Enough words, and mostly words, to be prose rather than bytes, numbers or markup. */
export function readsAsText(text: string, minWords: number): boolean {
  const { words, tokens } = countWords(text);
  return words >= minWords && words >= MIN_WORD_SHARE * tokens;
}

/** Abbreviations whose full stop does not end a sentence (lower case, without the stop). */
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'et al', 'al', 'etc', 'cf', 'vs', 'viz', 'approx', 'resp', 'fig', 'figs', 'eq', 'eqs', 'ref', 'refs',
  'sec', 'no', 'nos', 'vol', 'ch', 'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'ca', 'ed', 'eds', 'inc', 'ltd', 'co', 'jr', 'sr', 'u.s',
]);

/** A structured abstract's first heading ("BACKGROUND:", "Abstract."), not part of the first sentence. */
const LEADING_HEADING = /^(?:(?:abstract|summary|background|introduction|context|objectives?|purpose|aims?|motivation)\s*[:.]|[A-Z]{3,}(?: [A-Z]{2,}){0,3}:)\s+/i;
/** Only all-caps headings of other words: "We show: ..." is a sentence. */
const CAPS_OR_KNOWN = (heading: string) => /^[A-Z\s:]+$/.test(heading) || /^(?:abstract|summary|background|introduction|context|objectives?|purpose|aims?|motivation)\b/i.test(heading);

/** Where the first sentence ends (the index after its final mark), or the text's length. */
export function firstSentenceEnd(text: string): number {
  const end = /[.!?]+(?=\s+["'“‘(\[]?[\p{Lu}\p{Lt}\d])/gu;
  for (let m = end.exec(text); m !== null; m = end.exec(text)) {
    if (m[0] === '.' && endsWithAbbreviation(text.slice(0, m.index))) continue;
    return m.index + m[0].length;
  }
  return text.length;
}

function endsWithAbbreviation(before: string): boolean {
  const tail = /(?:^|[\s(])([\p{L}.]+(?: al)?)$/u.exec(before);
  if (!tail) return false;
  const word = tail[1]!;
  // An initial ("J. Smith"), unless it is a unit after a number ("at 4.2 K. It is").
  if (/^\p{Lu}$/u.test(word)) return !/\d\s*$/.test(before.slice(0, before.length - word.length));
  return ABBREVIATIONS.has(word.toLowerCase()) || ABBREVIATIONS.has(word.toLowerCase().split(' ').at(-1)!);
}

/** The title a reader would give an abstract-only row: its first sentence, without the final stop, at most `max` characters. */
export function titleFromAbstract(abstract: string, max = DERIVED_TITLE_MAX): string {
  const heading = LEADING_HEADING.exec(abstract)?.[0];
  const text = heading !== undefined && CAPS_OR_KNOWN(heading) ? abstract.slice(heading.length) : abstract;
  let sentence = text.slice(0, firstSentenceEnd(text)).trim().replace(/\.$/, '');
  if (sentence.length <= max) return sentence;
  // Cut at the last space that leaves room for the ellipsis; a single huge word is cut where it must be.
  const room = sentence.slice(0, max);
  const space = room.lastIndexOf(' ');
  sentence = (space > max / 2 ? room.slice(0, space) : room.slice(0, max - 1)).replace(/[\s,;:.-]+$/, '');
  return `${sentence}…`;
}
