/**
 * The fast part of the robustness suite (issue 16): every fuzz case of
 * cases.ts run in-process through `main(argv)`. The crash, signal and
 * concurrency parts spawn real processes and live in `npm run test:robust`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES } from './cases.ts';
import { runCase, slug } from './runCase.ts';

const root = mkdtempSync(join(tmpdir(), 'atlas-robust-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('fuzz corpus through the CLI', () => {
  it('has at least 100 cases with distinct names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    // Each case gets its own scratch folder, named from its name.
    expect(new Set(CASES.map((c) => slug(c.name))).size).toBe(CASES.length);
  });

  for (const c of CASES) {
    it(`${c.category}: ${c.name}`, async () => {
      const result = await runCase(root, c);
      expect(result.problems, result.outcome.stderr.slice(-2000)).toEqual([]);
    });
  }
});
