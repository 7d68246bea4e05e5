/** A sharded run: papers placed in shards apart, then merged, give the artifact of placing them at once (positions aside). */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeColumn, validateManifest, type Manifest } from '../../../src/schema/artifact.ts';
import { ingestFile } from '../../../src/pipeline/ingest/index.ts';
import { commitUpdate, freshPapers, openForUpdate } from '../../../src/pipeline/artifact/update.ts';
import { concatBatches, placeBatch } from '../../../src/pipeline/artifact/placeBatch.ts';
import { decodeBatch, encodeBatch } from '../../../src/pipeline/artifact/batchFile.ts';
import { knnMethodFor } from '../../../src/pipeline/project/place.ts';
import { createProgress } from '../../../src/pipeline/cli/progress.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

const manifest = (dir: string) => validateManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
function column(dir: string, m: Manifest, name: string) {
  const ref = m.columns[name]!;
  const b = readFileSync(join(dir, ref.file));
  return decodeColumn(name, ref, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
}

describe('sharded placement and merge', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'atlas-shards-'));
  const lines = readFileSync(join(ROOT, 'data/papers.jsonl'), 'utf8').trim().split('\n');
  writeFileSync(join(tmp, 'fit.jsonl'), lines.slice(0, 40).join('\n') + '\n');
  writeFileSync(join(tmp, 'rest.jsonl'), lines.slice(40).join('\n') + '\n');
  const fit = join(tmp, 'fit');
  const r = spawnSync(TSX, [join(ROOT, 'scripts/preprocess.ts'), '--input', join(tmp, 'fit.jsonl'), '--out', fit, '--k', '4', '--quiet'], { cwd: ROOT, encoding: 'utf8' });

  it('merges three shards to the counts, clusters and neighbours of one placement', async () => {
    expect(r.status, r.stderr).toBe(0);
    const { papers } = await ingestFile(join(tmp, 'rest.jsonl'), {});
    expect(papers.length).toBe(34);
    const one = join(tmp, 'one');
    const merged = join(tmp, 'merged');
    cpSync(fit, one, { recursive: true });
    cpSync(fit, merged, { recursive: true });
    const progress = createProgress({ quiet: true });
    const source = { file: 'rest.jsonl', read: 34, undated: 0 };

    const baseOne = await openForUpdate(one);
    const { fresh } = freshPapers(baseOne, papers);
    const knnMethod = knnMethodFor(baseOne.map.n, fresh.length);
    await commitUpdate(baseOne, source, fresh, await placeBatch(baseOne.model, baseOne.map, fresh, { seed: 42, knnMethod }), progress);

    // Each shard placed by a worker that sees only the fitted artifact, handed over as a batch file.
    const worker = await openForUpdate(fit, { docs: false });
    const cuts = [0, 11, 23, 34];
    const files = [];
    const ids = (s: number) => fresh.slice(cuts[s], cuts[s + 1]).map((p) => p.id);
    for (let s = 0; s < 3; s++) files.push(encodeBatch(await placeBatch(worker.model, worker.map, fresh.slice(cuts[s], cuts[s + 1]), { seed: 42, knnMethod }), ids(s)));
    const baseMerged = await openForUpdate(merged);
    await commitUpdate(baseMerged, source, fresh, concatBatches(files.map((f, s) => decodeBatch(f, `shard ${s}`, ids(s)))), progress);

    const a = manifest(one);
    const b = manifest(merged);
    expect(b.n).toBe(74);
    expect(b.trends).toEqual(a.trends);
    expect(b.levels.map((l) => l.clusters.map((c) => c.size))).toEqual(a.levels.map((l) => l.clusters.map((c) => c.size)));
    for (const name of [...a.levels.map((l) => l.column), 'neighbors', 'day', 'bin']) {
      expect(Array.from(column(merged, b, name)), name).toEqual(Array.from(column(one, a, name)));
    }
    // Counts add exactly: every bin's count of every cluster, recounted from the merged columns.
    const lv = b.levels[b.defaultLevel]!;
    const labels = column(merged, b, lv.column);
    const bins = column(merged, b, 'bin');
    const recount = lv.clusters.map(() => new Array<number>(b.trends.bins.length).fill(0));
    for (let i = 0; i < b.n; i++) if (bins[i]! >= 0) recount[labels[i]!]![bins[i]!]!++;
    expect(b.trends.levels[b.defaultLevel]!.clusters.map((c) => c.counts)).toEqual(recount);
    // The fitted papers keep their positions; the placed ones land where one placement puts them, up to the layout's random stream.
    const [xa, xb] = [column(one, a, 'x'), column(merged, b, 'x')];
    expect(Array.from(xb.subarray(0, 40))).toEqual(Array.from(xa.subarray(0, 40)));
    const width = a.bounds[2] - a.bounds[0];
    const moved = Array.from({ length: 34 }, (_, i) => Math.abs(xb[40 + i]! - xa[40 + i]!) / width).sort((p, q) => p - q);
    // On a 40-paper map a third of the placed papers have two plausible spots; most move little (median 3.3 % of the width).
    expect(moved[17]).toBeLessThan(0.05);
  });

  it('refuses a batch file that is cut short or placed from other papers, naming it', async () => {
    const worker = await openForUpdate(fit, { docs: false });
    const { papers } = await ingestFile(join(tmp, 'rest.jsonl'), {});
    const five = papers.slice(0, 5);
    const ids = five.map((p) => p.id);
    const placed = await placeBatch(worker.model, worker.map, five, { seed: 1 });
    const bytes = encodeBatch(placed, ids);
    expect(decodeBatch(bytes, 'b', ids)).toEqual(placed);
    expect(() => decodeBatch(bytes.subarray(0, bytes.length - 8), 'shard-2.batch', ids)).toThrow('shard-2.batch: not a placed batch (lsa truncated)');
    expect(() => decodeBatch(bytes, 'shard-3.batch', [...ids.slice(1), ids[0]!])).toThrow('shard-3.batch: not a placed batch (placed from other papers');
    expect(() => decodeBatch(new Uint8Array(16), 'x.batch', ids)).toThrow('bad magic');
  });
});

