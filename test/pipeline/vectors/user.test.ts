/** Reading the user's vectors (JSONL, .npy, an input field) and matching them to the kept papers. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alignVectors, readVectorsFile, userVectorsReader, type VectorRows } from '../../../src/pipeline/vectors/user.ts';
import { ingestFile } from '../../../src/pipeline/ingest/index.ts';
import { float32Npy } from './planted.ts';

const dir = mkdtempSync(join(tmpdir(), 'atlas-vectors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const paper = (i: number) => ({ id: `p${i}`, title: `Title ${i}`, abstract: `Abstract number ${i} about things.`, date: '2024-01' });
/** Five records; the third is a duplicate of the first (skipped), so kept papers are records 0, 1, 3, 4. */
const corpus = write('corpus.jsonl', [paper(0), paper(1), paper(0), paper(3), paper(4)].map((r) => JSON.stringify(r)).join('\n') + '\n');

async function ingested(path = corpus, onRecord?: (value: unknown, record: number, line: number) => void) {
  return ingestFile(path, onRecord ? { onRecord } : {});
}

/** Rows of the matrix, rounded to 6 decimals (float32 unit rows are not exact). */
function matrix(v: { data: Float32Array; dims: number }): number[][] {
  return Array.from({ length: v.data.length / v.dims }, (_, i) => Array.from(v.data.subarray(i * v.dims, (i + 1) * v.dims), (x) => Math.round(x * 1e6) / 1e6));
}

