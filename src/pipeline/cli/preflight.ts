/**
 * Everything a run can find wrong with its paths, checked before ingest starts:
 * a mistake in `--out` or `--timings-json` must not surface after a nine-minute
 * pipeline (or, worse, after the artifact was written). Ends by taking the
 * artifact folder's lock, so a second writer is refused at once, not at the end.
 */
import { access, constants, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UserError } from '../ingest/types.ts';
import { describeFsError } from '../ingest/fsError.ts';
import { inspectOutDir } from '../artifact/outDir.ts';
import { acquireLock, type ArtifactLock } from '../artifact/lock.ts';
import type { PipelineOptions } from './options.ts';

const reason = (err: unknown): string => describeFsError(err, 'no such folder');

/** A file the run will write at the end: its folder must exist and be writable, and it must not be a folder. */
export async function checkOutputFile(path: string, option: string): Promise<void> {
  const st = await stat(path).catch(() => null);
  if (st?.isDirectory()) throw new UserError(`${option} ${path}: is a folder, expected a file name`);
  const parent = dirname(resolve(path));
  const pst = await stat(parent).catch((err: unknown) => {
    throw new UserError(`${option} ${path}: cannot write there (${reason(err)})`);
  });
  if (!pst.isDirectory()) throw new UserError(`${option} ${path}: cannot write there (${parent} is not a folder)`);
  try {
    await access(st ? path : parent, constants.W_OK);
  } catch (err) {
    throw new UserError(`${option} ${path}: cannot write there (${reason(err)})`);
  }
}

/** The input must be readable; what it holds is ingest's to judge. `-` is standard input. */
async function checkInput(path: string): Promise<void> {
  if (path === '-') return;
  const st = await stat(path).catch((err: unknown) => {
    throw new UserError(`${path}: cannot read file (${describeFsError(err)})`);
  });
  if (st.isDirectory()) throw new UserError(`${path}: is a directory, expected a file`);
  try {
    await access(path, constants.R_OK);
  } catch (err) {
    throw new UserError(`${path}: cannot read file (${describeFsError(err)})`);
  }
}

/** Checks every path option, creates the artifact folder if needed and takes its lock. */
export async function preflight(options: PipelineOptions): Promise<ArtifactLock> {
  await checkInput(options.input);
  if (options.timingsJson) await checkOutputFile(options.timingsJson, '--timings-json');
  if (options.update) {
    const state = await inspectOutDir(options.update, '--update');
    if (state.kind !== 'artifact') {
      throw new UserError(`--update ${options.update}: no manifest.json there, so no artifact to add to; run npm run preprocess -- --input FILE --out ${options.update} first`);
    }
    return acquireLock(options.update, '--update');
  }
  const state = await inspectOutDir(options.out, '--out');
  if (state.kind === 'missing') {
    try {
      await mkdir(options.out, { recursive: true });
    } catch (err) {
      throw new UserError(`--out ${options.out}: cannot create the folder (${reason(err)})`);
    }
  }
  return acquireLock(options.out, '--out');
}
