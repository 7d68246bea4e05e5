/**
 * One postings list (sorted ids below a universe size n) as bytes: whichever is smallest of
 *   - all:    varint(df * 4 + 2) when df = n (every id; nothing else stored);
 *   - bitmap: varint(df * 4 + 1), then ceil(n / 8) bytes, bit i set when id i is in;
 *   - gaps:   varint(df * 4), first id, then (gap - 1) for each next id.
 * Bitmaps win for words in more than about one paper in eight ("the", "model"), which
 * are exactly the lists that dominate the index size; "all" is the common case of a
 * phrase pair stored relative to the papers holding both its words.
 */
import { ByteReader, ByteWriter, varintLength } from './bytes.ts';

const MODE_GAPS = 0;
const MODE_BITMAP = 1;
const MODE_ALL = 2;

export function encodePostings(out: ByteWriter, ids: ArrayLike<number>, start: number, end: number, n: number): void {
  const df = end - start;
  if (df === n && n > 0) {
    out.varint(df * 4 + MODE_ALL);
    return;
  }
  let gapBytes = 0;
  let prev = -1;
  for (let i = start; i < end; i++) {
    gapBytes += varintLength(ids[i] - prev - 1);
    prev = ids[i];
  }
  const bitmapBytes = (n + 7) >>> 3;
  if (bitmapBytes < gapBytes) {
    out.varint(df * 4 + MODE_BITMAP);
    const bitmap = new Uint8Array(bitmapBytes);
    for (let i = start; i < end; i++) bitmap[ids[i] >>> 3] |= 1 << (ids[i] & 7);
    out.bytes(bitmap);
  } else {
    out.varint(df * 4 + MODE_GAPS);
    prev = -1;
    for (let i = start; i < end; i++) {
      out.varint(ids[i] - prev - 1);
      prev = ids[i];
    }
  }
}

/** The document frequency, read from the first varint without decoding the list. */
export function postingsDf(bytes: Uint8Array, offset: number, end: number): number {
  return Math.floor(new ByteReader(bytes, offset, end).varint() / 4);
}

export function decodePostings(bytes: Uint8Array, offset: number, end: number, n: number): Uint32Array {
  const r = new ByteReader(bytes, offset, end);
  const head = r.varint();
  const df = Math.floor(head / 4);
  const mode = head & 3;
  const ids = new Uint32Array(df);
  if (mode === MODE_ALL) {
    if (df !== n) throw new Error('search index: corrupt postings (full list of the wrong size)');
    for (let i = 0; i < df; i++) ids[i] = i;
  } else if (mode === MODE_BITMAP) {
    if (r.pos + ((n + 7) >>> 3) > end) throw new Error('search index: truncated postings bitmap');
    let k = 0;
    for (let byte = 0; byte < (n + 7) >>> 3 && k < df; byte++) {
      let bits = bytes[r.pos + byte];
      while (bits !== 0) {
        const low = bits & -bits;
        ids[k++] = byte * 8 + 31 - Math.clz32(low);
        bits ^= low;
      }
    }
    if (k !== df) throw new Error('search index: corrupt postings bitmap');
  } else if (mode === MODE_GAPS) {
    let prev = -1;
    for (let i = 0; i < df; i++) {
      prev = prev + 1 + r.varint();
      ids[i] = prev;
    }
    if (df > 0 && prev >= n) throw new Error('search index: corrupt postings (id out of range)');
  } else {
    throw new Error(`search index: corrupt postings (unknown mode ${mode})`);
  }
  return ids;
}
