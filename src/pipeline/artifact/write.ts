import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { inspectOutDir, isOwnFile, MANIFEST, OWN_SUBDIRS } from './outDir.ts';
import {
  ARTIFACT_FORMAT,
  ARTIFACT_VERSION,
  dtypeOf,
  titleFromAbstractRanges,
  validateManifest,
  type ColumnRef,
  type DocRecord,
  type Manifest,
  type TypedColumn,
} from '../../schema/artifact.ts';

/** Everything the pipeline produced; the writer decides file names and layout. */
export interface ArtifactParts {
  manifest: Omit<Manifest, 'format' | 'version' | 'columns' | 'titles' | 'titlesFromAbstract' | 'ids' | 'search' | 'docs' | 'model'>;
  columns: Record<string, TypedColumn>;
  titles: string[];
  ids: string[];
  search: Uint8Array;
  docs: DocRecord[];
  chunkSize?: number;
  /** Named blobs for `--update` (stored under model/). */
  model?: Record<string, Uint8Array>;
}


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
  await mkdir(join(dir, 'docs'), { recursive: true });
  const columns: Record<string, ColumnRef> = {};
  for (const [name, column] of Object.entries(parts.columns)) {
    columns[name] = { file: await putFile(dir, name, 'bin', bytesOf(column)), dtype: dtypeOf(column), length: column.length };
  }
  const titles = await putFile(dir, 'titles', 'json', utf8.encode(JSON.stringify(parts.titles)));
  const ids = await putFile(dir, 'ids', 'json', utf8.encode(JSON.stringify(parts.ids)));
  const search = await putFile(dir, 'search', 'bin', parts.search);
  const chunkSize = parts.chunkSize ?? 1000;
  const docFiles: string[] = [];
  for (let start = 0; start < parts.docs.length; start += chunkSize) {
    const chunk = parts.docs.slice(start, start + chunkSize);
    const stem = `docs/${String(start / chunkSize).padStart(5, '0')}`;
    docFiles.push(await putFile(dir, stem, 'json', utf8.encode(JSON.stringify(chunk))));
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
    titles: { file: titles },
    ...(fromAbstract.length > 0 ? { titlesFromAbstract: fromAbstract } : {}),
    ids: { file: ids },
    search: { file: search },
    docs: { chunkSize, files: docFiles },
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
  const files = new Set<string>([MANIFEST, m.titles.file, m.ids.file, m.search.file, ...m.docs.files]);
  for (const ref of Object.values(m.columns)) files.add(ref.file);
  for (const file of Object.values(m.model ?? {})) files.add(file);
  return files;
}

/**
 * Removes the files of this writer's that `manifest` does not name: the files
 * of the previous manifest, temp files, and the data files of runs stopped
 * before their commit. Only names this writer produces (outDir.ts `isOwnFile`)
 * in the root, docs/ and model/ are candidates, so the user's files beside an
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
