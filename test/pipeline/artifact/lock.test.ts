/** One writer per artifact folder; a dead holder's lock is taken over, a live one's never. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, LOCK_FILE } from '../../../src/pipeline/artifact/lock.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'atlas-lock-'));

/** The pid of a process that has exited (so no process has it, barring reuse within the test). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('acquireLock', () => {
  it('refuses a second writer, naming the holder, until the first releases', async () => {
    const dir = fresh();
    const first = await acquireLock(dir, '--out');
    const holder = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));
    expect(holder.pid).toBe(process.pid);
    await expect(acquireLock(dir, '--out')).rejects.toThrow(
      new RegExp(`^--out ${dir}: another topic-atlas run is writing this artifact \\(pid ${process.pid} on ${hostname()}, started .*\\); wait for it or stop it$`),
    );
    await first.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const second = await acquireLock(dir, '--out');
    await second.release();
  });

  it('takes over the lock of a holder that died (SIGKILL leaves it behind)', async () => {
    const dir = fresh();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname(), procStart: null, startedAt: 'x', command: 'x' }));
    const lock = await acquireLock(dir, '--out');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('takes over a lock whose pid was reused by another process (start times differ)', async () => {
    const dir = fresh();
    // Our own pid is alive, but with another start time it is not the holder.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), procStart: 1, startedAt: 'x', command: 'x' }));
    const lock = await acquireLock(dir, '--out');
    await lock.release();
  });

  it('takes over an unreadable lock once it is old, and refuses it while it may still be being written', async () => {
    const dir = fresh();
    writeFileSync(join(dir, LOCK_FILE), '');
    await expect(acquireLock(dir, '--out')).rejects.toThrow(/another topic-atlas run is taking the lock of this artifact/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, LOCK_FILE), old, old);
    const lock = await acquireLock(dir, '--out');
    await lock.release();
  });

  it('is never seen empty: the lock file appears with its content', async () => {
    const dir = fresh();
    const lock = await acquireLock(dir, '--out');
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('refuses a lock held from another machine and says how to clear it', async () => {
    const dir = fresh();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: 'elsewhere', procStart: null, startedAt: 'x', command: 'x' }));
    await expect(acquireLock(dir, '--out')).rejects.toThrow(/locked by a topic-atlas run on another machine \(pid 1 on elsewhere.*delete .*\.topic-atlas\.lock$/);
  });

  it('release leaves a lock that is no longer its own', async () => {
    const dir = fresh();
    const lock = await acquireLock(dir, '--out');
    writeFileSync(join(dir, LOCK_FILE), 'someone else');
    await lock.release();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe('someone else');
  });
});
