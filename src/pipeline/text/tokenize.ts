import { GrowableInt32 } from './csr.ts';
import { naturalTokenize } from './natural.ts';
import { stripLatex } from './latex.ts';
import { buildStopwords } from './stopwords.ts';

/** Marks a place where two kept tokens are not adjacent (punctuation, a stopword, math). */
export const BREAK = '';

// Characters that end a phrase. Everything natural's tokenizer keeps inside a word
// (letters, digits, ' - /) and whitespace is absent; so is nothing else.
const PUNCTUATION = /[^a-z0-9'\-/\s]+/g;
// Stands in for a run of punctuation so that natural tokenises a document in one
// call: upper case cannot survive toLowerCase, so no real token equals it.
const MARK = 'Q';
const MARK_PADDED = ` ${MARK} `;
const EDGE = /^['\-]+|['\-]+$/g;
const POSSESSIVE = /'s$/;
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING = /[\u0300-\u036f]/g;

const defaultStopwords = buildStopwords();

// Scripts other than Latin, which natural's tokenizer would drop. CJK (Han, kana,
// Hangul; U+30FC is the katakana length mark) is written without spaces, so a run
// becomes overlapping character bigrams, as Lucene's CJKAnalyzer does; any other
// script's letter run (Cyrillic, Greek, Arabic, Hebrew, Devanagari...) is a word.
// Latin letters beyond ASCII that survive the diacritic fold (ß, ł, ø) still break
// words, as they always did.
const CJK_LETTER = String.raw`[[\p{L}&&[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]]\u30fc]`;
const OTHER_LETTER = String.raw`[\p{L}--[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]]`;
const SCRIPT_RUN = new RegExp(String.raw`(?:${CJK_LETTER}\p{M}*)+|(?:[${OTHER_LETTER}\u0640]\p{M}*)+`, 'gv');
const CJK_RUN_START = new RegExp(`^${CJK_LETTER}`, 'v');
/** One CJK character: kept alone where it has no CJK neighbour (a bigram needs two). */
const CJK_SINGLE = new RegExp(`^${CJK_LETTER}\\p{M}*$`, 'v');
// Tatweel (a stretching stroke, part of a run though its script is Common) and the
// short-vowel marks of Arabic, which most text omits.
const ARABIC_FOLD = /[\u0640\u064b-\u065f\u0670]/g;
// Where a script run stood: upper case, so no lower-cased text holds it, and kept by PUNCTUATION_BUT_RUN.
const RUN = 'R';
const RUN_PADDED = ` ${RUN} `;
const PUNCTUATION_BUT_RUN = /[^a-z0-9'\-/\sR]+/g;

const GREEK = /^\p{Script=Greek}/u;

/**
 * The tokens of one script run (NFKD, lower-cased): the word, or a CJK run's
 * bigrams (MARK between them: they overlap, so they never make a phrase).
 * Only Greek loses its accents, as Latin does; elsewhere a mark can make a
 * different letter (Cyrillic й is not и).
 */
function runTokens(run: string, out: string[]): void {
  if (!CJK_RUN_START.test(run)) {
    out.push((GREEK.test(run) ? run.replace(COMBINING, '') : run.replace(ARABIC_FOLD, '')).normalize('NFC'));
    return;
  }
  const text = run.normalize('NFC'); // recompose what NFKD split: Hangul syllables, voiced kana
  const chars = Array.from(text);
  if (chars.length === 1) {
    out.push(text);
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) {
    if (i > 0) out.push(MARK);
    out.push(chars[i]! + chars[i + 1]!);
  }
}

/** natural's tokens of a document, lower-cased, with MARK where punctuation (or math) was; other scripts' runs spliced in. */
function rawTokens(text: string): string[] {
  const plain = stripLatex(text);
  if (!NON_ASCII.test(plain)) return naturalTokenize(plain.toLowerCase().replace(PUNCTUATION, MARK_PADDED));
  const decomposed = plain.normalize('NFKD').toLowerCase();
  const runs: string[] = [];
  const rest = decomposed.replace(SCRIPT_RUN, (run) => {
    runs.push(run);
    return RUN_PADDED;
  });
  // What is not a script run is treated as it always was: diacritics off, then natural.
  const latin = rest.replace(COMBINING, '');
  if (runs.length === 0) return naturalTokenize(latin.replace(PUNCTUATION, MARK_PADDED));
  const tokens = naturalTokenize(latin.replace(PUNCTUATION_BUT_RUN, MARK_PADDED));
  const out: string[] = [];
  let next = 0;
  for (const token of tokens) {
    if (token === RUN) runTokens(runs[next++]!, out);
    else out.push(token);
  }
  return out;
}

/** Code of a dropped token (stopword, number, one letter) in WordTable's cache. */
const DROPPED = -1;
/** Code of a raw token holding '/', split into parts on every occurrence. */
const SLASHED = -2;

/**
 * Turns documents into word ids, numbering words in order of first occurrence.
 * Every distinct raw token is cleaned and checked against the stopwords once; after
 * that a token costs one Map lookup.
 *
 * A hyphenated compound ("x-ray", "spin-orbit") stays one word in the sequence,
 * so phrases and display forms see what the author wrote; its parts are words
 * too (`parts`), cleaned and stopword-filtered like any token, for the caller
 * to count beside the compound.
 */
export class WordTable {
  /** Distinct kept words, by id. */
  readonly words: string[] = [];
  /**
   * By word id: the distinct kept parts of a hyphenated compound, as word ids
   * ("spin-orbit" -> spin, orbit; "x-ray" -> ray; "non-abelian" -> non, abelian),
   * or null (no inner hyphen, or no part survives cleaning and stopwords).
   * Parts are added to `words` but never appear in a sequence unless written alone.
   */
  readonly parts: (Int32Array | null)[] = [];
  private readonly wordIds = new Map<string, number>();
  /** Raw token (as natural returns it) -> word id, DROPPED or SLASHED. */
  private readonly raw = new StringTable();
  private pendingBreak = false;
  private emitted = false;
  private lastWasBreak = false;

  constructor(private readonly stopwords: ReadonlySet<string> = defaultStopwords) {}

  /** Adds a word (already cleaned) without counting it; returns its id. */
  private add(word: string): number {
    let w = this.wordIds.get(word);
    if (w === undefined) {
      w = this.words.length;
      this.wordIds.set(word, w);
      this.words.push(word);
      this.parts.push(null);
      if (word.indexOf('-') > 0) this.parts[w] = this.partsOf(word);
    }
    return w;
  }

  private partsOf(compound: string): Int32Array | null {
    const ids: number[] = [];
    for (const piece of compound.split('-')) {
      const part = cleanToken(piece);
      if (part === null || this.stopwords.has(part)) continue;
      const id = this.add(part);
      if (!ids.includes(id)) ids.push(id);
    }
    return ids.length > 0 ? Int32Array.from(ids) : null;
  }

  /**
   * Appends the document's word ids to `out`, with -1 wherever adjacency breaks;
   * runs of breaks are collapsed, and there is none at the start or the end.
   */
  appendDocument(text: string, out: GrowableInt32): void {
    this.pendingBreak = false;
    this.emitted = false;
    this.lastWasBreak = false;
    const tokens = rawTokens(text);
    const raw = this.raw;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      let code = raw.get(token);
      if (code === StringTable.MISSING) {
        code = token === MARK ? DROPPED : token.indexOf('/') >= 0 ? SLASHED : this.resolve(token);
        raw.set(token, code);
      }
      if (code >= 0) this.emit(code, out);
      else if (code === DROPPED) this.pendingBreak = true;
      else {
        const parts = token.split('/');
        for (let p = 0; p < parts.length; p++) {
          if (p > 0) this.pendingBreak = true;
          let c = raw.get(parts[p]);
          if (c === StringTable.MISSING) {
            c = this.resolve(parts[p]);
            raw.set(parts[p], c);
          }
          if (c >= 0) this.emit(c, out);
          else this.pendingBreak = true;
        }
      }
    }
  }

  private emit(word: number, out: GrowableInt32): void {
    if (this.pendingBreak && this.emitted && !this.lastWasBreak) out.push(-1);
    out.push(word);
    this.pendingBreak = false;
    this.emitted = true;
    this.lastWasBreak = false;
  }

  /** Word id of a raw token without '/', or DROPPED. */
  private resolve(token: string): number {
    const word = cleanToken(token);
    if (word === null || this.stopwords.has(word)) return DROPPED;
    return this.add(word);
  }
}

/**
 * Lower-cased content tokens with BREAK ('') wherever adjacency is interrupted.
 * Runs of breaks are collapsed; no leading break. Used for phrase detection.
 */
export function tokenizeWithBreaks(text: string, stopwords: ReadonlySet<string> = defaultStopwords): string[] {
  const table = new WordTable(stopwords);
  const ids = new GrowableInt32(64);
  table.appendDocument(text, ids);
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) out.push(ids.array[i] < 0 ? BREAK : table.words[ids.array[i]]);
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
  if (word.length < 2) return first > 127 && CJK_SINGLE.test(word) ? word : null;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    // A letter: not a pure number. Past ASCII only script runs reach here, and they are letters.
    if ((c >= 97 && c <= 122) || c > 127) return word;
  }
  return null;
}