describe('npm run shard', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'atlas-shard-cli-'));
  const lines = readFileSync(join(ROOT, 'data/papers.jsonl'), 'utf8').trim().split('\n');
  writeFileSync(join(tmp, 'fit.jsonl'), lines.slice(0, 40).join('\n') + '\n');
  writeFileSync(join(tmp, 's0.jsonl'), lines.slice(40, 57).join('\n') + '\n');
  writeFileSync(join(tmp, 's1.jsonl'), lines.slice(57).join('\n') + '\n');
  const cli = (script: string, args: string[]) => spawnSync(TSX, [join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8' });
  const fit = join(tmp, 'fit');

  it('places shards in separate processes and merges them into the artifact', () => {
    expect(cli('scripts/preprocess.ts', ['--input', join(tmp, 'fit.jsonl'), '--out', fit, '--k', '4', '--quiet']).status).toBe(0);
    for (const s of ['s0', 's1']) {
      const r = cli('scripts/shard.ts', ['place', '--fit', fit, '--input', join(tmp, `${s}.jsonl`), '--out', join(tmp, `${s}.batch`), '--knn', 'exact']);
      expect(r.status, r.stderr).toBe(0);
    }
    const wrong = cli('scripts/shard.ts', ['merge', '--artifact', fit, '--input', join(tmp, 's0.jsonl'), '--batch', join(tmp, 's1.batch')]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/^error: .*s1\.batch \(for .*s0\.jsonl\): not a placed batch \(placed from other papers/);
    expect(manifest(fit).n).toBe(40);
    const r = cli('scripts/shard.ts', ['merge', '--artifact', fit, '--input', join(tmp, 's0.jsonl'), '--batch', join(tmp, 's0.batch'), '--input', join(tmp, 's1.jsonl'), '--batch', join(tmp, 's1.batch')]);
    expect(r.status, r.stderr).toBe(0);
    const m = manifest(fit);
    expect(m.n).toBe(74);
    expect(m.levels[m.defaultLevel]!.clusters.reduce((s, c) => s + c.size, 0)).toBe(74);
    const again = cli('scripts/shard.ts', ['merge', '--artifact', fit, '--input', join(tmp, 's0.jsonl'), '--batch', join(tmp, 's0.batch')]);
    expect(again.stderr).toContain('17 shard paper(s) are on the map already');
    expect(again.status).toBe(2);
  }, 240_000); // six Node processes in turn: minutes on a loaded machine
});
