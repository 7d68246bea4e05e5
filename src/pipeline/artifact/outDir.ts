/**
 * Which folders the writer may write into, and which of their files it may
 * delete. An artifact folder is one the user handed to `--out`: it may also hold
 * the corpus, notes or a whole repository, so the writer claims a folder only
 * when it is empty or already holds a topic-atlas artifact, and it only ever
 * deletes files named like its own (see `isOwnFile`).
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACT_FORMAT } from '../../schema/artifact.ts';
import { UserError } from '../ingest/types.ts';
import { describeFsError } from '../ingest/fsError.ts';
import { LOCK_FILE } from './lock.ts';

export const MANIFEST = 'manifest.json';

/** Sub-folders the writer creates; anything else in an artifact folder is the user's. */
export const OWN_SUBDIRS = ['titles', 'docs', 'search', 'model'] as const;

// `stem.<12 hex of sha256>.ext`, as putFile names data files; `.tmp-<pid>` while one is being written.
const DATA_FILE = /^[A-Za-z0-9_-]+\.[0-9a-f]{12}\.(bin|json)(\.gz)?$/;
const TEMP_FILE = /^[A-Za-z0-9_.-]+\.tmp-\d+$/;

/** A file name (inside the artifact root or one of OWN_SUBDIRS) that only this writer produces. */
export function isOwnFile(name: string): boolean {
  return name === MANIFEST || name === LOCK_FILE || DATA_FILE.test(name) || TEMP_FILE.test(name);
}

export function isTempFile(name: string): boolean {
  return TEMP_FILE.test(name);
}

export type OutDirState =
  | { kind: 'missing' }
  | { kind: 'empty' }
  /** Holds manifest.json of format topic-atlas (possibly with files of the user's beside it). */
  | { kind: 'artifact' }
  /** Holds only files of this writer's, but no manifest: a first run that was stopped before its commit. */
  | { kind: 'leftovers' };

async function entriesOf(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    throw new UserError(`${dir}: cannot list the folder (${describeFsError(err)})`);
  }
}

async function holdsOwnManifest(dir: string): Promise<boolean> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8'));
    return typeof parsed === 'object' && parsed !== null && (parsed as { format?: unknown }).format === ARTIFACT_FORMAT;
  } catch {
    return false;
  }
}

/** True when `dir/sub` is absent, or a folder holding only this writer's files. */
async function subdirIsOwn(dir: string, sub: string): Promise<boolean> {
  const path = join(dir, sub);
  const st = await stat(path);
  if (!st.isDirectory()) return false;
  return (await entriesOf(path)).every(isOwnFile);
}

/**
 * What `dir` holds, or a UserError (naming `option`, e.g. "--out") when it is
 * not a folder the writer may claim: a file, or a non-empty folder that holds
 * no topic-atlas artifact. Reads only; runs before any work.
 */
export async function inspectOutDir(dir: string, option: string): Promise<OutDirState> {
  let st;
  try {
    st = await stat(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException)?.code === 'ENOENT') return { kind: 'missing' };
    throw new UserError(`${option} ${dir}: cannot use this folder (${describeFsError(err)})`);
  }
  if (!st.isDirectory()) throw new UserError(`${option} ${dir}: is a file, expected a folder for the artifact`);
  const names = await entriesOf(dir);
  if (names.length === 0) return { kind: 'empty' };
  if (names.includes(MANIFEST) && (await holdsOwnManifest(dir))) return { kind: 'artifact' };
  const foreign: string[] = names.includes(MANIFEST) ? [`${MANIFEST} (not a topic-atlas manifest)`] : [];
  for (const name of names) {
    if (name === MANIFEST) continue;
    if ((OWN_SUBDIRS as readonly string[]).includes(name) ? !(await subdirIsOwn(dir, name)) : !isOwnFile(name)) foreign.push(name);
  }
  if (foreign.length === 0) return { kind: 'leftovers' };
  const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? `, … (${foreign.length} in all)` : '');
  throw new UserError(
    `${option} ${dir}: the folder is not empty and holds no topic-atlas artifact (it has ${shown}); ` +
      'nothing was written or deleted; choose a new or empty folder',
  );
}
