/**
 * `npm run preprocess -- --vectors` end to end on the planted fixture: clusters
 * follow the vectors (three groups across four text topics), labels come from
 * the text, the artifact is the same for the same seed, and mistakes end in one line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeColumn, validateManifest, type Manifest } from '../../../src/schema/artifact.ts';
import { DUPLICATE_AT, FLAVORS, PAPERS, groupOf, writePlanted, type PlantedFiles } from './planted.ts';
import { float32Npy } from './planted.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function run(args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, 'scripts/preprocess.ts'), ...args, '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const manifestOf = (dir: string): Manifest => validateManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));

function column(dir: string, m: Manifest, name: string): ArrayLike<number> {
  const b = readFileSync(join(dir, m.columns[name]!.file));
  return decodeColumn(name, m.columns[name]!, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
}

function filesOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(join(dir, rel)).isDirectory()) walk(rel);
      else out.set(rel, readFileSync(join(dir, rel)).toString('base64'));
    }
  };
  walk('');
  return out;
}

/** The cluster of each group when the assignment is exactly the planted partition; null otherwise. */
function clusterOfGroup(assigned: ArrayLike<number>): number[] | null {
  const of = new Map<number, number>();
  for (let i = 0; i < PAPERS; i++) {
    const g = groupOf(i);
    if (!of.has(g)) of.set(g, assigned[i]!);
    else if (of.get(g) !== assigned[i]) return null;
  }
  const clusters = [0, 1, 2].map((g) => of.get(g)!);
  return new Set(clusters).size === 3 ? clusters : null;
}

describe('preprocess --vectors', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'atlas-vec-'));
  const out = (name: string) => join(tmp, name);
  let files: PlantedFiles;
  let first: ReturnType<typeof run>;

  beforeAll(() => {
    files = writePlanted(tmp);
    first = run(['--input', files.input, '--vectors', files.npy, '--k', '3', '--out', out('a')]);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('clusters on the vectors: the default level is exactly the planted groups, across the text topics', () => {
    expect(first.stderr).toContain('read 41, kept 40, skipped 1 (duplicate 1)');
    expect(first.code).toBe(0);
    const m = manifestOf(out('a'));
    expect(m.n).toBe(PAPERS);
    expect(clusterOfGroup(column(out('a'), m, 'cluster_default'))).not.toBeNull();
    expect(m.vectors).toEqual({ method: 'user', dims: files.dims, source: 'planted.npy' });
    expect(m.params).toMatchObject({ vectors: 'user: planted.npy', vectorDims: files.dims, lsaDims: null });
    expect(m.stats.lsaDims).toBe(0);
    // No LSA model: --update could not place new papers on these vectors.
    expect(m.model).toBeNull();
  });

  it('labels the clusters from the text: each carries the word only its group’s titles hold', () => {
    const m = manifestOf(out('a'));
    const clusters = clusterOfGroup(column(out('a'), m, 'cluster_default'))!;
    const level = m.levels[m.defaultLevel]!;
    FLAVORS.forEach((word, g) => expect(level.clusters[clusters[g]!]!.terms[0]!.term).toBe(word));
    expect(level.clusters.map((c) => c.size).sort()).toEqual([13, 13, 14]);
  });

  it('TF-IDF + LSA on the same corpus follows the text topics instead', () => {
    const r = run(['--input', files.input, '--k', '3', '--out', out('lsa')]);
    expect(r.code).toBe(0);
    const m = manifestOf(out('lsa'));
    expect(clusterOfGroup(column(out('lsa'), m, 'cluster_default'))).toBeNull();
    expect(m.vectors).toEqual({ method: 'lsa', dims: m.stats.lsaDims });
    expect(m.model).not.toBeNull();
  });

  it('gives the same bytes for the same input, vectors and seed', () => {
    expect(run(['--input', files.input, '--vectors', files.npy, '--k', '3', '--out', out('b')]).code).toBe(0);
    expect(filesOf(out('b'))).toEqual(filesOf(out('a')));
  });

  it('reads the same vectors from an input field and from {id, vector} rows: the same clusters and map', () => {
    const a = manifestOf(out('a'));
    for (const [name, args] of [
      ['field', ['--input', files.fieldInput, '--vectors-field', 'embedding']],
      ['ids', ['--input', files.input, '--vectors', files.byId]],
    ] as const) {
      const r = run([...args, '--k', '3', '--out', out(name)]);
      expect(r.code, r.stderr).toBe(0);
      const m = manifestOf(out(name));
      for (const col of ['x', 'y', 'cluster_coarse', 'cluster_default', 'cluster_fine']) expect(m.columns[col]!.file).toBe(a.columns[col]!.file);
      expect(m.vectors).toEqual({ method: 'user', dims: files.dims, source: name === 'field' ? 'field "embedding"' : 'planted-ids.jsonl' });
      if (name === 'ids') expect(r.stderr).toContain('1 row of');
    }
  });

  it('refuses a matrix of the wrong length in one line stating both counts, and writes nothing', () => {
    const short = join(tmp, 'short.npy');
    writeFileSync(short, float32Npy(PAPERS, 8, new Float32Array(PAPERS * 8).fill(1)));
    const r = run(['--input', files.input, '--vectors', short, '--out', out('short')]);
    expect(r.code).toBe(2);
    const errors = r.stderr.trim().split('\n').filter((l) => l.startsWith('error:'));
    expect(errors).toEqual([
      `error: ${short}: ${PAPERS} vectors, but ${files.input} has ${PAPERS + 1} records (one vector per record in input order, skipped rows included; ingest kept ${PAPERS})`,
    ]);
    expect(existsSync(join(out('short'), 'manifest.json'))).toBe(false);
  });

  it('names the row of a NaN (1-based) before reading the corpus', () => {
    const values = new Float32Array((PAPERS + 1) * 8).fill(1);
    values[DUPLICATE_AT * 8 + 5] = NaN;
    const nan = join(tmp, 'nan.npy');
    writeFileSync(nan, float32Npy(PAPERS + 1, 8, values));
    const r = run(['--input', files.input, '--vectors', nan, '--out', out('nan')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${nan} row ${DUPLICATE_AT + 1}: element 6 is NaN, not a finite number\n`);
  });

  it('refuses --vectors with --update, and --update of a map built on user vectors', () => {
    const both = run(['--input', files.input, '--vectors', files.npy, '--update', out('a')]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^error: --vectors with --update: new papers are placed with the map's LSA model/);
    const update = run(['--input', files.input, '--update', out('a')]);
    expect(update.code).toBe(2);
    expect(update.stderr).toContain('error: --update ' + out('a') + ': the map was built on user vectors (planted.npy)');
    expect(filesOf(out('a'))).toEqual(filesOf(out('b')));
  });

  it('lists the options in --help', () => {
    const r = spawnSync(TSX, [join(ROOT, 'scripts/preprocess.ts'), '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toMatch(/--vectors FILE +cluster and map on your own embeddings/);
    expect(r.stdout).toMatch(/--vectors-field NAME +the same, read from field NAME/);
  });
});
