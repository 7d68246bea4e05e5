/**
 * Vectors the user computed elsewhere (`--vectors FILE`, `--vectors-field NAME`),
 * read and matched to the kept papers. Three sources:
 *   - a .npy float32/float64 matrix: row i is the input's record i;
 *   - a JSONL file of one array per line: line i (blank lines not counted) is record i;
 *     or of `{"id": ..., "vector": [...]}` objects, matched to papers by id;
 *   - a field of each input record holding an array (read during ingest).
 * "Record i" counts every record the input holds, skipped and duplicate ones
 * included (the `read` count of the ingest summary), so a matrix computed from
 * the raw file lines up however many rows ingest drops.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserError, type Paper } from '../ingest/types.ts';
import { describeFsError } from '../ingest/fsError.ts';
import { openTextSource } from '../ingest/source.ts';
import { splitLines } from '../ingest/lines.ts';
import { printable } from '../ingest/printable.ts';
import { hasNpyMagic, readNpyFile } from './npy.ts';

/** Vectors as read, before they are matched to papers: `rows` × `dims`, row-major. */
export interface VectorRows {
  /** The file as messages name it. */
  file: string;
  /** Field mode: the field's name. */
  field?: string;
  rows: number;
  dims: number;
  data: Float32Array;
  /** Where row r (0-based) is, for messages: "vecs.npy row 17", "vecs.jsonl:17". */
  where: (row: number) => string;
  /** Row r belongs to the paper with id ids[r] (JSONL objects); absent: rows are in record order. */
  ids?: string[];
  /** Field mode: row of each input record, -1 where the record has no vector. */
  rowOfRecord?: Int32Array;
}

/** The vectors the pipeline clusters and maps on, one unit row per kept paper (all-zero rows stay zero). */
export interface UserVectors {
  data: Float32Array;
  dims: number;
  /** The file's name ("vecs.npy") or 'field "embedding"', for the manifest and messages. */
  source: string;
  kind: 'file' | 'field';
  /** Papers whose vector is all zeros: they cannot be normalised and say nothing about their topic. */
  zero: number;
}

/** A growing rows × dims float32 matrix that checks each row as it is added. */
class RowBuffer {
  dims = 0;
  rows = 0;
  private data = new Float32Array(0);

