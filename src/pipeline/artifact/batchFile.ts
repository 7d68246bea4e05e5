/**
 * A placed batch as one file, the hand-off from a shard's worker to the merge:
 * "TABATCH1", a uint32 header length, a JSON header (shape and each array's byte
 * range, and a digest of the shard's paper ids so the merge can tell a batch
 * from another shard's), then the arrays, little-endian, each 8-byte aligned.
 */
import type { PlacedBatch } from './placeBatch.ts';
import { createHash } from 'node:crypto';
import { ArtifactError } from '../../schema/artifact.ts';

const MAGIC = 'TABATCH1';

type Arr = Float32Array | Int32Array;
interface Header {
  m: number;
  ids: string;
  levels: number;
  countsShape: { rows: number; cols: number };
  arrays: Array<{ name: string; type: 'f32' | 'i32'; offset: number; length: number }>;
}

function arraysOf(b: PlacedBatch): Array<[string, Arr]> {
  return [
    ['coords', b.coords],
    ...b.labels.map((l, i): [string, Arr] => [`labels${i}`, l]),
    ['neighbors', b.neighbors],
    ['countsIndptr', b.counts.indptr],
    ['countsIndices', b.counts.indices],
    ['countsData', b.counts.data],
    ['lsa', b.lsa],
  ];
}

const align8 = (n: number) => (n + 7) & ~7;

/** The digest a batch carries of the papers it was placed from, in order. */
export function idsDigest(ids: readonly string[]): string {
  const h = createHash('sha256');
  for (const id of ids) h.update(id).update('\n');
  return h.digest('hex').slice(0, 32);
}

export function encodeBatch(b: PlacedBatch, ids: readonly string[]): Uint8Array {
  if (ids.length !== b.m) throw new Error(`encodeBatch: ${ids.length} ids for ${b.m} papers`);
  const arrays = arraysOf(b);
  const entries: Header['arrays'] = [];
  let offset = 0;
  for (const [name, a] of arrays) {
    entries.push({ name, type: a instanceof Float32Array ? 'f32' : 'i32', offset, length: a.length });
    offset = align8(offset + a.byteLength);
  }
  const header: Header = { m: b.m, ids: idsDigest(ids), levels: b.labels.length, countsShape: { rows: b.counts.rows, cols: b.counts.cols }, arrays: entries };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = align8(MAGIC.length + 4 + json.length);
  const out = new Uint8Array(start + offset);
  out.set(new TextEncoder().encode(MAGIC));
  new DataView(out.buffer).setUint32(MAGIC.length, json.length, true);
  out.set(json, MAGIC.length + 4);
  arrays.forEach(([, a], i) => out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), start + entries[i]!.offset));
  return out;
}

/** The batch in `bytes`; `ids` are the papers it must have been placed from (ArtifactError otherwise). */
export function decodeBatch(bytes: Uint8Array, where: string, ids: readonly string[]): PlacedBatch {
  const fail = (why: string): never => {
    throw new ArtifactError(`${where}: not a placed batch (${why})`);
  };
  if (bytes.length < MAGIC.length + 4 || new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) fail('bad magic');
  const len = new DataView(bytes.buffer, bytes.byteOffset).getUint32(MAGIC.length, true);
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + len))) as Header;
  } catch {
    return fail('unreadable header');
  }
  if (header.m !== ids.length || header.ids !== idsDigest(ids)) fail(`placed from other papers: ${header.m} papers, not this shard's ${ids.length}`);
  const start = align8(MAGIC.length + 4 + len);
  const get = (name: string): Arr => {
    const e = header.arrays.find((a) => a.name === name) ?? fail(`no ${name}`);
    const from = start + e.offset;
    const byteLength = e.length * 4;
    if (from + byteLength > bytes.length) fail(`${name} truncated`);
    const copy = bytes.slice(from, from + byteLength).buffer;
    return e.type === 'f32' ? new Float32Array(copy) : new Int32Array(copy);
  };
  return {
    m: header.m,
    coords: get('coords') as Float32Array,
    labels: Array.from({ length: header.levels }, (_, i) => get(`labels${i}`) as Int32Array),
    neighbors: get('neighbors') as Int32Array,
    counts: {
      ...header.countsShape,
      indptr: get('countsIndptr') as Int32Array,
      indices: get('countsIndices') as Int32Array,
      data: get('countsData') as Float32Array,
    },
    lsa: get('lsa') as Float32Array,
  };
}
