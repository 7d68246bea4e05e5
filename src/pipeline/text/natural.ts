/**
 * The pieces of `natural` this stage uses, loaded by file path.
 *
 * Why not `import natural from 'natural'`: the package index pulls in its storage
 * back-ends (mongoose, pg, redis), reads .env and prints to stdout. These files
 * only require each other, so loading them directly keeps the CLI quiet and fast.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface AggressiveTokenizerCtor {
  new (): { tokenize(text: string): string[] };
}
interface PorterStemmerModule {
  stem(word: string): string;
}
interface StopwordsModule {
  words: string[];
}

const AggressiveTokenizer = require('natural/lib/natural/tokenizers/aggressive_tokenizer.js') as AggressiveTokenizerCtor;
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as PorterStemmerModule;
const stopwords = require('natural/lib/natural/util/stopwords.js') as StopwordsModule;
const stopwordsRu = require('natural/lib/natural/util/stopwords_ru.js') as StopwordsModule;
const stopwordsUk = require('natural/lib/natural/util/stopwords_uk.js') as StopwordsModule;

const tokenizer = new AggressiveTokenizer();

/** natural's English AggressiveTokenizer: splits on anything but letters, digits, ' - and /. */
export function naturalTokenize(text: string): string[] {
  return tokenizer.tokenize(text);
}

/** natural's Porter stemmer (uncached; see stem.ts for the cached one). */
export function porterStem(word: string): string {
  return porter.stem(word);
}

/** natural's English stopword list (a copy: natural's own array is mutable and shared). */
export const NATURAL_STOPWORDS: readonly string[] = Object.freeze([...stopwords.words]);

/** natural's Russian and Ukrainian stopword lists: Cyrillic words are tokens too (tokenize.ts). */
// Cyrillic words only: the Russian list also holds a Latin 'c' and 'o' (typed for с, о).
export const NATURAL_CYRILLIC_STOPWORDS: readonly string[] = Object.freeze(
  [...stopwordsRu.words, ...stopwordsUk.words].filter((w) => /^\p{Script=Cyrillic}+$/u.test(w)).map((w) => w.normalize('NFC')),
);