  /** Adds `values` as a row, or returns why it cannot be one. */
  push(values: unknown): string | null {
    if (!Array.isArray(values)) return `expected an array of numbers, got ${describe(values)}`;
    if (values.length === 0) return 'the vector is empty';
    if (this.rows === 0) this.dims = values.length;
    else if (values.length !== this.dims) return `the vector has ${values.length} numbers, the first one ${this.dims}`;
    for (let j = 0; j < values.length; j++) {
      const v: unknown = values[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) return `element ${j + 1} is ${describe(v)}, not a finite number`;
    }
    if ((this.rows + 1) * this.dims > this.data.length) {
      const grown = new Float32Array(Math.max(1024, 2 * this.data.length, (this.rows + 1) * this.dims));
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set(values as number[], this.rows * this.dims);
    this.rows++;
    return null;
  }

  matrix(): Float32Array {
    return this.data.slice(0, this.rows * this.dims);
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v)}`;
  return typeof v === 'number' ? String(v) : `a${typeof v === 'object' ? 'n' : ''} ${typeof v}`;
}

/** JSON has no NaN or Infinity; Python's json.dumps writes them anyway, and a parse error would hide why. */
const NON_FINITE_TOKEN = /(?<![\w"])-?(NaN|Infinity)(?![\w"])/;

/** Reads `--vectors FILE`: a .npy matrix (by its magic bytes) or JSONL (.gz allowed). */
export async function readVectorsFile(path: string): Promise<VectorRows> {
  const file = printable(path);
  const head = new Uint8Array(6);
  let handle;
  try {
    handle = await open(path, 'r');
    await handle.read(head, 0, head.length, 0);
  } catch (e) {
    throw new UserError(`--vectors ${printable(path)}: cannot read it (${describeFsError(e)})`);
  } finally {
    await handle?.close();
  }
  if (hasNpyMagic(head) || path.toLowerCase().endsWith('.npy')) {
    const { rows, cols, data } = await readNpyFile(path, file);
    const rowsOut: VectorRows = { file, rows, dims: cols, data, where: (r) => `${file} row ${r + 1}` };
    checkFinite(rowsOut);
    return rowsOut;
  }
  return readVectorLines(path, file);
}

function checkFinite({ data, rows, dims, where }: VectorRows): void {
  for (let r = 0; r < rows; r++) {
    for (let j = r * dims; j < (r + 1) * dims; j++) {
      if (!Number.isFinite(data[j]!)) throw new UserError(`${where(r)}: element ${j - r * dims + 1} is ${data[j]}, not a finite number`);
    }
  }
}

async function readVectorLines(path: string, file: string): Promise<VectorRows> {
  const source = await openTextSource(path);
  const buffer = new RowBuffer();
  const lines: number[] = [];
  const ids: string[] = [];
  let shape: 'array' | 'object' | null = null;
  try {
    for await (const { text, line, tooLong } of splitLines(source.chunks)) {
      if (tooLong) throw new UserError(`${file}:${line}: line too long to be a vector`);
      if (text.trim() === '') continue;
      const fail = (why: string): never => {
        throw new UserError(`${file}:${line}: ${why}`);
      };
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        if (NON_FINITE_TOKEN.test(text)) fail('the vector holds NaN or Infinity');
        fail(`invalid JSON (${(e as Error).message.split('\n')[0]})`);
      }
      const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
      const lineShape = isObject ? 'object' : 'array';
      shape ??= lineShape;
      if (lineShape !== shape) fail(`a ${lineShape === 'object' ? '{"id", "vector"} object' : 'bare array'} after ${shape === 'object' ? 'objects' : 'arrays'} on the lines above; use one form for the whole file`);
      let vector = value;
      if (isObject) {
        const o = value as Record<string, unknown>;
        if (typeof o.id !== 'string' && typeof o.id !== 'number') fail('expected {"id": ..., "vector": [...]}: no string or number "id"');
        if (o.vector === undefined) fail('expected {"id": ..., "vector": [...]}: no "vector"');
        vector = o.vector;
        ids.push(String(o.id));
      }
      const problem = buffer.push(vector);
      if (problem) fail(problem);
      lines.push(line);
    }
    await source.finish();
  } finally {
    source.close();
  }
  if (buffer.rows === 0) throw new UserError(`${file}: no vectors in the file`);
  return {
    file,
    rows: buffer.rows,
    dims: buffer.dims,
    data: buffer.matrix(),
    where: (r) => `${file}:${lines[r]}`,
    ...(shape === 'object' ? { ids } : {}),
  };
}

/**
 * `--vectors-field NAME`: collects the array in field NAME of each input record
 * as ingest reads it (`onRecord`), so the input is read once, stdin and .gz included.
 * A CSV cell holding a JSON array ("[0.1, 0.2]") is read too.
 */
export function fieldVectors(field: string, inputName: string): { onRecord: (value: unknown, record: number, line: number) => void; rows: () => VectorRows } {
  const buffer = new RowBuffer();
  const rowOfRecord: number[] = [];
  const lines: number[] = [];
  const name = `field "${printable(field)}"`;
  return {
    onRecord(value, record, line) {
      while (rowOfRecord.length < record) rowOfRecord.push(-1);
      let v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
      if (v === undefined || v === null || v === '') {
        rowOfRecord.push(-1);
        return;
      }
      if (typeof v === 'string' && v.trimStart().startsWith('[')) {
        try {
          v = JSON.parse(v);
        } catch {
          throw new UserError(`${inputName}:${line}: ${name}: ${NON_FINITE_TOKEN.test(v as string) ? 'the vector holds NaN or Infinity' : 'not a JSON array of numbers'}`);
        }
      }
      const problem = buffer.push(v);
      if (problem) throw new UserError(`${inputName}:${line}: ${name}: ${problem}`);
      rowOfRecord.push(buffer.rows - 1);
      lines.push(line);
    },
    rows() {
      if (buffer.rows === 0) throw new UserError(`${inputName}: no record has a ${name} holding an array of numbers`);
      return { file: inputName, field, rows: buffer.rows, dims: buffer.dims, data: buffer.matrix(), where: (r) => `${inputName}:${lines[r]}`, rowOfRecord: Int32Array.from(rowOfRecord) };
    },
  };
}

export interface IngestedForVectors {
  papers: Paper[];
  /** Record index (0-based, over all records read) of each kept paper. */
  records: ArrayLike<number>;
  /** Records read (kept, skipped or duplicate). */
  read: number;
  /** The input as messages name it. */
  input: string;
}

/**
 * The row of `rows` for each kept paper, L2-normalised like the LSA output
 * (so cosine ≈ dot for k-means, the kNN graph and UMAP). Throws a one-line
 * UserError for a count mismatch or a kept paper without a vector. Consumes
 * `rows`: its matrix may be overwritten.
 */
export function alignVectors(rows: VectorRows, ingested: IngestedForVectors, warn: (message: string) => void): UserVectors {
  const { papers, records, read, input } = ingested;
  const n = papers.length;
  const rowOf = new Int32Array(n);
  if (rows.rowOfRecord) {
    for (let i = 0; i < n; i++) {
      rowOf[i] = rows.rowOfRecord[records[i]!] ?? -1;
      if (rowOf[i]! < 0) {
        throw new UserError(`${input}:${papers[i]!.line}: no ${JSON.stringify(rows.field)} field holding a vector (every kept paper needs one)`);
      }
    }
  } else if (rows.ids) {
    const rowOfId = new Map<string, number>();
    rows.ids.forEach((id, r) => {
      const seen = rowOfId.get(id);
      if (seen !== undefined) throw new UserError(`${rows.where(r)}: id ${JSON.stringify(id)} already has a vector at ${rows.where(seen)}`);
      rowOfId.set(id, r);
    });
    const missing: number[] = [];
    for (let i = 0; i < n; i++) {
      rowOf[i] = rowOfId.get(papers[i]!.id) ?? -1;
      if (rowOf[i]! < 0) missing.push(i);
    }
    if (missing.length > 0) {
      const first = papers[missing[0]!]!;
      throw new UserError(
        `${rows.file}: no vector for ${missing.length} of the ${n} kept papers (first: id ${JSON.stringify(first.id)}, ${input}:${first.line})`,
      );
    }
    const unused = rows.rows - n;
    if (unused > 0) warn(`vectors: ${unused} row${unused === 1 ? '' : 's'} of ${rows.file} match no kept paper (skipped rows, or ids not in ${input}); not used`);
  } else {
    if (rows.rows !== read) {
      throw new UserError(
        `${rows.file}: ${rows.rows} vectors, but ${input} has ${read} records (one vector per record in input order, skipped rows included; ingest kept ${n})`,
      );
    }
    for (let i = 0; i < n; i++) rowOf[i] = records[i]!;
  }
  const d = rows.dims;
  // Rows in record order (positional and field vectors): compacted and normalised in place, row i
  // never ahead of its source row, so a large matrix is not held twice. Rows matched by id are copied.
  const inPlace = rowOf.every((r, i) => r >= i && (i === 0 || r > rowOf[i - 1]!));
  const data = inPlace ? rows.data.subarray(0, n * d) : new Float32Array(n * d);
  let zero = 0;
  let firstZero = -1;
  for (let i = 0; i < n; i++) {
    const src = rowOf[i]! * d;
    let s = 0;
    for (let j = 0; j < d; j++) s += rows.data[src + j]! * rows.data[src + j]!;
    if (s === 0) {
      if (zero++ === 0) firstZero = rowOf[i]!;
      data.fill(0, i * d, (i + 1) * d);
      continue;
    }
    const f = 1 / Math.sqrt(s);
    for (let j = 0; j < d; j++) data[i * d + j] = rows.data[src + j]! * f;
  }
  if (zero > 0) {
    warn(
      `vectors: ${zero} paper${zero === 1 ? ' has' : 's have'} an all-zero vector (first: ${rows.where(firstZero)}); ` +
        `kept, but ${zero === 1 ? 'its' : 'their'} cluster and map position say nothing about ${zero === 1 ? 'its' : 'their'} topic`,
    );
  }
  return rows.field === undefined
    ? { data, dims: d, source: basename(rows.file), kind: 'file', zero }
    : { data, dims: d, source: `field "${printable(rows.field)}"`, kind: 'field', zero };
}

/** What a run needs for `--vectors FILE` or `--vectors-field NAME`: a hook for ingest, then the vectors of the kept papers. */
export interface UserVectorsReader {
  /** For IngestOptions.onRecord (field mode only). */
  onRecord?: (value: unknown, record: number, line: number) => void;
  align(ingested: { papers: Paper[]; records: ArrayLike<number>; report: { read: number } }, warn: (message: string) => void): UserVectors;
}

/**
 * Reads a vectors file now (so a bad one is said before ingest), or prepares to
 * collect a field during ingest; null when neither option is given.
 */
export async function userVectorsReader(file: string | null, field: string | null, input: string): Promise<UserVectorsReader | null> {
  if (file === null && field === null) return null;
  let fromFile = file !== null ? await readVectorsFile(file) : null;
  const fromField = field !== null ? fieldVectors(field, input) : null;
  return {
    ...(fromField ? { onRecord: fromField.onRecord } : {}),
    align: ({ papers, records, report }, warn) => {
      const rows = fromFile ?? fromField!.rows();
      // Not kept alive by this reader for the rest of the run (eval aligns once and runs many seeds).
      fromFile = null;
      return alignVectors(rows, { papers, records, read: report.read, input }, warn);
    },
  };
}