/**
 * String -> int32 map over typed arrays (open addressing, FNV-1a over UTF-16 code
 * units, keys kept in one Uint16Array pool). Looking up the fresh strings that a
 * tokenizer returns costs about half of what a Map<string, number> does, whose
 * per-lookup hashing and string comparison dominated tokenisation.
 */
export class StringTable {
  static readonly MISSING = -0x80000000;
  private slots = new Int32Array(1 << 8).fill(-1);
  private hashes = new Int32Array(1 << 7);
  private starts = new Int32Array(1 << 7);
  private lengths = new Int32Array(1 << 7);
  private values = new Int32Array(1 << 7);
  private pool = new Uint16Array(1 << 10);
  private poolLength = 0;
  size = 0;
  /** Slot of the last get(), for the set() that follows a miss. */
  private lastSlot = -1;
  private lastHash = 0;

  get(key: string): number {
    const length = key.length;
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    const { slots, hashes, starts, lengths, pool } = this;
    const mask = slots.length - 1;
    let i = h & mask;
    for (;;) {
      const id = slots[i];
      if (id < 0) break;
      if (hashes[id] === h && lengths[id] === length) {
        const s = starts[id];
        let j = 0;
        while (j < length && pool[s + j] === key.charCodeAt(j)) j++;
        if (j === length) return this.values[id];
      }
      i = (i + 1) & mask;
    }
    this.lastSlot = i;
    this.lastHash = h;
    return StringTable.MISSING;
  }

  /** Adds a key that is not in the table yet. */
  set(key: string, value: number): void {
    if (this.get(key) !== StringTable.MISSING) throw new Error('StringTable.set: key already present');
    const id = this.size++;
    if (id === this.values.length) this.growEntries();
    if (this.poolLength + key.length > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.poolLength + key.length));
      pool.set(this.pool);
      this.pool = pool;
    }
    this.slots[this.lastSlot] = id;
    this.hashes[id] = this.lastHash;
    this.starts[id] = this.poolLength;
    this.lengths[id] = key.length;
    this.values[id] = value;
    for (let j = 0; j < key.length; j++) this.pool[this.poolLength++] = key.charCodeAt(j);
    if (this.size * 2 > this.slots.length) this.rehash();
  }

  private growEntries(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.hashes = grow(this.hashes);
    this.starts = grow(this.starts);
    this.lengths = grow(this.lengths);
    this.values = grow(this.values);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let i = this.hashes[id] & mask;
      while (slots[i] >= 0) i = (i + 1) & mask;
      slots[i] = id;
    }
    this.slots = slots;
  }
}
