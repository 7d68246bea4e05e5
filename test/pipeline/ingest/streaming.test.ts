/** Chunk boundaries must never matter: feed the readers one character at a time. */
import { describe, expect, it } from 'vitest';
import { peekText, splitLines, type Line } from '../../../src/pipeline/ingest/lines.ts';
import { readCsv } from '../../../src/pipeline/ingest/readers/csv.ts';
import { readJsonArray } from '../../../src/pipeline/ingest/readers/json-array.ts';
import type { RawRow } from '../../../src/pipeline/ingest/readers/row.ts';
import { chunksOf, collect } from './scratch.ts';

describe('splitLines', () => {
  it.each([1, 2, 3, 1000])('splits LF and CRLF lines the same way with %i-character chunks', async (size) => {
    const lines = await collect(splitLines(chunksOf('a\r\nbb\n\nccc\r\n\r\nlast', size)));
    expect(lines).toEqual<Line[]>([
      { text: 'a', line: 1 },
      { text: 'bb', line: 2 },
      { text: '', line: 3 },
      { text: 'ccc', line: 4 },
      { text: '', line: 5 },
      { text: 'last', line: 6 },
    ]);
  });
});

describe('peekText', () => {
  it('returns a prefix and replays it before the rest', async () => {
    const { prefix, chunks } = await peekText(chunksOf('abcdefghij', 3), 4);
    expect(prefix).toBe('abcdef');
    expect((await collect(chunks)).join('')).toBe('abcdefghij');
  });
});

describe('readers on one-character chunks', () => {
  const json = '[\n {"t": "a,]}\\"", "n": [1, {"x": "]"}]},\n 2 ,\n {"t": "b"}\n]';
  it.each([1, 2, 7, 1000])('JSON array with %i-character chunks', async (size) => {
    const rows = await collect(readJsonArray(chunksOf(json, size)));
    expect(rows).toEqual<RawRow[]>([
      { kind: 'record', line: 2, value: { t: 'a,]}"', n: [1, { x: ']' }] } },
      { kind: 'record', line: 3, value: 2 },
      { kind: 'record', line: 4, value: { t: 'b' } },
    ]);
  });

  it('CSV with quoted newlines across one-character chunks', async () => {
    const csv = 'id,title\r\n1,"multi\r\nline, ""quoted"""\r\n2,plain\r\n';
    const rows = await collect(readCsv(splitLines(chunksOf(csv, 1)), () => {}));
    expect(rows).toEqual<RawRow[]>([
      { kind: 'record', line: 2, value: { id: '1', title: 'multi\nline, "quoted"' } },
      { kind: 'record', line: 4, value: { id: '2', title: 'plain' } },
    ]);
  });
});
