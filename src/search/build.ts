/**
 * Building the index at preprocessing time (runs in Node, but uses no Node APIs).
 *
 * Memory: all keys of all papers go once into one Uint32Array of key ids; adjacent
 * pairs are bucketed by their first key and sorted as (second * n + paper) numbers,
 * which avoids a Map with tens of millions of pair entries.
 */
import { ByteWriter } from './bytes.ts';
import { HEADER_U32_FIELDS, SEARCH_INDEX_MAGIC, SEARCH_INDEX_VERSION } from './format.ts';
import { encodePostings } from './postingsCodec.ts';
import { isStopword } from './stopwords.ts';
import { searchTokens } from './tokenize.ts';

export interface BuildSearchIndexOptions {
  /** Index an adjacent pair of keys (for phrase queries) only if it occurs in this many papers. Default 2. */
  minPairDf?: number;
}

export const DEFAULT_MIN_PAIR_DF = 2;

export function buildSearchIndex(texts: string[], options: BuildSearchIndexOptions = {}): Uint8Array {
  const minPairDf = options.minPairDf ?? DEFAULT_MIN_PAIR_DF;
  if (!Number.isInteger(minPairDf) || minPairDf < 1) {
    throw new Error(`buildSearchIndex: minPairDf must be an integer >= 1, got ${minPairDf}`);
  }
  const n = texts.length;

  // 1. Keys of every paper as ids in first-seen order.
  const idOf = new Map<string, number>();
  const keys: string[] = [];
  let tokenIds = new Uint32Array(1 << 20);
  let tokenCount = 0;
  const paperStart = new Uint32Array(n + 1);
  for (let p = 0; p < n; p++) {
    const text = texts[p];
    if (typeof text !== 'string') throw new Error(`buildSearchIndex: texts[${p}] is not a string`);
    for (const key of searchTokens(text)) {
      let id = idOf.get(key);
      if (id === undefined) {
        id = keys.length;
        idOf.set(key, id);
        keys.push(key);
      }
      if (tokenCount === tokenIds.length) {
        const grown = new Uint32Array(tokenIds.length * 2);
        grown.set(tokenIds);
        tokenIds = grown;
      }
      tokenIds[tokenCount++] = id;
    }
    paperStart[p + 1] = tokenCount;
  }

  // 2. Renumber ids in sorted key order (so prefix search is a binary search).
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const V = keys.length;
  const rank = new Uint32Array(V);
  for (let r = 0; r < V; r++) rank[order[r]] = r;
  for (let i = 0; i < tokenCount; i++) tokenIds[i] = rank[tokenIds[i]];
  const sortedKeys = order.map((i) => keys[i]);

  // 3. Term postings (CSR), one entry per (key, paper).
  const lastPaper = new Int32Array(V).fill(-1);
  const df = new Uint32Array(V + 1);
  for (let p = 0; p < n; p++) {
    for (let i = paperStart[p]; i < paperStart[p + 1]; i++) {
      const t = tokenIds[i];
      if (lastPaper[t] !== p) {
        lastPaper[t] = p;
        df[t]++;
      }
    }
  }
  const termStart = prefixSum(df, V);
  const termPapers = new Uint32Array(termStart[V]);
  const fill = termStart.slice(0, V);
  lastPaper.fill(-1);
  for (let p = 0; p < n; p++) {
    for (let i = paperStart[p]; i < paperStart[p + 1]; i++) {
      const t = tokenIds[i];
      if (lastPaper[t] !== p) {
        lastPaper[t] = p;
        termPapers[fill[t]++] = p;
      }
    }
  }

  // 4. Adjacent pairs of non-stopword keys (stopwords.ts), bucketed by first key;
  //    entries are second * n + paper (exact in a double).
  const stop = new Uint8Array(V);
  for (let t = 0; t < V; t++) stop[t] = isStopword(sortedKeys[t]) ? 1 : 0;
  const pairOcc = new Uint32Array(V + 1);
  forEachContentPair(tokenIds, paperStart, n, stop, (a) => pairOcc[a]++);
  const pairStart = prefixSum(pairOcc, V);
  const pairEntries = new Float64Array(pairStart[V]);
  const pairFill = pairStart.slice(0, V);
  forEachContentPair(tokenIds, paperStart, n, stop, (a, b, p) => {
    pairEntries[pairFill[a]++] = b * n + p;
  });
  tokenIds = new Uint32Array(0);

  // 5. Encode.
  const vocabBytes = new TextEncoder().encode(sortedKeys.join('\n'));
  const termDir = new ByteWriter();
  const postings = new ByteWriter(1 << 22);
  for (let t = 0; t < V; t++) {
    const before = postings.length;
    encodePostings(postings, termPapers, termStart[t], termStart[t + 1], n);
    termDir.varint(postings.length - before);
  }

  const pairDir = new ByteWriter();
  const pairs = new ByteWriter(1 << 22);
  const group = new ByteWriter();
  const groupBody = new ByteWriter();
  const list = new ByteWriter();
  const groupPapers = new Uint32Array(n);
  let pairCount = 0;
  for (let a = 0; a < V; a++) {
    const bucket = pairEntries.subarray(pairStart[a], pairStart[a + 1]).sort();
    group.length = 0;
    groupBody.length = 0;
    let count = 0;
    let prevSecond = -1;
    for (let i = 0; i < bucket.length; ) {
      const b = Math.floor(bucket[i] / n);
      let m = 0;
      let lastP = -1;
      for (; i < bucket.length && Math.floor(bucket[i] / n) === b; i++) {
        const p = bucket[i] - b * n;
        if (p !== lastP) groupPapers[m++] = lastP = p;
      }
      if (m < minPairDf) continue;
      // Papers as ranks within the postings of the rarer word: often all of them
      // (then the list is one varint), else small gaps or a small bitmap.
      const base = pairBase(a, b, termStart);
      const from = termStart[base];
      let lo = from;
      for (let k = 0; k < m; k++) {
        lo = lowerBound(termPapers, groupPapers[k], lo, termStart[base + 1]);
        groupPapers[k] = lo - from;
      }
      list.length = 0;
      encodePostings(list, groupPapers, 0, m, termStart[base + 1] - from);
      groupBody.varint(b - prevSecond - 1);
      groupBody.varint(list.length);
      groupBody.bytes(list.view());
      prevSecond = b;
      count++;
    }
    if (count === 0) {
      pairDir.varint(0);
      continue;
    }
    pairCount += count;
    group.varint(count);
    group.bytes(groupBody.view());
    pairDir.varint(group.length);
    pairs.bytes(group.view());
  }

  const sections = [vocabBytes, termDir.finish(), postings.finish(), pairDir.finish(), pairs.finish()];
  const out = new ByteWriter(4 + 4 * HEADER_U32_FIELDS + sections.reduce((s, x) => s + x.length, 0));
  out.bytes(new TextEncoder().encode(SEARCH_INDEX_MAGIC));
  for (const v of [SEARCH_INDEX_VERSION, n, V, minPairDf, pairCount]) out.u32(v);
  for (const s of sections) out.u32(s.length);
  for (const s of sections) out.bytes(s);
  return out.finish();
}

/** The word of a pair whose postings its list is stored relative to: the rarer one (a on ties). */
export function pairBase(a: number, b: number, termStart: ArrayLike<number>): number {
  return termStart[b + 1] - termStart[b] < termStart[a + 1] - termStart[a] ? b : a;
}

function lowerBound(sorted: Uint32Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function forEachContentPair(
  tokenIds: Uint32Array,
  paperStart: Uint32Array,
  n: number,
  stop: Uint8Array,
  visit: (a: number, b: number, paper: number) => void,
): void {
  for (let p = 0; p < n; p++) {
    let prev = -1;
    for (let i = paperStart[p]; i < paperStart[p + 1]; i++) {
      const t = tokenIds[i];
      if (stop[t] === 1) continue;
      if (prev >= 0) visit(prev, t, p);
      prev = t;
    }
  }
}

function prefixSum(counts: Uint32Array, length: number): Uint32Array {
  const starts = new Uint32Array(length + 1);
  for (let i = 0; i < length; i++) starts[i + 1] = starts[i] + counts[i];
  return starts;
}
