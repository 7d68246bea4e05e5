/**
 * The decoded (browser-side) search index, or one shard of it. Decoding only splits the
 * vocabulary and rebuilds offsets; postings stay as bytes and are decoded per key on
 * first use, then cached as Uint32Array (bounded, least recently used first out).
 *
 * Key ids are global: a shard holds the keys [firstId, firstId + vocabularySize) of
 * the whole index, and its pair groups name second keys by global id.
 */
import { ByteReader, ByteWriter } from './bytes.ts';
import {
  HEADER_BYTES,
  SEARCH_INDEX_MAGIC,
  SEARCH_INDEX_VERSION,
  SHARD_HEADER_BYTES,
  SHARD_MAGIC,
  SHARD_VERSION,
  type SearchIndexHeader,
} from './format.ts';
import { decodePostings, postingsDf } from './postingsCodec.ts';

const CACHE_LIMIT = 512;
const EMPTY = new Uint32Array(0);

interface PairGroup {
  seconds: Uint32Array;
  /** Absolute byte offsets of each pair's postings in `bytes`; length = seconds.length + 1. */
  offsets: Uint32Array;
}

/** What query evaluation needs of an index: the whole one, or the loaded shards of one. */
export interface KeyIndex {
  readonly n: number;
  /** Global id of an exact key, or -1. */
  keyId(key: string): number;
  /** Global ids [from, to) of the keys starting with `prefix`. */
  prefixRange(prefix: string): [from: number, to: number];
  df(t: number): number;
  postings(t: number): Uint32Array;
  pairPostings(a: number, b: number): Uint32Array;
}

export class SearchIndex implements KeyIndex {
  readonly n: number;
  /** Keys in this file (all of them, or a shard's). */
  readonly vocabularySize: number;
  /** Global id of this file's first key (0 for a whole index). */
  readonly firstId: number;
  /** Keys of the whole index. */
  readonly totalKeys: number;
  readonly minPairDf: number;
  readonly pairCount: number;
  /** Sorted keys. */
  readonly vocabulary: readonly string[];

  private readonly bytes: Uint8Array;
  private readonly termOffsets: Uint32Array;
  private readonly pairGroupOffsets: Uint32Array;
  private readonly termCache = new Map<number, Uint32Array>();
  private readonly pairCache = new Map<number, Uint32Array>();
  private readonly groupCache = new Map<number, PairGroup>();

  private constructor(bytes: Uint8Array, h: SearchIndexHeader, vocabulary: string[], termOffsets: Uint32Array, pairGroupOffsets: Uint32Array, firstId: number, totalKeys: number) {
    this.bytes = bytes;
    this.n = h.n;
    this.vocabularySize = h.vocabularySize;
    this.firstId = firstId;
    this.totalKeys = totalKeys;
    this.minPairDf = h.minPairDf;
    this.pairCount = h.pairCount;
    this.vocabulary = vocabulary;
    this.termOffsets = termOffsets;
    this.pairGroupOffsets = pairGroupOffsets;
  }