async function align(rows: VectorRows) {
  const warnings: string[] = [];
  const r = await ingested();
  const result = alignVectors(rows, { papers: r.papers, records: r.records, read: r.report.read, input: 'corpus.jsonl' }, (w) => warnings.push(w));
  return { result, warnings };
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('ingest numbers records for the vectors', () => {
  it('gives each kept paper the index of its record, skipped records counted', async () => {
    const seen: number[] = [];
    const r = await ingested(corpus, (_value, record) => seen.push(record));
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(r.records).toEqual([0, 1, 3, 4]);
    expect(r.report.read).toBe(5);
  });
});

describe('positional vectors (.npy, JSONL arrays): row i is record i', () => {
  it('picks the kept records’ rows and scales each to unit length', async () => {
    const file = write('pos.jsonl', '[3, 4]\n[0, 2]\n[9, 9]\n\n[1, 0]\n[0, -5]\n');
    const rows = await readVectorsFile(file);
    expect([rows.rows, rows.dims]).toEqual([5, 2]);
    const { result, warnings } = await align(rows);
    expect(matrix(result)).toEqual([[0.6, 0.8], [0, 1], [1, 0], [0, -1]]);
    expect(result).toMatchObject({ dims: 2, source: 'pos.jsonl', kind: 'file', zero: 0 });
    expect(warnings).toEqual([]);
  });

  it('reads the same from a .npy matrix', async () => {
    const rows = await readVectorsFile(write('pos.npy', float32Npy(5, 2, [3, 4, 0, 2, 9, 9, 1, 0, 0, -5])));
    expect(matrix((await align(rows)).result)).toEqual([[0.6, 0.8], [0, 1], [1, 0], [0, -1]]);
  });

  it('states both counts when the rows do not match the records', async () => {
    const rows = await readVectorsFile(write('four.npy', float32Npy(4, 2, [1, 0, 0, 1, 1, 1, 2, 2])));
    expect(await failure(align(rows))).toBe(
      `${join(dir, 'four.npy')}: 4 vectors, but corpus.jsonl has 5 records (one vector per record in input order, skipped rows included; ingest kept 4)`,
    );
  });

  it('names the row of a NaN, an Infinity or a wrong length, 1-based, with the file', async () => {
    const npy = write('nan.npy', float32Npy(5, 2, [1, 0, 0, 1, 1, NaN, 2, 2, 1, 1]));
    expect(await failure(readVectorsFile(npy))).toBe(`${npy} row 3: element 2 is NaN, not a finite number`);
    const inf = write('inf.npy', float32Npy(5, 2, [1, 0, 0, 1, 1, 1, 2, 2, -Infinity, 1]));
    expect(await failure(readVectorsFile(inf))).toBe(`${inf} row 5: element 1 is -Infinity, not a finite number`);
    const jsonNaN = write('nan.jsonl', '[1, 0]\n[NaN, 1]\n');
    expect(await failure(readVectorsFile(jsonNaN))).toBe(`${jsonNaN}:2: the vector holds NaN or Infinity`);
    const short = write('short.jsonl', '[1, 0, 2]\n\n[0, 1, 1]\n[0, 1]\n');
    expect(await failure(readVectorsFile(short))).toBe(`${short}:4: the vector has 2 numbers, the first one 3`);
    const text = write('text.jsonl', '[1, 0]\n[1, "x"]\n');
    expect(await failure(readVectorsFile(text))).toBe(`${text}:2: element 2 is the string "x", not a finite number`);
    const notJson = write('bad.jsonl', '[1, 0]\n[1, 0\n');
    expect(await failure(readVectorsFile(notJson))).toMatch(new RegExp(`^${notJson}:2: invalid JSON \\(`));
  });

  it('keeps an all-zero vector as a zero row and warns with the count and the first row', async () => {
    const rows = await readVectorsFile(write('zero.jsonl', '[1, 1]\n[0, 0]\n[5, 5]\n[0, 0]\n[2, 0]\n'));
    const { result, warnings } = await align(rows);
    expect(matrix(result)).toEqual([[0.707107, 0.707107], [0, 0], [0, 0], [1, 0]]);
    expect(result.zero).toBe(2);
    expect(warnings).toEqual([
      `vectors: 2 papers have an all-zero vector (first: ${join(dir, 'zero.jsonl')}:2); kept, but their cluster and map position say nothing about their topic`,
    ]);
  });
});

describe('JSONL {"id", "vector"} rows: matched by id', () => {
  it('matches rows in any order, and warns about rows no kept paper has', async () => {
    const file = write('ids.jsonl', ['{"id": "p4", "vector": [0, 3]}', '{"id": "p0", "vector": [2, 0]}', '{"id": "p9", "vector": [1, 1]}', '{"id": "p3", "vector": [1, 0]}', '{"id": "p1", "vector": [0, -1]}'].join('\n'));
    const { result, warnings } = await align(await readVectorsFile(file));
    expect(matrix(result)).toEqual([[1, 0], [0, -1], [1, 0], [0, 1]]);
    expect(warnings).toEqual([`vectors: 1 row of ${file} match no kept paper (skipped rows, or ids not in corpus.jsonl); not used`]);
  });

  it('names the first kept paper without a vector, a repeated id, and a mix of forms', async () => {
    const missing = write('missing.jsonl', '{"id": "p0", "vector": [1]}\n{"id": "p1", "vector": [1]}\n');
    expect(await failure(align(await readVectorsFile(missing)))).toBe(`${missing}: no vector for 2 of the 4 kept papers (first: id "p3", corpus.jsonl:4)`);
    const twice = write('twice.jsonl', '{"id": "p0", "vector": [1]}\n{"id": 7, "vector": [2]}\n{"id": "p0", "vector": [3]}\n');
    expect(await failure(align(await readVectorsFile(twice)))).toBe(`${twice}:3: id "p0" already has a vector at ${twice}:1`);
    const mixed = write('mixed.jsonl', '{"id": "p0", "vector": [1]}\n[2]\n');
    expect(await failure(readVectorsFile(mixed))).toBe(`${mixed}:2: a bare array after objects on the lines above; use one form for the whole file`);
    const noVector = write('novector.jsonl', '{"id": "p0", "embedding": [1]}\n');
    expect(await failure(readVectorsFile(noVector))).toBe(`${noVector}:1: expected {"id": ..., "vector": [...]}: no "vector"`);
    const noId = write('noid.jsonl', '{"vector": [1]}\n');
    expect(await failure(readVectorsFile(noId))).toBe(`${noId}:1: expected {"id": ..., "vector": [...]}: no string or number "id"`);
  });
});

describe('--vectors-field: a field of each input record', () => {
  // The third record is a duplicate of the first, without the field: skipped, so it needs none.
  const fieldCorpus = write(
    'field.jsonl',
    [{ ...paper(0), embedding: [0, 2] }, { ...paper(1), embedding: [3, 4] }, paper(0), { ...paper(3), embedding: [1, 0] }].map((r) => JSON.stringify(r)).join('\n') + '\n',
  );

  it('reads the field during ingest and matches it to the kept papers (a skipped record may lack it)', async () => {
    const reader = (await userVectorsReader(null, 'embedding', 'field.jsonl'))!;
    const r = await ingestFile(fieldCorpus, { onRecord: reader.onRecord! });
    const v = reader.align(r, () => undefined);
    expect(matrix(v)).toEqual([[0, 1], [0.6, 0.8], [1, 0]]);
    expect(v).toMatchObject({ source: 'field "embedding"', kind: 'field', dims: 2 });
  });

  it('names the line of a kept paper without the field, and of a bad value', async () => {
    const lacking = write('lacking.jsonl', [{ ...paper(0), embedding: [1, 0] }, paper(1)].map((r) => JSON.stringify(r)).join('\n'));
    const reader = (await userVectorsReader(null, 'embedding', 'lacking.jsonl'))!;
    const r = await ingestFile(lacking, { onRecord: reader.onRecord! });
    expect(() => reader.align(r, () => undefined)).toThrow('lacking.jsonl:2: no "embedding" field holding a vector (every kept paper needs one)');

    const bad = write('badfield.jsonl', [{ ...paper(0), embedding: [1, 0] }, { ...paper(1), embedding: [1, null] }].map((r) => JSON.stringify(r)).join('\n'));
    const reader2 = (await userVectorsReader(null, 'embedding', 'badfield.jsonl'))!;
    expect(await failure(ingestFile(bad, { onRecord: reader2.onRecord! }))).toBe('badfield.jsonl:2: field "embedding": element 2 is null, not a finite number');
  });

  it('reads a CSV cell holding a JSON array', async () => {
    const csv = write('v.csv', 'id,title,abstract,embedding\na,First title,First abstract text here,"[1, 0]"\nb,Second title,Second abstract text here,"[0, 2]"\n');
    const reader = (await userVectorsReader(null, 'embedding', 'v.csv'))!;
    const r = await ingestFile(csv, { onRecord: reader.onRecord! });
    expect(matrix(reader.align(r, () => undefined))).toEqual([[1, 0], [0, 1]]);
  });
});
