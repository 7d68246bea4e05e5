import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { inspectOutDir, isOwnFile, MANIFEST, OWN_SUBDIRS } from './outDir.ts';
import { splitSearchIndex } from '../../search/shards.ts';
import {
  ARTIFACT_FORMAT,
  ARTIFACT_VERSION,
  dtypeOf,
  titleFromAbstractRanges,
  validateManifest,
  type AbstractRecord,
  type ColumnRef,
  type DocRecord,
  type Manifest,
  type ShardSet,
  type TitleShard,
  type TypedColumn,
} from '../../schema/artifact.ts';

/** Everything the pipeline produced; the writer decides file names and layout. */
export interface ArtifactParts {
  manifest: Omit<Manifest, 'format' | 'version' | 'columns' | 'titles' | 'titlesFromAbstract' | 'search' | 'docs' | 'model'>;
  /** The point columns (what the first paint fetches). */
  columns: Record<string, TypedColumn>;
  titles: string[];
  ids: string[];
  /** The whole keyword index (buildSearchIndex's bytes): written in shards by key range. */
  search: Uint8Array;
  docs: DocRecord[];
  /** n × manifest.neighborsK nearest papers, best first (-1 pads); stored with the abstracts. */
  neighbors: Int32Array;
  /** About how many bytes (before gzip) a shard holds; default SHARD_BYTES. */
  shardBytes?: number;
  /** Named blobs for `--update` (stored under model/). */
  model?: Record<string, Uint8Array>;
}

/**
 * A shard's size before gzip: big enough that a view needs few requests, small
 * enough that a hover or a query fetches a few hundred KB, not the corpus.
 */
export const SHARD_BYTES = 1 << 20;


function shortHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 12);
}

function bytesOf(column: TypedColumn): Uint8Array {
  return new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Writes and fsyncs `bytes` to a temp name, then renames it to `path`: no reader sees half a file. */
async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

/** fsync a folder, so the renames into it survive a power cut (a no-op where folders cannot be synced). */
async function syncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch {
    /* some file systems refuse fsync on a directory; the rename is still atomic */
  } finally {
    await fh?.close();
  }
}

/** Writes `bytes` under a content-addressed name (kept as is when a file of that name is there already). */
async function putFile(dir: string, stem: string, ext: string, bytes: Uint8Array): Promise<string> {
  const name = `${stem}.${shortHash(bytes)}.${ext}`;
  const path = join(dir, name);
  if (!(await exists(path))) await writeDurably(path, bytes);
  return name;
}

const utf8 = new TextEncoder();

/** Papers per shard so that a shard of items averaging `totalBytes / n` is about `target` bytes. */
export function papersPerShard(totalBytes: number, n: number, target: number): number {
  return n === 0 || totalBytes === 0 ? Math.max(1, n) : Math.max(1, Math.floor((target * n) / totalBytes));
}

function gzip(bytes: Uint8Array): Uint8Array {
  return gzipSync(bytes, { level: 9 });
}

/** Writes per-paper JSON in gzipped shards of papers [s·chunkSize, (s+1)·chunkSize). */
async function putShards<T>(dir: string, sub: string, n: number, target: number, sizeOf: (i: number) => number, shard: (start: number, end: number) => T): Promise<ShardSet> {
  let total = 0;
  for (let i = 0; i < n; i++) total += sizeOf(i);
  const chunkSize = papersPerShard(total, n, target);
  const files: string[] = [];
  for (let start = 0; start < n; start += chunkSize) {
    const stem = `${sub}/${String(start / chunkSize).padStart(5, '0')}`;
    files.push(await putFile(dir, stem, 'json.gz', gzip(utf8.encode(JSON.stringify(shard(start, Math.min(n, start + chunkSize)))))));
  }
  return { chunkSize, files };
}

function abstractRecord(doc: DocRecord, neighbors: Int32Array, k: number, i: number): AbstractRecord {
  return {
    abstract: doc.abstract,
    date: doc.date,
    ...(doc.categories ? { categories: doc.categories } : {}),
    neighbors: Array.from(neighbors.subarray(i * k, (i + 1) * k)),
  };
}

/**
 * Writes an artifact directory atomically: data files under new content-hashed
 * names first (each fsynced), the folders fsynced, manifest.json renamed into
 * place last (one atomic rename), then this writer's files that the new
 * manifest does not name are removed. A run killed at any point before the
 * rename leaves the previous artifact intact.
 *
 * The folder must be missing, empty, or hold a topic-atlas artifact (or the
 * leftovers of a stopped first run); anything else is refused before a byte
 * is written. The caller holds the folder's lock (./lock.ts).
 */
