/**
 * What a reader would object to in a label or a top-terms list: a term that
 * repeats another (an inflection, a word or sub-phrase of a listed phrase, two
 * halves of one longer phrase) or a phrase split into listed words ("dark ·
 * matter", in either order). Used by tests and scripts to audit real output.
 */
import { relateTerms, squashedKey, termKeys } from './termForms.ts';

export interface TermDefect {
  kind: 'repeat' | 'split';
  terms: [string, string];
  /** For `split`: the known phrase the two terms are the words of. */
  phrase?: string;
}

/** `phrases`: display forms of known phrases (e.g. the vocabulary's), for split detection. */
export function termDefects(terms: readonly string[], phrases: Iterable<string> = []): TermDefect[] {
  const keys = terms.map(termKeys);
  const known = new Map<string, string>();
  for (const p of phrases) known.set(termKeys(p).join(' '), p);
  const defects: TermDefect[] = [];
  for (let i = 0; i < terms.length; i++) {
    for (let j = i + 1; j < terms.length; j++) {
      if (relateTerms(keys[i]!, keys[j]!) !== null || squashedKey(terms[i]!) === squashedKey(terms[j]!)) {
        defects.push({ kind: 'repeat', terms: [terms[i]!, terms[j]!] });
        continue;
      }
      const phrase = known.get([...keys[i]!, ...keys[j]!].join(' ')) ?? known.get([...keys[j]!, ...keys[i]!].join(' '));
      if (phrase !== undefined) defects.push({ kind: 'split', terms: [terms[i]!, terms[j]!], phrase });
    }
  }
  return defects;
}

/** A label's terms (labels join them with " · "). */
export function labelParts(label: string): string[] {
  return label.split(' · ').filter((p) => p !== '');
}
