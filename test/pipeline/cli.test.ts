/**
 * End-to-end tests of `npm run preprocess` on the bundled corpus: the artifact
 * is valid and complete, deterministic, and user mistakes end in one line.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validateManifest, decodeColumn, type Manifest } from '../../src/schema/artifact.ts';
import { readTitlesAndIds } from '../../src/pipeline/artifact/readShards.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'scripts/preprocess.ts');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function run(args: string[]) {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function readManifest(dir: string): Manifest {
  return validateManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
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

describe('preprocess on the bundled corpus', () => {
  const a = mkdtempSync(join(tmpdir(), 'atlas-a-'));
  const b = mkdtempSync(join(tmpdir(), 'atlas-b-'));
  let first: ReturnType<typeof run>;

  beforeAll(() => {
    first = run(['--input', 'data/papers.jsonl', '--out', a, '--quiet']);
    run(['--input', 'data/papers.jsonl', '--out', b, '--quiet']);
  });

  it('exits 0 and reports the ingest summary on stderr, nothing on stdout', () => {
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain('read 74, kept 74, skipped 0');
  });

  it('writes a valid artifact with every paper, column and level', async () => {
    const m = readManifest(a);
    expect(m.n).toBe(74);
    expect(m.levels.map((l) => l.name)).toEqual(['coarse', 'default', 'fine']);
    const def = m.levels[m.defaultLevel]!;
    expect(def.clusters.reduce((s, c) => s + c.size, 0)).toBe(74);
    for (const c of def.clusters) {
      expect(c.label.length).toBeGreaterThan(0);
      expect(c.terms.length).toBeGreaterThan(0);
      expect(c.representatives.length).toBeGreaterThan(0);
    }
    for (const [name, ref] of Object.entries(m.columns)) {
      const bytes = readFileSync(join(a, ref.file));
      const col = decodeColumn(name, ref, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      expect(col.length).toBe(ref.length);
    }
    const { titles } = await readTitlesAndIds(a, m);
    expect(titles).toHaveLength(74);
    expect(m.kScan?.length).toBeGreaterThan(1);
    // The bundled corpus spans 2019-11 to 2025-07: every paper is dated and binned.
    expect(m.trends.undated).toBe(0);
    expect(m.trends.bins.reduce((s, bin) => s + bin.total, 0)).toBe(74 - m.trends.imprecise);
    expect(m.input.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('trend counts equal a brute-force recount from the per-paper columns', () => {
    const m = readManifest(a);
    const col = (name: string) => {
      const ref = m.columns[name]!;
      const b = readFileSync(join(a, ref.file));
      return decodeColumn(name, ref, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
    };
    const day = col('day');
    const bin = col('bin');
    const nBins = m.trends.bins.length;
    // Recount bins from the calendar dates themselves, not from the bin column.
    const starts = m.trends.bins.map((b) => Date.parse(`${b.start}T00:00:00Z`) / 86_400_000);
    const ends = m.trends.bins.map((b) => Date.parse(`${b.end}T00:00:00Z`) / 86_400_000);
    for (let i = 0; i < m.n; i++) {
      if (bin[i]! < 0) continue;
      expect(day[i]!).toBeGreaterThanOrEqual(starts[bin[i]!]!);
      expect(day[i]!).toBeLessThan(ends[bin[i]!]!);
    }
    m.levels.forEach((lv, li) => {
      const labels = col(lv.column);
      const counts = Array.from({ length: lv.k }, () => new Array<number>(nBins).fill(0));
      const totals = new Array<number>(nBins).fill(0);
      for (let i = 0; i < m.n; i++) {
        if (bin[i]! < 0) continue;
        counts[labels[i]!]![bin[i]!]!++;
        totals[bin[i]!]!++;
      }
      expect(m.trends.levels[li]!.clusters.map((c) => c.counts)).toEqual(counts);
      expect(m.trends.bins.map((b) => b.total)).toEqual(totals);
    });
  });

  it('gives the same bytes for the same input and seed', () => {
    const fa = filesOf(a);
    const fb = filesOf(b);
    expect([...fa.keys()].sort()).toEqual([...fb.keys()].sort());
    for (const [name, content] of fa) expect(fb.get(name), name).toBe(content);
  });

  it('gives a different map for another seed', () => {
    const c = mkdtempSync(join(tmpdir(), 'atlas-c-'));
    expect(run(['--input', 'data/papers.jsonl', '--out', c, '--quiet', '--seed', '7']).code).toBe(0);
    expect(readManifest(c).columns.x!.file).not.toBe(readManifest(a).columns.x!.file);
  });
});

describe('preprocess user mistakes: one line, exit 2, no stack trace', () => {
  const out = mkdtempSync(join(tmpdir(), 'atlas-err-'));
  const cases: Array<[string, string[], RegExp]> = [
    ['a missing file', ['--input', 'no/such/file.jsonl'], /no\/such\/file\.jsonl/],
    ['no --input', [], /--input FILE is required/],
    ['an unknown option', ['--input', 'data/papers.jsonl', '--frobnicate'], /frobnicate/],
    ['k larger than the corpus', ['--input', 'data/papers.jsonl', '--k', '500'], /--k 500 is larger than the corpus \(74 papers\)/],
    ['a bad --k', ['--input', 'data/papers.jsonl', '--k', 'many'], /--k many/],
  ];
  for (const [what, args, message] of cases) {
    it(what, () => {
      const r = run([...args, '--out', join(out, 'artifact'), '--quiet']);
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split('\n').filter((l) => l.startsWith('error:'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('an empty corpus', () => {
    const empty = join(out, 'empty.jsonl');
    writeFileSync(empty, '');
    const r = run(['--input', empty, '--out', join(out, 'x'), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*empty\.jsonl/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a corpus too small for the document-frequency bounds', () => {
    const tiny = join(out, 'tiny.jsonl');
    writeFileSync(tiny, readFileSync(join(ROOT, 'data/papers.jsonl'), 'utf8').trim().split('\n').slice(0, 3).join('\n') + '\n');
    const r = run(['--input', tiny, '--out', join(out, 'tiny'), '--quiet', '--k', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: maxDf \(0\.5 -> 1\.5 documents\) is below minDf \(2 -> 2 documents\) for 3 papers; lower --min-df or raise --max-df$/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('bad rows are reported one line each and counted; --strict fails on the first', () => {
    const bad = join(out, 'bad.jsonl');
    const good = readFileSync(join(ROOT, 'data/papers.jsonl'), 'utf8').trim().split('\n').slice(0, 10);
    writeFileSync(bad, [...good.slice(0, 5), '{"id": "x", "title": "Cut', ...good.slice(5), good[0]].join('\n') + '\n');
    const lenient = run(['--input', bad, '--out', join(out, 'lenient'), '--quiet', '--k', '2']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/bad\.jsonl:6: skipped \(malformed\): invalid JSON/);
    expect(lenient.stderr).toMatch(/bad\.jsonl:12: skipped \(duplicate\)/);
    expect(lenient.stderr).toContain('read 12, kept 10, skipped 2 (duplicate 1, malformed 1)');
    const strict = run(['--input', bad, '--out', join(out, 'strict'), '--quiet', '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr.trim().split('\n').filter((l) => l.includes('bad.jsonl:6'))).toHaveLength(1);
    expect(strict.stderr).toMatch(/^error: .*bad\.jsonl:6: .*malformed/m);
    expect(existsSync(join(out, 'strict', 'manifest.json'))).toBe(false);
  });

  it('--help prints usage on stdout and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: npm run preprocess -- --input FILE');
  });
});

describe('an interrupted run leaves the previous artifact intact', () => {
  it('survives SIGKILL at several points of a second run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-kill-'));
    expect(run(['--input', 'data/papers.jsonl', '--out', dir, '--quiet']).code).toBe(0);
    const before = readFileSync(join(dir, 'manifest.json'), 'utf8');
    let killedMidRun = 0;
    for (const delay of [150, 400, 700, 1000, 1400]) {
      // node itself, not the tsx wrapper: SIGKILL cannot be relayed to a wrapper's child.
      const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--input', 'data/papers.jsonl', '--out', dir, '--quiet', '--seed', '3'], {
        cwd: ROOT,
        stdio: 'ignore',
      });
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      if (child.signalCode === 'SIGKILL') killedMidRun++;
      // Whatever the moment, the manifest is one of the two complete versions and every file it names exists.
      const text = readFileSync(join(dir, 'manifest.json'), 'utf8');
      const m = validateManifest(JSON.parse(text));
      for (const ref of Object.values(m.columns)) expect(existsSync(join(dir, ref.file))).toBe(true);
      for (const f of m.docs.files) expect(existsSync(join(dir, f))).toBe(true);
      for (const f of m.titles.files) expect(existsSync(join(dir, f))).toBe(true);
      for (const s of m.search.shards) expect(existsSync(join(dir, s.file))).toBe(true);
      if (text !== before) expect(m.params.seed).toBe(3);
    }
    // At least one kill must have landed while the run was still going, or the test proves nothing.
    expect(killedMidRun).toBeGreaterThan(0);
  }, 120_000);
});

describe('the artifact folder: only ours is written, one writer at a time, checked before any work', () => {
  const root = mkdtempSync(join(tmpdir(), 'atlas-out-'));
  const oneErrorLine = (r: ReturnType<typeof run>) => {
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    return lines[0]!;
  };

  it('refuses a folder holding the user’s files, the corpus among them, and deletes none', () => {
    const dir = join(root, 'thesis');
    mkdirSync(join(dir, 'chapters'), { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeFileSync(join(dir, 'chapters', 'one.tex'), 'mine');
    writeFileSync(join(dir, 'corpus.jsonl'), readFileSync(join(ROOT, 'data/papers.jsonl')));
    const line = oneErrorLine(run(['--input', join(dir, 'corpus.jsonl'), '--out', dir]));
    expect(line).toMatch(/^error: --out .*thesis: the folder is not empty and holds no topic-atlas artifact \(it has chapters, corpus\.jsonl, notes\.txt\); nothing was written or deleted/);
    expect(readdirSync(dir).sort()).toEqual(['chapters', 'corpus.jsonl', 'notes.txt']);
    expect(readdirSync(join(dir, 'chapters'))).toEqual(['one.tex']);
  });

  it('refuses the repository root and the bundled corpus’s folder', () => {
    expect(oneErrorLine(run(['--input', 'data/papers.jsonl', '--out', '.']))).toMatch(/^error: --out \.: the folder is not empty/);
    expect(oneErrorLine(run(['--input', 'data/papers.jsonl', '--out', 'data']))).toMatch(/^error: --out data: .*\(it has papers\.jsonl\)/);
    expect(existsSync(join(ROOT, 'data/papers.jsonl'))).toBe(true);
  });

  it('refuses a file as --out, and a path through a file, before reading the corpus', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    expect(oneErrorLine(run(['--input', 'data/papers.jsonl', '--out', file]))).toBe(`error: --out ${file}: is a file, expected a folder for the artifact`);
    expect(oneErrorLine(run(['--input', 'data/papers.jsonl', '--out', join(file, 'sub')]))).toMatch(/^error: --out .*a-file\/sub: cannot use this folder \(a part of the path is a file\)$/);
  });

  it('checks --timings-json before the run, so no artifact is written for a bad one', () => {
    const out = join(root, 'timed');
    const line = oneErrorLine(run(['--input', 'data/papers.jsonl', '--out', out, '--timings-json', join(root, 'no', 'such', 't.json')]));
    expect(line).toMatch(/^error: --timings-json .*t\.json: cannot write there \(no such folder\)$/);
    expect(existsSync(out)).toBe(false);
    expect(oneErrorLine(run(['--input', 'data/papers.jsonl', '--out', out, '--timings-json', root]))).toMatch(/is a folder, expected a file name$/);
  });

  it('keeps the user’s files beside an artifact when it rewrites it', () => {
    const dir = join(root, 'shared');
    expect(run(['--input', 'data/papers.jsonl', '--out', dir, '--quiet']).code).toBe(0);
    writeFileSync(join(dir, 'README.txt'), 'mine');
    expect(run(['--input', 'data/papers.jsonl', '--out', dir, '--quiet', '--seed', '5']).code).toBe(0);
    expect(readFileSync(join(dir, 'README.txt'), 'utf8')).toBe('mine');
    expect(readManifest(dir).params.seed).toBe(5);
    expect(existsSync(join(dir, '.topic-atlas.lock'))).toBe(false);
  });

  it('lets one of two concurrent writers write and refuses the other in one line', async () => {
    const dir = join(root, 'race');
    const start = () =>
      new Promise<{ code: number | null; stderr: string }>((resolvePromise) => {
        const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--input', 'data/papers.jsonl', '--out', dir, '--quiet'], { cwd: ROOT });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d));
        child.once('exit', (code) => resolvePromise({ code, stderr }));
      });
    const results = await Promise.all([start(), start()]);
    const codes = results.map((r) => r.code).sort();
    expect(codes).toEqual([0, 2]);
    const refused = results.find((r) => r.code === 2)!;
    expect(refused.stderr.trim()).toMatch(/^error: --out .*race: another topic-atlas run is writing this artifact \(pid \d+ on .*\); wait for it or stop it$/);
    const m = readManifest(dir);
    for (const ref of Object.values(m.columns)) expect(existsSync(join(dir, ref.file))).toBe(true);
  }, 60_000);

  it('stops the writer when npm run preprocess gets SIGTERM, and leaves the artifact as it was', async () => {
    const dir = join(root, 'stopped');
    expect(run(['--input', 'data/papers.jsonl', '--out', dir, '--quiet']).code).toBe(0);
    const before = readFileSync(join(dir, 'manifest.json'), 'utf8');
    const npm = spawn('npm', ['run', '--silent', 'preprocess', '--', '--input', 'data/papers.jsonl', '--out', dir, '--seed', '9'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    // Wait until the writer holds the lock: it is running and about to change the folder.
    const lock = join(dir, '.topic-atlas.lock');
    const t0 = Date.now();
    while (!existsSync(lock) && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 20));
    const writerPid = JSON.parse(readFileSync(lock, 'utf8')).pid as number;
    npm.kill('SIGTERM');
    await new Promise((r) => npm.once('exit', r));
    let alive = true;
    for (let i = 0; i < 100 && alive; i++) {
      try {
        process.kill(writerPid, 0);
        await new Promise((r) => setTimeout(r, 50));
      } catch {
        alive = false;
      }
    }
    expect(alive).toBe(false);
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(before);
  }, 60_000);
});
