/**
 * A run started by npm stops when npm is gone, even while its main thread is
 * busy in a synchronous loop; a run started any other way is left alone.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const SUPERVISION = resolve(import.meta.dirname, '../../../src/pipeline/cli/supervision.ts');

// A parent that starts a busy child (the watch, then 20 s of synchronous work) and dies at once.
function orphanScript(npm: boolean): string {
  const child = `
    const { watchParent } = await import(${JSON.stringify(SUPERVISION)});
    watchParent(process.ppid, ${npm ? "{ npm_lifecycle_event: 'preprocess' }" : '{}'});
    process.stdout.write('ready\\n');
    const end = Date.now() + 20000;
    while (Date.now() < end) {}
    process.stdout.write('finished\\n');`;
  return `
    const { spawn } = require('node:child_process');
    const c = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', ${JSON.stringify(child)}], { stdio: ['ignore', 'inherit', 'inherit'] });
    process.stdout.write(String(c.pid) + '\\n');
    setTimeout(() => process.kill(process.pid, 'SIGKILL'), 1500);`;
}

async function runOrphan(npm: boolean): Promise<{ childPid: number; out: string }> {
  const parent = spawn(process.execPath, ['-e', orphanScript(npm)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  parent.stdout.on('data', (d: Buffer) => (out += d));
  parent.stderr.on('data', (d: Buffer) => (out += d));
  await new Promise((r) => parent.once('exit', r));
  return { childPid: Number(out.split('\n')[0]), out };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe('watchParent', () => {
  it('stops a busy run started by npm once npm is killed', async () => {
    const { childPid, out } = await runOrphan(true);
    expect(childPid).toBeGreaterThan(1);
    expect(await waitGone(childPid, 10_000)).toBe(true);
    expect(out).not.toContain('finished');
  }, 30_000);

  it('leaves a run that npm did not start', async () => {
    const { childPid } = await runOrphan(false);
    await new Promise((r) => setTimeout(r, 2000));
    const stillRunning = alive(childPid);
    if (stillRunning) process.kill(childPid, 'SIGKILL');
    expect(stillRunning).toBe(true);
  }, 30_000);
});