  /** A whole index (format.ts) or one shard of it (magic SHARD_MAGIC). */
  static decode(bytes: Uint8Array): SearchIndex {
    if (!(bytes instanceof Uint8Array)) throw new Error('search index: expected a Uint8Array');
    if (bytes.length < HEADER_BYTES) throw new Error(`search index: too short (${bytes.length} bytes) to hold a header`);
    const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
    if (magic !== SEARCH_INDEX_MAGIC && magic !== SHARD_MAGIC) {
      throw new Error(`search index: bad magic ${JSON.stringify(magic)} (expected ${JSON.stringify(SEARCH_INDEX_MAGIC)}); not a search index file`);
    }
    const shard = magic === SHARD_MAGIC;
    if (shard && bytes.length < SHARD_HEADER_BYTES) throw new Error(`search index: too short (${bytes.length} bytes) to hold a shard header`);
    const r = new ByteReader(bytes, 4);
    const version = r.u32();
    const n = r.u32();
    const firstId = shard ? r.u32() : 0;
    const vocabularySize = r.u32();
    const totalKeys = shard ? r.u32() : vocabularySize;
    const h: SearchIndexHeader = {
      version, n, vocabularySize, minPairDf: r.u32(), pairCount: r.u32(),
      vocabBytes: r.u32(), termDirBytes: r.u32(), postingsBytes: r.u32(), pairDirBytes: r.u32(), pairsBytes: r.u32(),
    };
    const wanted = shard ? SHARD_VERSION : SEARCH_INDEX_VERSION;
    if (h.version !== wanted) {
      throw new Error(`search index: unsupported version ${h.version} (this build reads version ${wanted}); rebuild the artifact`);
    }
    if (firstId + vocabularySize > totalKeys) throw new Error(`search index: shard keys ${firstId}+${vocabularySize} exceed the index's ${totalKeys}`);
    const headerBytes = shard ? SHARD_HEADER_BYTES : HEADER_BYTES;
    const expected = headerBytes + h.vocabBytes + h.termDirBytes + h.postingsBytes + h.pairDirBytes + h.pairsBytes;
    if (bytes.length !== expected) {
      throw new Error(`search index: size mismatch (${bytes.length} bytes, header says ${expected}); file truncated or corrupt`);
    }
    const V = h.vocabularySize;
    let pos = headerBytes;
    const vocabText = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(pos, pos + h.vocabBytes));
    pos += h.vocabBytes;
    const vocabulary = V === 0 ? [] : vocabText.split('\n');
    if (vocabulary.length !== V) throw new Error(`search index: vocabulary has ${vocabulary.length} keys, header says ${V}`);

