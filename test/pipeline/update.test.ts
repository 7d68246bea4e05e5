/** `--update`: new papers join an existing map; nothing already on it moves. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeColumn, validateManifest, type Manifest } from '../../src/schema/artifact.ts';
import { readTitlesAndIds } from '../../src/pipeline/artifact/readShards.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = (args: string[]) => spawnSync(TSX, [join(ROOT, 'scripts/preprocess.ts'), ...args, '--quiet'], { cwd: ROOT, encoding: 'utf8' });

function column(dir: string, m: Manifest, name: string) {
  const ref = m.columns[name]!;
  const b = readFileSync(join(dir, ref.file));
  return decodeColumn(name, ref, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
}
const manifest = (dir: string) => validateManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));

describe('preprocess --update', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'atlas-update-'));
  const lines = readFileSync(join(ROOT, 'data/papers.jsonl'), 'utf8').trim().split('\n');
  writeFileSync(join(tmp, 'old.jsonl'), lines.slice(0, 60).join('\n') + '\n');
  writeFileSync(join(tmp, 'new.jsonl'), lines.slice(58).join('\n') + '\n'); // 2 already on the map
  const dir = join(tmp, 'artifact');

  it('adds the new papers, keeps every existing position and cluster', async () => {
    expect(run(['--input', join(tmp, 'old.jsonl'), '--out', dir]).status).toBe(0);
    const before = manifest(dir);
    const x0 = column(dir, before, 'x');
    const y0 = column(dir, before, 'y');
    const c0 = column(dir, before, 'cluster_default');

    const r = run(['--update', dir, '--input', join(tmp, 'new.jsonl')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('2 paper(s) already on the map');
    const after = manifest(dir);
    expect(after.n).toBe(74);
    const x1 = column(dir, after, 'x');
    const y1 = column(dir, after, 'y');
    const c1 = column(dir, after, 'cluster_default');
    expect(Array.from(x1.subarray(0, 60))).toEqual(Array.from(x0));
    expect(Array.from(y1.subarray(0, 60))).toEqual(Array.from(y0));
    expect(Array.from(c1.subarray(0, 60))).toEqual(Array.from(c0));
    const k = after.levels[after.defaultLevel]!.k;
    for (let i = 60; i < 74; i++) {
      expect(c1[i]).toBeLessThan(k);
      expect(Number.isFinite(x1[i])).toBe(true);
    }
    // Sizes and trend counts include the newcomers; labels are not refitted.
    expect(after.levels[after.defaultLevel]!.clusters.reduce((s, c) => s + c.size, 0)).toBe(74);
    expect(after.levels[1]!.clusters.map((c) => c.label)).toEqual(before.levels[1]!.clusters.map((c) => c.label));
    const { ids } = await readTitlesAndIds(dir, after);
    expect(new Set(ids).size).toBe(74);
  });

  it('refuses an input with nothing new, leaving the artifact as it was', () => {
    const text = readFileSync(join(dir, 'manifest.json'), 'utf8');
    const r = run(['--update', dir, '--input', join(tmp, 'old.jsonl')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: .*no new papers/m);
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(text);
  });

  it('papers without ids: new ones are added, ones already on the map are recognised by their text', async () => {
    const noIds = (from: number, to: number) =>
      lines
        .slice(from, to)
        .map((line) => {
          const { title, abstract } = JSON.parse(line) as { title: string; abstract: string };
          return JSON.stringify({ title, abstract });
        })
        .join('\n') + '\n';
    writeFileSync(join(tmp, 'old-noid.jsonl'), noIds(0, 40));
    // Lines 1–30 of this file are new papers; line numbers overlap the old file's on purpose.
    writeFileSync(join(tmp, 'new-noid.jsonl'), noIds(40, 70) + noIds(0, 2));
    const noidDir = join(tmp, 'artifact-noid');
    expect(run(['--input', join(tmp, 'old-noid.jsonl'), '--out', noidDir]).status).toBe(0);
    const r = run(['--update', noidDir, '--input', join(tmp, 'new-noid.jsonl')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('2 paper(s) already on the map');
    const after = manifest(noidDir);
    expect(after.n).toBe(70);
    const { ids } = await readTitlesAndIds(noidDir, after);
    expect(new Set(ids).size).toBe(70);
    expect(ids.every((id) => /^noid-[0-9a-f]{16}$/.test(id))).toBe(true);
  });

  it('names a directory that is not an artifact', () => {
    const r = run(['--update', join(tmp, 'nowhere'), '--input', join(tmp, 'new.jsonl')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: --update .*nowhere: no manifest\.json there/m);
  });
});
