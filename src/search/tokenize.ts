/**
 * Splitting title/abstract text into search keys.
 *
 * A word is a run of letters, marks and digits, with inner apostrophes kept
 * ("model's", "don't"). Everything else separates words: spaces, punctuation,
 * hyphens ("fine-tuning" → fine, tuning), slashes, LaTeX math delimiters and braces.
 * LaTeX control words are dropped ("$\mathcal{O}(n)$" → o, n) so that "\alpha" in math
 * does not turn into the word "alpha" nor glue onto its neighbour.
 *
 * Because hyphens separate, a query word with a hyphen is treated as a phrase
 * (see query.ts): "fine-tuning" and "fine tuning" find each other, "finetuning" is its own word.
 */
import { normalizeWord } from './normalize.ts';

/** One word of a text: its key and its [start, end) UTF-16 range in the text. */
export interface TokenSpan {
  key: string;
  start: number;
  end: number;
}

// Alternative 1 is a LaTeX control word (skipped); alternative 2 is a word.
const WORD_OR_COMMAND = /\\[A-Za-z]+|[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*/gu;

export function tokenSpans(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (const m of text.matchAll(WORD_OR_COMMAND)) {
    const word = m[0];
    if (word.charCodeAt(0) === 92 /* \ */) continue;
    const key = normalizeWord(word);
    if (key.length > 0) spans.push({ key, start: m.index, end: m.index + word.length });
  }
  return spans;
}

/** The keys of a text, in order (duplicates kept). */
export function searchTokens(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(WORD_OR_COMMAND)) {
    const word = m[0];
    if (word.charCodeAt(0) === 92) continue;
    const key = normalizeWord(word);
    if (key.length > 0) keys.push(key);
  }
  return keys;
}
