/**
 * One writer per artifact folder: an exclusive lock file created with O_EXCL,
 * naming its holder (pid, host, process start time, command). Two runs on one
 * folder would otherwise each delete the files the other's manifest names.
 *
 * A run killed by SIGKILL cannot remove its lock, so a lock whose holder is no
 * longer alive on this host is stale and taken over. "Alive" compares the
 * process start time from /proc as well as the pid, so a pid reused by another
 * process after a crash does not keep the folder locked forever.
 */
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../ingest/types.ts';
import { describeFsError } from '../ingest/fsError.ts';

export const LOCK_FILE = '.topic-atlas.lock';

export interface LockHolder {
  pid: number;
  host: string;
  /** Start time of the process in clock ticks since boot (/proc/PID/stat field 22); null off Linux. */
  procStart: number | null;
  startedAt: string;
  command: string;
}

export interface ArtifactLock {
  readonly path: string;
  /** Removes the lock if it is still this process's. Safe to call twice. */
  release(): Promise<void>;
  /** Synchronous release for `process.on('exit')`. */
  releaseSync(): void;
}

function processStart(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[19]);
  } catch {
    return null;
  }
}

function isAlive(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (holder.procStart === null) return true;
  const start = processStart(holder.pid);
  return start === null || start === holder.procStart;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const v = JSON.parse(text) as Partial<LockHolder>;
    if (typeof v.pid !== 'number' || typeof v.host !== 'string') return null;
    return {
      pid: v.pid,
      host: v.host,
      procStart: typeof v.procStart === 'number' ? v.procStart : null,
      startedAt: String(v.startedAt ?? '?'),
      command: String(v.command ?? '?'),
    };
  } catch {
    return null;
  }
}

/** An unreadable lock younger than this may be one being written (file systems without hard links). */
const FRESH_MS = 10_000;

async function isFresh(path: string): Promise<boolean> {
  const st = await stat(path).catch(() => null);
  return st !== null && Date.now() - st.mtimeMs < FRESH_MS;
}

function describeHolder(h: LockHolder): string {
  return `pid ${h.pid} on ${h.host}, started ${h.startedAt}`;
}

/**
 * Takes the lock of `dir` (which must exist) or throws a one-line UserError
 * naming the holder. `option` names the flag in messages ("--out", "--update").
 */
export async function acquireLock(dir: string, option: string): Promise<ArtifactLock> {
  const path = join(dir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    procStart: processStart(process.pid),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' ').slice(0, 500),
  };
  const text = JSON.stringify(me);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await createWithContent(path, text);
      return lockHandle(path, text);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        throw new UserError(`${option} ${dir}: cannot write there (${describeFsError(err)})`);
      }
    }
    let held: string;
    try {
      held = await readFile(path, 'utf8');
    } catch {
      continue; // released between our open and read: try again
    }
    const holder = parseHolder(held);
    if (!holder && (await isFresh(path))) {
      throw new UserError(`${option} ${dir}: another topic-atlas run is taking the lock of this artifact; wait for it or stop it`);
    }
    if (holder && holder.host !== me.host) {
      throw new UserError(`${option} ${dir}: locked by a topic-atlas run on another machine (${describeHolder(holder)}); if it is gone, delete ${path}`);
    }
    if (holder && isAlive(holder)) {
      throw new UserError(`${option} ${dir}: another topic-atlas run is writing this artifact (${describeHolder(holder)}); wait for it or stop it`);
    }
    // Stale (its holder died) or unreadable (damaged, or left by a holder on a file system without hard links
    // that was killed between create and write). Move it
    // aside atomically, and put it back if what was moved is no longer the stale lock we read.
    const aside = `${path}.stale-${process.pid}`;
    try {
      await rename(path, aside);
    } catch {
      continue;
    }
    const moved = await readFile(aside, 'utf8').catch(() => held);
    if (moved !== held) await rename(aside, path).catch(() => {});
    else await unlink(aside).catch(() => {});
  }
  throw new UserError(`${option} ${dir}: could not take the lock ${path} (other runs keep taking it)`);
}

/**
 * Creates `path` holding `text`, or fails with EEXIST. The content is written
 * to a temp file and hard-linked into place, so no other run ever reads the
 * lock empty (and takes it for a dead holder's); where the file system has no
 * hard links, O_EXCL create then write.
 */
async function createWithContent(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, text);
  try {
    await link(tmp, path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw err;
    const fh = await open(path, 'wx');
    try {
      await fh.writeFile(text);
    } finally {
      await fh.close();
    }
  } finally {
    await unlink(tmp).catch(() => {});
  }
}

function lockHandle(path: string, text: string): ArtifactLock {
  let released = false;
  const ownsIt = (content: string) => !released && content === text;
  return {
    path,
    async release() {
      const content = await readFile(path, 'utf8').catch(() => '');
      if (ownsIt(content)) await unlink(path).catch(() => {});
      released = true;
    },
    releaseSync() {
      let content = '';
      try {
        content = readFileSync(path, 'utf8');
      } catch {
        /* already gone */
      }
      if (ownsIt(content)) {
        try {
          unlinkSync(path);
        } catch {
          /* nothing to do at exit */
        }
      }
      released = true;
    },
  };
}
