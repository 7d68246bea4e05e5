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
 *
 * CJK (Han, kana, Hangul) is written without spaces, so a run of it is keyed as
 * overlapping character bigrams ("深度学习" → 深度, 度学, 学习; a lone character is
 * its own key), as the pipeline's tokenizer and Lucene's CJKAnalyzer do. Such keys
 * are NFKC (half-width kana and Hangul as one syllable each); the span of a bigram
 * covers its two characters, so neighbouring spans overlap.
 */
import { normalizeWord } from './normalize.ts';

/** One word of a text: its key and its [start, end) UTF-16 range in the text. */
export interface TokenSpan {
  key: string;
  start: number;
  end: number;
  /** A CJK bigram or lone CJK character. */
  cjk?: true;
}

// Alternative 1 is a LaTeX control word (skipped); alternative 2 is a word.
const WORD_OR_COMMAND = /\\[A-Za-z]+|[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*/gu;
// The 'u' flag, not 'v': this runs in the dashboard, built for ES2022 browsers.
const CJK_LETTER = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]`;
const HAS_CJK = new RegExp(CJK_LETTER, 'u');
/** One CJK character with its marks (and the half-width voicing marks, letters of their own in Unicode). */
const CJK_CHARACTER = new RegExp(String.raw`${CJK_LETTER}[\p{M}\uff9e\uff9f]*`, 'gu');

type Emit = (key: string, start: number, end: number, cjk: boolean) => void;

/** The keys of one word match at `offset`: the word's key, or its CJK bigrams beside the keys of its other parts. */
function wordKeys(word: string, offset: number, emit: Emit): void {
  if (!HAS_CJK.test(word)) {
    const key = normalizeWord(word);
    if (key.length > 0) emit(key, offset, offset + word.length, false);
    return;
  }
  let from = 0;
  let run: RegExpExecArray[] = [];
  const flushRun = () => {
    if (run.length === 1) emit(run[0]![0].normalize('NFKC'), offset + run[0]!.index, offset + run[0]!.index + run[0]![0].length, true);
    for (let i = 0; i + 1 < run.length; i++) {
      const a = run[i]!;
      const b = run[i + 1]!;
      emit((a[0] + b[0]).normalize('NFKC'), offset + a.index, offset + b.index + b[0].length, true);
    }
    run = [];
  };
  for (const m of word.matchAll(CJK_CHARACTER)) {
    if (m.index > from) {
      flushRun();
      const key = normalizeWord(word.slice(from, m.index));
      if (key.length > 0) emit(key, offset + from, offset + m.index, false);
    }
    run.push(m);
    from = m.index + m[0].length;
  }
  flushRun();
  if (from < word.length) {
    const key = normalizeWord(word.slice(from));
    if (key.length > 0) emit(key, offset + from, offset + word.length, false);
  }
}

export function tokenSpans(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  const cjkText = HAS_CJK.test(text);
  for (const m of text.matchAll(WORD_OR_COMMAND)) {
    const word = m[0];
    if (word.charCodeAt(0) === 92 /* \ */) continue;
    if (cjkText) {
      wordKeys(word, m.index, (key, start, end, cjk) => spans.push(cjk ? { key, start, end, cjk } : { key, start, end }));
      continue;
    }
    const key = normalizeWord(word);
    if (key.length > 0) spans.push({ key, start: m.index, end: m.index + word.length });
  }
  return spans;
}

/** The keys of a text, in order (duplicates kept). */
export function searchTokens(text: string): string[] {
  const keys: string[] = [];
  const cjkText = HAS_CJK.test(text);
  const emit: Emit = (key) => keys.push(key);
  for (const m of text.matchAll(WORD_OR_COMMAND)) {
    const word = m[0];
    if (word.charCodeAt(0) === 92) continue;
    if (cjkText) {
      wordKeys(word, m.index, emit);
      continue;
    }
    const key = normalizeWord(word);
    if (key.length > 0) keys.push(key);
  }
  return keys;
}