export async function writeArtifact(dir: string, parts: ArtifactParts, options: { beforeCommit?: () => Promise<void> } = {}): Promise<Manifest> {
  await inspectOutDir(dir, '--out');
  for (const sub of ['titles', 'docs', 'search']) await mkdir(join(dir, sub), { recursive: true });
  const columns: Record<string, ColumnRef> = {};
  for (const [name, column] of Object.entries(parts.columns)) {
    columns[name] = { file: await putFile(dir, name, 'bin', bytesOf(column)), dtype: dtypeOf(column), length: column.length };
  }
  const n = parts.manifest.n;
  const k = parts.manifest.neighborsK;
  if (parts.titles.length !== n || parts.ids.length !== n || parts.docs.length !== n || parts.neighbors.length !== n * k) {
    throw new Error(`writeArtifact: ${n} papers, but ${parts.titles.length} titles, ${parts.ids.length} ids, ${parts.docs.length} docs and ${parts.neighbors.length / Math.max(1, k)} neighbour rows`);
  }
  const target = parts.shardBytes ?? SHARD_BYTES;
  // Sizes in UTF-16 units plus JSON's quotes and commas: close enough to pick a shard length.
  const titles = await putShards(dir, 'titles', n, target, (i) => parts.titles[i]!.length + parts.ids[i]!.length + 6, (s, e): TitleShard => ({
    ids: parts.ids.slice(s, e),
    titles: parts.titles.slice(s, e),
  }));
  const docs = await putShards(dir, 'docs', n, target, (i) => parts.docs[i]!.abstract.length + 40 + 8 * k, (s, e) =>
    parts.docs.slice(s, e).map((doc, j) => abstractRecord(doc, parts.neighbors, k, s + j)),
  );
  const split = splitSearchIndex(parts.search, target);
  const searchShards: Manifest['search']['shards'] = [];
  for (const [s, bytes] of split.shards.entries()) {
    searchShards.push({ ...split.directory.shards[s]!, file: await putFile(dir, `search/${String(s).padStart(5, '0')}`, 'bin.gz', gzip(bytes)) });
  }
  let model: Record<string, string> | null = null;
  if (parts.model) {
    await mkdir(join(dir, 'model'), { recursive: true });
    model = {};
    for (const [name, bytes] of Object.entries(parts.model)) model[name] = await putFile(dir, `model/${name}`, 'bin', bytes);
  }

  const fromAbstract = titleFromAbstractRanges(parts.docs);
  const manifest: Manifest = {
    format: ARTIFACT_FORMAT,
    version: ARTIFACT_VERSION,
    ...parts.manifest,
    columns,
    titles,
    ...(fromAbstract.length > 0 ? { titlesFromAbstract: fromAbstract } : {}),
    search: { n: split.directory.n, keys: split.directory.keys, minPairDf: split.directory.minPairDf, shards: searchShards },
    docs,
    model,
  };
  validateManifest(JSON.parse(JSON.stringify(manifest)));
  for (const sub of ['', ...OWN_SUBDIRS]) await syncDir(join(dir, sub));
  await options.beforeCommit?.();
  await writeDurably(join(dir, MANIFEST), utf8.encode(JSON.stringify(manifest)));
  await syncDir(dir);
  await removeUnreferenced(dir, manifest);
  return manifest;
}

function referencedFiles(m: Manifest): Set<string> {
  const files = new Set<string>([MANIFEST, ...m.titles.files, ...m.search.shards.map((s) => s.file), ...m.docs.files]);
  for (const ref of Object.values(m.columns)) files.add(ref.file);
  for (const file of Object.values(m.model ?? {})) files.add(file);
  return files;
}

/**
 * Removes the files of this writer's that `manifest` does not name: the files
 * of the previous manifest, temp files, and the data files of runs stopped
 * before their commit. Only names this writer produces (outDir.ts `isOwnFile`)
 * in the root and OWN_SUBDIRS are candidates, so the user's files beside an
 * artifact, and any file a damaged or crafted old manifest names, stay.
 */
async function removeUnreferenced(dir: string, manifest: Manifest): Promise<void> {
  const keep = referencedFiles(manifest);
  for (const sub of ['', ...OWN_SUBDIRS]) {
    let names: string[];
    try {
      names = await readdir(join(dir, sub));
    } catch {
      continue;
    }
    for (const name of names) {
      const rel = sub ? `${sub}/${name}` : name;
      if (name === MANIFEST || !isOwnFile(name) || keep.has(rel) || name.startsWith('.')) continue;
      const path = join(dir, rel);
      if ((await stat(path).catch(() => null))?.isFile()) await rm(path, { force: true });
    }
  }
}
