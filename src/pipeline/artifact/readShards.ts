/** Reads an artifact's paper shards back in Node (for `--update`, the export and the tests). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  decodeAbstractShard,
  decodeTitleShard,
  isGzip,
  shardLength,
  titleFromAbstractMask,
  type AbstractRecord,
  type DocRecord,
  type Manifest,
  type ShardSet,
} from '../../schema/artifact.ts';
import { UserError } from '../ingest/types.ts';

async function readShard(dir: string, file: string): Promise<Uint8Array> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, file));
  } catch {
    throw new UserError(`${join(dir, file)}, named by the manifest, is missing; rerun npm run preprocess`);
  }
  return isGzip(bytes) ? gunzipSync(bytes) : bytes;
}

async function readAll<T>(dir: string, m: Manifest, set: ShardSet, what: string, decode: (bytes: Uint8Array, length: number, name: string) => T[]): Promise<T[]> {
  const out: T[] = [];
  for (const [s, file] of set.files.entries()) out.push(...decode(await readShard(dir, file), shardLength(set, m.n, s), `${what} shard ${s} (${file})`));
  return out;
}

export async function readTitlesAndIds(dir: string, m: Manifest): Promise<{ ids: string[]; titles: string[] }> {
  const ids: string[] = [];
  const titles: string[] = [];
  for (const [s, file] of m.titles.files.entries()) {
    const shard = decodeTitleShard(await readShard(dir, file), shardLength(m.titles, m.n, s), `titles shard ${s} (${file})`);
    ids.push(...shard.ids);
    titles.push(...shard.titles);
  }
  return { ids, titles };
}

export function readAbstracts(dir: string, m: Manifest): Promise<AbstractRecord[]> {
  return readAll(dir, m, m.docs, 'abstracts', decodeAbstractShard);
}

/** Every paper as the pipeline wrote it, and the nearest-papers table (n × neighborsK). */
export async function readDocs(dir: string, m: Manifest): Promise<{ docs: DocRecord[]; neighbors: Int32Array }> {
  const { ids, titles } = await readTitlesAndIds(dir, m);
  const abstracts = await readAbstracts(dir, m);
  const derived = titleFromAbstractMask(m.n, m.titlesFromAbstract);
  const k = m.neighborsK;
  const neighbors = new Int32Array(m.n * k);
  const docs = abstracts.map((a, i): DocRecord => {
    neighbors.set(a.neighbors.slice(0, k), i * k);
    return {
      id: ids[i]!,
      title: titles[i]!,
      abstract: a.abstract,
      ...(derived[i] ? { titleFromAbstract: true as const } : {}),
      date: a.date,
      ...(a.categories ? { categories: a.categories } : {}),
    };
  });
  return { docs, neighbors };
}
