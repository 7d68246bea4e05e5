/**
 * Run one command as a child process and measure what its user waits for: wall time from spawn to exit
 * (process.hrtime, so Node / Python start-up included) and peak RSS from GNU time (`/usr/bin/time -f %M`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface ChildRun {
  code: number | null;
  wallMs: number;
  /** Peak resident set of the largest process in the child's tree, bytes; null without GNU time. */
  peakRssBytes: number | null;
  stdout: string;
  stderr: string;
}

export async function runMeasured(command: string, args: readonly string[], options: { cwd: string; timeoutMs?: number }): Promise<ChildRun> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const timeFile = join(dir, 'maxrss');
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, [...args]];
  const t0 = process.hrtime.bigint();
  try {
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(cmd, argv, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : null;
      child.on('error', reject);
      child.on('close', (c) => {
        if (timer) clearTimeout(timer);
        resolve({ code: c, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
      });
    });
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    let peakRssBytes: number | null = null;
    if (useTime && existsSync(timeFile)) {
      // GNU time writes "Command exited with non-zero status N" before the value on failure: take the last number.
      const kb = Number(readFileSync(timeFile, 'utf8').trim().split(/\s+/).at(-1));
      if (Number.isFinite(kb)) peakRssBytes = kb * 1024;
    }
    return { code, wallMs, peakRssBytes, stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
