/**
 * "Is this artifact intact?": the manifest validates, every file it names
 * exists, and each file's bytes hash to the 12 hex digits in its name
 * (`stem.<sha256[0:12]>.ext`). Returns the problems found, empty when intact,
 * so crash and concurrency checks can print what broke.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeColumn, validateManifest, type Manifest } from '../../src/schema/artifact.ts';

export interface ArtifactState {
  problems: string[];
  manifest: Manifest | null;
}

const HASHED_NAME = /\.([0-9a-f]{12})\.[a-z]+$/;

export function namedFiles(m: Manifest): string[] {
  return [
    ...Object.values(m.columns).map((c) => c.file),
    m.titles.file,
    m.ids.file,
    m.search.file,
    ...m.docs.files,
    ...Object.values(m.model ?? {}),
  ];
}

export function inspectArtifact(dir: string): ArtifactState {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return { problems: ['no manifest.json'], manifest: null };
  let manifest: Manifest;
  try {
    manifest = validateManifest(JSON.parse(readFileSync(path, 'utf8')));
  } catch (e) {
    return { problems: [`manifest.json invalid: ${(e as Error).message}`], manifest: null };
  }
  const problems: string[] = [];
  for (const file of namedFiles(manifest)) {
    const full = join(dir, file);
    if (!existsSync(full)) {
      problems.push(`${file}: named by the manifest but missing`);
      continue;
    }
    const bytes = readFileSync(full);
    const m = HASHED_NAME.exec(file);
    if (!m) problems.push(`${file}: name carries no content hash`);
    else if (createHash('sha256').update(bytes).digest('hex').slice(0, 12) !== m[1]) problems.push(`${file}: content does not match the hash in its name`);
  }
  for (const [name, ref] of Object.entries(manifest.columns)) {
    const full = join(dir, ref.file);
    if (!existsSync(full)) continue;
    const bytes = readFileSync(full);
    try {
      decodeColumn(name, ref, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    } catch (e) {
      problems.push(`column ${name}: ${(e as Error).message}`);
    }
  }
  const titles = safeJson(join(dir, manifest.titles.file));
  if (Array.isArray(titles) && titles.length !== manifest.n) problems.push(`titles: ${titles.length} entries, manifest n = ${manifest.n}`);
  return { problems, manifest };
}

function safeJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Every title and doc record of an intact artifact (for payload checks). */
export function readTexts(dir: string, m: Manifest): { titles: string[]; ids: string[]; docs: { id: string; title: string; abstract: string }[] } {
  const titles = JSON.parse(readFileSync(join(dir, m.titles.file), 'utf8')) as string[];
  const ids = JSON.parse(readFileSync(join(dir, m.ids.file), 'utf8')) as string[];
  const docs = m.docs.files.flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; title: string; abstract: string }[]);
  return { titles, ids, docs };
}
