/**
 * The writer claims only empty folders or topic-atlas artifacts, and deletes
 * only files named like its own: the user's files around an artifact survive.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectOutDir, isOwnFile } from '../../../src/pipeline/artifact/outDir.ts';
import { writeArtifact, type ArtifactParts } from '../../../src/pipeline/artifact/write.ts';
import { UserError } from '../../../src/pipeline/ingest/types.ts';
import { ingestFile } from '../../../src/pipeline/ingest/index.ts';
import { runPipeline } from '../../../src/pipeline/run.ts';
import { toArtifactParts } from '../../../src/pipeline/artifact/build.ts';
import { buildSearchIndex } from '../../../src/search/index.ts';
import { parseOptions, type PipelineOptions } from '../../../src/pipeline/cli/options.ts';
import { createProgress } from '../../../src/pipeline/cli/progress.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'atlas-outdir-'));

let base: ArtifactParts;

beforeAll(async () => {
  const options = parseOptions(['--input', 'data/papers.jsonl', '--quiet']) as PipelineOptions;
  const ingested = await ingestFile(options.input);
  const result = await runPipeline(ingested.papers, options, createProgress({ quiet: true }));
  const input = { file: 'papers.jsonl', sha256: ingested.sha256, format: ingested.report.format, report: ingested.report };
  base = toArtifactParts(ingested.papers, result, input, {}, buildSearchIndex(ingested.papers.map((p) => `${p.title}\n${p.abstract}`)));
}, 60_000);

/** The bundled corpus's artifact with one column changed, so each `seed` gives other file names. */
function parts(seed: number): ArtifactParts {
  const x = Float32Array.from(base.columns.x as Float32Array);
  x[0] = seed;
  return { ...base, columns: { ...base.columns, x } };
}

describe('isOwnFile', () => {
  it('knows the names the writer gives and no others', () => {
    for (const name of ['manifest.json', '.topic-atlas.lock', 'x.0123456789ab.bin', '00001.0123456789ab.json', 'titles.0123456789ab.json.tmp-123']) {
      expect(isOwnFile(name), name).toBe(true);
    }
    for (const name of ['notes.txt', 'corpus.jsonl', 'package.json', 'x.0123456789a.bin', 'x.0123456789AB.bin', 'thesis.pdf', '..']) {
      expect(isOwnFile(name), name).toBe(false);
    }
  });
});

describe('inspectOutDir', () => {
  it('accepts a missing or empty folder, and names what it found in a foreign one', async () => {
    const root = fresh();
    expect(await inspectOutDir(join(root, 'new'), '--out')).toEqual({ kind: 'missing' });
    expect(await inspectOutDir(root, '--out')).toEqual({ kind: 'empty' });
    writeFileSync(join(root, 'corpus.jsonl'), '{}');
    await expect(inspectOutDir(root, '--out')).rejects.toThrow(
      new UserError(`--out ${root}: the folder is not empty and holds no topic-atlas artifact (it has corpus.jsonl); nothing was written or deleted; choose a new or empty folder`),
    );
  });

  it('refuses a file, and a folder whose manifest.json is somebody else’s', async () => {
    const root = fresh();
    writeFileSync(join(root, 'f'), 'x');
    await expect(inspectOutDir(join(root, 'f'), '--out')).rejects.toThrow(/is a file, expected a folder/);
    writeFileSync(join(root, 'manifest.json'), '{"name": "a web app"}');
    await expect(inspectOutDir(root, '--out')).rejects.toThrow(/manifest\.json \(not a topic-atlas manifest\)/);
  });

  it('treats a docs/ folder holding the user’s files as theirs', async () => {
    const root = fresh();
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'chapter1.md'), '#');
    await expect(inspectOutDir(root, '--out')).rejects.toThrow(/it has docs/);
  });

  it('accepts the leftovers of a first run stopped before its commit', async () => {
    const root = fresh();
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'x.0123456789ab.bin'), 'x');
    writeFileSync(join(root, 'docs', '00000.0123456789ab.json.tmp-77'), 'x');
    expect(await inspectOutDir(root, '--out')).toEqual({ kind: 'leftovers' });
  });
});

describe('writeArtifact', () => {
  it('refuses a folder holding the user’s files and leaves every one of them', async () => {
    const root = fresh();
    writeFileSync(join(root, 'thesis.tex'), 'x');
    mkdirSync(join(root, 'sub'));
    await expect(writeArtifact(root, parts(1))).rejects.toThrow(UserError);
    expect(readdirSync(root).sort()).toEqual(['sub', 'thesis.tex']);
  });

  it('replaces its own files, sweeps its leftovers, and keeps the user’s files beside the artifact', async () => {
    const root = fresh();
    const first = await writeArtifact(root, parts(1));
    writeFileSync(join(root, 'notes.txt'), 'mine');
    writeFileSync(join(root, 'docs', 'mine.md'), 'mine');
    writeFileSync(join(root, 'search.aaaaaaaaaaaa.bin.tmp-999'), 'left by a killed run');
    writeFileSync(join(root, 'y.bbbbbbbbbbbb.bin'), 'left by a killed run');
    const second = await writeArtifact(root, parts(2));
    expect(second.columns.x!.file).not.toBe(first.columns.x!.file);
    const names = readdirSync(root).sort();
    expect(names).toContain('notes.txt');
    expect(existsSync(join(root, 'docs', 'mine.md'))).toBe(true);
    expect(names).not.toContain(first.columns.x!.file);
    expect(names).not.toContain('search.aaaaaaaaaaaa.bin.tmp-999');
    expect(names).not.toContain('y.bbbbbbbbbbbb.bin');
    expect(names).toContain(second.columns.x!.file);
  });

  it('never deletes a file that a crafted previous manifest names', async () => {
    const root = fresh();
    await writeArtifact(root, parts(1));
    const outside = fresh();
    writeFileSync(join(outside, 'victim.txt'), 'x');
    writeFileSync(join(root, 'precious.txt'), 'x');
    const crafted = JSON.parse(JSON.stringify(await writeArtifact(root, parts(1))));
    crafted.titles.files[0] = '../' + outside.split('/').pop() + '/victim.txt';
    crafted.docs.files[0] = 'precious.txt';
    writeFileSync(join(root, 'manifest.json'), JSON.stringify(crafted));
    await writeArtifact(root, parts(3));
    expect(existsSync(join(outside, 'victim.txt'))).toBe(true);
    expect(existsSync(join(root, 'precious.txt'))).toBe(true);
  });
});