    const termDirStart = pos;
    pos += h.termDirBytes;
    const termOffsets = readOffsets(bytes, termDirStart, pos, V, pos, 'postings');
    pos += h.postingsBytes;
    const pairDirStart = pos;
    pos += h.pairDirBytes;
    const pairGroupOffsets = readOffsets(bytes, pairDirStart, pos, V, pos, 'pairs');
    if (termOffsets[V] !== termDirStart + h.termDirBytes + h.postingsBytes) {
      throw new Error('search index: postings directory does not add up to the postings section');
    }
    if (pairGroupOffsets[V] !== bytes.length) {
      throw new Error('search index: pair directory does not add up to the pairs section');
    }
    return new SearchIndex(bytes, h, vocabulary, termOffsets, pairGroupOffsets, firstId, totalKeys);
  }

  /** Global id of an exact key, or -1. */
  keyId(key: string): number {
    const lo = this.lowerBound(key);
    return lo < this.vocabularySize && this.vocabulary[lo] === key ? this.firstId + lo : -1;
  }

  /** Global ids [from, to) of this file's keys starting with `prefix`. */
  prefixRange(prefix: string): [from: number, to: number] {
    const from = this.lowerBound(prefix);
    let to = from;
    // Upper bound by binary search over the keys that start with the prefix.
    let hi = this.vocabularySize;
    while (to < hi) {
      const mid = (to + hi) >>> 1;
      if (this.vocabulary[mid].startsWith(prefix)) to = mid + 1;
      else hi = mid;
    }
    return [this.firstId + from, this.firstId + to];
  }

  /** Whether global key id t is in this file. */
  holds(t: number): boolean {
    return t >= this.firstId && t < this.firstId + this.vocabularySize;
  }

  private local(t: number): number {
    if (!this.holds(t)) throw new Error(`search index: key ${t} is not in this shard (keys ${this.firstId}..${this.firstId + this.vocabularySize - 1})`);
    return t - this.firstId;
  }

  /** Number of papers containing key id `t` (cheap: reads one varint). */
  df(t: number): number {
    const l = this.local(t);
    return postingsDf(this.bytes, this.termOffsets[l], this.termOffsets[l + 1]);
  }

  postings(t: number): Uint32Array {
    const l = this.local(t);
    return cached(this.termCache, l, () => decodePostings(this.bytes, this.termOffsets[l], this.termOffsets[l + 1], this.n));
  }

  /**
   * Papers where key b follows key a with only stopwords between; empty if the pair was
   * not indexed. The pair is stored with a; its list is relative to the postings of the
   * rarer key, which `keys` (this file, or every loaded shard) must hold.
   */
  pairPostings(a: number, b: number, keys: KeyIndex = this): Uint32Array {
    const group = this.pairGroup(this.local(a));
    if (group === null) return EMPTY;
    const s = group.seconds;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid] < b) lo = mid + 1;
      else hi = mid;
    }
    if (lo === s.length || s[lo] !== b) return EMPTY;
    return cached(this.pairCache, a * this.totalKeys + b, () => {
      // Stored as ranks within the postings of the rarer word (a on ties).
      const base = keys.postings(keys.df(b) < keys.df(a) ? b : a);
      const papers = decodePostings(this.bytes, group.offsets[lo], group.offsets[lo + 1], base.length);
      for (let i = 0; i < papers.length; i++) papers[i] = base[papers[i]];
      return papers;
    });
  }

  /** Bytes key id t (global) takes in a shard file: its vocabulary line, postings and pairs. */
  keyBytes(t: number): number {
    const l = this.local(t);
    const o = this.termOffsets;
    const g = this.pairGroupOffsets;
    return new TextEncoder().encode(this.vocabulary[l]!).length + 1 + (o[l + 1]! - o[l]!) + (g[l + 1]! - g[l]!) + 2;
  }

  /** A shard file (SHARD_MAGIC) holding the keys [from, to) (global ids) of this index. */
  shard(from: number, to: number): Uint8Array {
    const lf = this.local(from);
    const lt = to - this.firstId;
    if (lt < lf || lt > this.vocabularySize) throw new Error(`search index: no keys ${from}..${to} here`);
    const vocab = new TextEncoder().encode(this.vocabulary.slice(lf, lt).join('\n'));
    const termDir = new ByteWriter();
    const pairDir = new ByteWriter();
    let pairCount = 0;
    for (let l = lf; l < lt; l++) {
      termDir.varint(this.termOffsets[l + 1]! - this.termOffsets[l]!);
      const start = this.pairGroupOffsets[l]!;
      const end = this.pairGroupOffsets[l + 1]!;
      pairDir.varint(end - start);
      if (end > start) pairCount += new ByteReader(this.bytes, start, end).varint();
    }
    const sections = [
      vocab,
      termDir.finish(),
      this.bytes.subarray(this.termOffsets[lf]!, this.termOffsets[lt]!),
      pairDir.finish(),
      this.bytes.subarray(this.pairGroupOffsets[lf]!, this.pairGroupOffsets[lt]!),
    ];
    const out = new ByteWriter(SHARD_HEADER_BYTES + sections.reduce((s, x) => s + x.length, 0));
    out.bytes(new TextEncoder().encode(SHARD_MAGIC));
    for (const v of [SHARD_VERSION, this.n, from, to - from, this.totalKeys, this.minPairDf, pairCount]) out.u32(v);
    for (const x of sections) out.u32(x.length);
    for (const x of sections) out.bytes(x);
    return out.finish();
  }

  private pairGroup(a: number): PairGroup | null {
    const start = this.pairGroupOffsets[a];
    const end = this.pairGroupOffsets[a + 1];
    if (start === end) return null;
    return cached(this.groupCache, a, () => {
      const r = new ByteReader(this.bytes, start, end);
      const count = r.varint();
      const seconds = new Uint32Array(count);
      const offsets = new Uint32Array(count + 1);
      let prev = -1;
      for (let i = 0; i < count; i++) {
        prev = prev + 1 + r.varint();
        seconds[i] = prev;
        const len = r.varint();
        offsets[i] = r.pos;
        r.pos += len;
      }
      offsets[count] = r.pos;
      if (r.pos !== end) throw new Error('search index: corrupt pair group');
      return { seconds, offsets };
    });
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.vocabularySize;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.vocabulary[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Prefix sum of V varint lengths read from [dirStart, dirEnd), starting at absolute offset `base`. */
function readOffsets(bytes: Uint8Array, dirStart: number, dirEnd: number, V: number, base: number, what: string): Uint32Array {
  const r = new ByteReader(bytes, dirStart, dirEnd);
  const offsets = new Uint32Array(V + 1);
  let at = base;
  for (let i = 0; i < V; i++) {
    offsets[i] = at;
    at += r.varint();
  }
  offsets[V] = at;
  if (r.pos !== dirEnd) throw new Error(`search index: ${what} directory has trailing bytes`);
  return offsets;
}

function cached<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const value = make();
  cache.set(key, value);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as K);
  return value;
}
