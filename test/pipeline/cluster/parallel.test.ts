import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('kmeans restarts on worker threads', () => {
  it('give the same bytes as the sequential run', () => {
    const script = fileURLToPath(new URL('./parallelCheck.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', env: { ...process.env, VITEST: '' } });
    const { threads, sequential, parallel } = JSON.parse(out.trim().split('\n').pop()!);
    expect(threads).toBe(2);
    expect(parallel).toBe(sequential);
  }, 120_000);
});
