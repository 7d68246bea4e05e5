import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ARTIFACT_FORMAT,
  ARTIFACT_VERSION,
  dtypeOf,
  validateManifest,
  type ColumnRef,
  type DocRecord,
  type Manifest,
  type TypedColumn,
} from '../../schema/artifact.ts';

/** Everything the pipeline produced; the writer decides file names and layout. */
export interface ArtifactParts {
  manifest: Omit<Manifest, 'format' | 'version' | 'columns' | 'titles' | 'ids' | 'search' | 'docs' | 'model'>;
  columns: Record<string, TypedColumn>;
  titles: string[];
  ids: string[];
  search: Uint8Array;
  docs: DocRecord[];
  chunkSize?: number;
  /** Named blobs for `--update` (stored under model/). */
  model?: Record<string, Uint8Array>;
}

const MANIFEST = 'manifest.json';

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

/**
 * Writes `bytes` under a content-addressed name. Each file goes to a temp name
 * first and is renamed into place, so no reader ever sees half a file.
 */
async function putFile(dir: string, stem: string, ext: string, bytes: Uint8Array): Promise<string> {
  const name = `${stem}.${shortHash(bytes)}.${ext}`;
  const path = join(dir, name);
  if (!(await exists(path))) {
    const tmp = `${path}.tmp-${process.pid}`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
  }
  return name;
}

const utf8 = new TextEncoder();

/**
 * Writes an artifact directory atomically: data files under new content-hashed
 * names first, manifest.json renamed into place last (one atomic rename), then
 * files the new manifest no longer references are removed. A run killed at any
 * point before the rename leaves the previous manifest and all its files intact.
 */
export async function writeArtifact(dir: string, parts: ArtifactParts, options: { beforeCommit?: () => Promise<void> } = {}): Promise<Manifest> {
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

  const manifest: Manifest = {
    format: ARTIFACT_FORMAT,
    version: ARTIFACT_VERSION,
    ...parts.manifest,
    columns,
    titles: { file: titles },
    ids: { file: ids },
    search: { file: search },
    docs: { chunkSize, files: docFiles },
    model,
  };
  validateManifest(JSON.parse(JSON.stringify(manifest)));
  await options.beforeCommit?.();
  const tmp = join(dir, `${MANIFEST}.tmp-${process.pid}`);
  await writeFile(tmp, JSON.stringify(manifest));
  await rename(tmp, join(dir, MANIFEST));
  await removeUnreferenced(dir, manifest);
  return manifest;
}

function referencedFiles(m: Manifest): Set<string> {
  const files = new Set<string>([MANIFEST, m.titles.file, m.ids.file, m.search.file, ...m.docs.files]);
  for (const ref of Object.values(m.columns)) files.add(ref.file);
  for (const file of Object.values(m.model ?? {})) files.add(file);
  return files;
}

async function removeUnreferenced(dir: string, manifest: Manifest): Promise<void> {
  const keep = referencedFiles(manifest);
  for (const sub of ['', 'docs', 'model']) {
    let names: string[];
    try {
      names = await readdir(join(dir, sub));
    } catch {
      continue;
    }
    for (const name of names) {
      const rel = sub ? `${sub}/${name}` : name;
      if (name === 'docs' || name === 'model') continue;
      // Also sweeps temp files a killed run left behind (one writer per artifact at a time).
      if (!keep.has(rel)) await rm(join(dir, rel), { force: true });
    }
  }
}
