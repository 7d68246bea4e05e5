/** `npm run eval -- --vectors`: the user's embedding scored against TF-IDF + LSA on the planted fixture. */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writePlanted } from '../pipeline/vectors/planted.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'atlas-eval-vec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function evalRun(args: string[]) {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'bench/eval.ts'), ...args, '--seeds', '2', '--no-peer', '--no-save'], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The cells of the table row that starts with `metric`, in the table after `heading`. */
function row(stdout: string, heading: string, metric: string): string[] {
  const table = stdout.slice(stdout.indexOf(heading));
  const line = table.split('\n').find((l) => l.startsWith(metric))!;
  return line.slice(metric.length).trim().split(/\s{2,}/);
}

describe('eval --vectors', () => {
  const files = writePlanted(dir);

  it('scores the planted vectors at NMI = ARI = 1 and TF-IDF + LSA, which follows the text topics, far below', () => {
    const r = evalRun(['--input', files.input, '--vectors', files.npy]);
    expect(r.code, r.stderr).toBe(0);
    const heading = 'your vectors (planted.npy, 8 dims) against TF-IDF + LSA';
    expect(r.stdout).toContain(heading);
    for (const metric of ['NMI', 'ARI']) {
      const [lsa, vectors, diff, verdict] = row(r.stdout, heading, metric);
      expect(vectors).toBe('1.000 ± 0.000');
      expect(Number(lsa!.split(' ')[0])).toBeLessThan(0.2);
      expect(Number(diff)).toBeGreaterThan(0.8);
      expect(verdict).toBe('better');
    }
  });

  it('reads an input field as the CLI does, with the same scores', () => {
    const r = evalRun(['--input', files.fieldInput, '--vectors-field', 'embedding']);
    expect(r.code, r.stderr).toBe(0);
    expect(row(r.stdout, 'your vectors (field "embedding", 8 dims)', 'NMI')[1]).toBe('1.000 ± 0.000');
  });
});
