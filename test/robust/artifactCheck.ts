/**
 * "Is this artifact intact?": the manifest validates, every file it names
 * exists, and each file's bytes hash to the 12 hex digits in its name
 * (`stem.<sha256[0:12]>.ext`). Returns the problems found, empty when intact,
 * so crash and concurrency checks can print what broke.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeAbstractShard, decodeColumn, decodeTitleShard, shardLength, validateManifest, type Manifest } from '../../src/schema/artifact.ts';

export interface ArtifactState {
  problems: string[];
  manifest: Manifest | null;
}

const HASHED_NAME = /\.([0-9a-f]{12})\.[a-z]+(\.gz)?$/;

export function namedFiles(m: Manifest): string[] {
  return [
    ...Object.values(m.columns).map((c) => c.file),
    ...m.titles.files,
    ...m.search.shards.map((s) => s.file),
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
  manifest.titles.files.forEach((file, s) => {
    try {
      if (existsSync(join(dir, file))) decodeTitleShard(shardBytes(dir, file), shardLength(manifest.titles, manifest.n, s), `titles shard ${s}`);
    } catch (e) {
      problems.push((e as Error).message);
    }
  });
  return { problems, manifest };
}

function shardBytes(dir: string, file: string): Uint8Array {
  return gunzipSync(readFileSync(join(dir, file)));
}

/** Every title and doc record of an intact artifact (for payload checks). */
export function readTexts(dir: string, m: Manifest): { titles: string[]; ids: string[]; docs: { id: string; title: string; abstract: string }[] } {
  const titles: string[] = [];
  const ids: string[] = [];
  m.titles.files.forEach((file, s) => {
    const t = decodeTitleShard(shardBytes(dir, file), shardLength(m.titles, m.n, s), `titles shard ${s}`);
    titles.push(...t.titles);
    ids.push(...t.ids);
  });
  const abstracts = m.docs.files.flatMap((file, s) => decodeAbstractShard(shardBytes(dir, file), shardLength(m.docs, m.n, s), `abstracts shard ${s}`));
  return { titles, ids, docs: abstracts.map((a, i) => ({ id: ids[i]!, title: titles[i]!, abstract: a.abstract })) };
}
