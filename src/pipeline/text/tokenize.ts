import { naturalTokenize } from './natural.ts';
import { stripLatex } from './latex.ts';
import { buildStopwords } from './stopwords.ts';

/** Marks a place where two kept tokens are not adjacent (punctuation, a stopword, math). */
export const BREAK = '';

// Characters that end a phrase. Everything natural's tokenizer keeps inside a word
// (letters, digits, ' - /) and whitespace is absent; so is nothing else.
const PUNCTUATION = /[^a-z0-9'\-/\s]+/;
const EDGE = /^['\-]+|['\-]+$/g;
const POSSESSIVE = /'s$/;
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING = /[\u0300-\u036f]/g;

const defaultStopwords = buildStopwords();

/**
 * Lower-cased content tokens with BREAK ('') wherever adjacency is interrupted.
 * Runs of breaks are collapsed; no leading break. Used for phrase detection.
 */
export function tokenizeWithBreaks(text: string, stopwords: ReadonlySet<string> = defaultStopwords): string[] {
  let plain = stripLatex(text);
  if (NON_ASCII.test(plain)) plain = plain.normalize('NFKD').replace(COMBINING, '');
  const segments = plain.toLowerCase().split(PUNCTUATION);
  const out: string[] = [];
  let pendingBreak = false;
  for (const segment of segments) {
    pendingBreak = true;
    for (const raw of naturalTokenize(segment)) {
      const parts = raw.indexOf('/') >= 0 ? raw.split('/') : [raw];
      for (let p = 0; p < parts.length; p++) {
        if (p > 0) pendingBreak = true;
        const word = cleanToken(parts[p]);
        if (word === null || stopwords.has(word)) {
          pendingBreak = true;
          continue;
        }
        if (pendingBreak && out.length > 0 && out[out.length - 1] !== BREAK) out.push(BREAK);
        pendingBreak = false;
        out.push(word);
      }
    }
  }
  return out;
}

/** Lower-cased content tokens of a text, stopwords, numbers and one-letter tokens removed. */
export function tokenize(text: string, stopwords: ReadonlySet<string> = defaultStopwords): string[] {
  return tokenizeWithBreaks(text, stopwords).filter((t) => t !== BREAK);
}

function cleanToken(raw: string): string | null {
  let word = raw;
  if (word.indexOf("'") >= 0) word = word.replace(POSSESSIVE, '');
  const first = word.charCodeAt(0);
  const last = word.charCodeAt(word.length - 1);
  if (first === 39 || first === 45 || last === 39 || last === 45) word = word.replace(EDGE, ''); // ' or -
  if (word.length < 2) return null;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) return word; // has a letter: not a pure number
  }
  return null;
}
