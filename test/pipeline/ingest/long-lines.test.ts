/** A line over the length cap is skipped without being held in memory, counted, and named by its line. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue, ingestFile } from '../../../src/pipeline/ingest/index.ts';
import { MAX_LINE_CHARS, splitLines, type Line } from '../../../src/pipeline/ingest/lines.ts';
import { readCsv } from '../../../src/pipeline/ingest/readers/csv.ts';
import { readDailyPapers } from '../../../src/pipeline/ingest/readers/daily-papers.ts';
import type { RawRow } from '../../../src/pipeline/ingest/readers/row.ts';
import type { IngestIssue } from '../../../src/pipeline/ingest/types.ts';
import { chunksOf, collect } from './scratch.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ingest-long-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('splitLines with a length cap', () => {
  it.each([1, 3, 100])('yields an over-long line as tooLong with its start, then goes on (%i-character chunks)', async (size) => {
    const lines = await collect(splitLines(chunksOf('short\n0123456789abc\r\nok\nlast-is-too-long', size), 10));
    expect(lines).toEqual<Line[]>([
      { text: 'short', line: 1 },
      { text: '0123456789abc', line: 2, tooLong: true },
      { text: 'ok', line: 3 },
      { text: 'last-is-too-long', line: 4, tooLong: true },
    ]);
  });

  it('a line of exactly the cap is a normal line', async () => {
    expect(await collect(splitLines(chunksOf('0123456789\n', 4), 10))).toEqual([{ text: '0123456789', line: 1 }]);
  });
});

describe('readers on an over-long line', () => {
  it('CSV: a long line on its own is one line-too-long row; inside an open quote, the record is malformed and the lines after it are read again', async () => {
    const csv = 'id,title,abstract\na,T,"opens\nb,T2,A2\n' + 'x'.repeat(30) + '\nc,T3,A3\n';
    const rows = await collect(readCsv(splitLines(chunksOf(csv, 7), 20), () => {}));
    expect(rows.map((r) => [r.kind, r.line, r.kind === 'malformed' ? (r.reason ?? 'malformed') : ''])).toEqual([
      ['malformed', 2, 'malformed'],
      ['record', 3, ''],
      ['malformed', 4, 'line-too-long'],
      ['record', 5, ''],
    ]);
  });

  it('Daily Papers: a title whose abstract has an over-long line is one line-too-long row at the title', async () => {
    const page = `Title One\n\n${'An abstract sentence. '.repeat(10)}\n\nTitle Two\n\n${'y'.repeat(500)}\n\nTitle Three\n\n${'More abstract text. '.repeat(10)}\n`;
    const rows: RawRow[] = await collect(readDailyPapers(splitLines(chunksOf(page, 64), 300)));
    expect(rows.map((r) => [r.kind, r.line])).toEqual([
      ['record', 1],
      ['malformed', 5],
      ['record', 9],
    ]);
    expect(rows[1]).toMatchObject({ reason: 'line-too-long' });
  });
});

describe('ingest of a JSONL file with a line over MAX_LINE_CHARS', () => {
  it('skips it as line-too-long, keeps the lines around it, read = kept + skipped', async () => {
    const path = join(tmp, 'long.jsonl');
    const good = (i: number) => JSON.stringify({ id: `p${i}`, title: `T ${i}`, abstract: `A ${i}.` });
    writeFileSync(path, `${good(1)}\n{"title": "huge", "abstract": "${'x'.repeat(MAX_LINE_CHARS)}"}\n${good(3)}\n`);
    const issues: IngestIssue[] = [];
    const { papers, report } = await ingestFile(path, { onIssue: (i) => issues.push(i) });
    expect(papers.map((p) => p.id)).toEqual(['p1', 'p3']);
    expect(report.skipped).toEqual({ 'line-too-long': 1 });
    expect(report.read).toBe(3);
    expect(formatIssue(issues[0]!)).toBe(
      `${path}:2: skipped (line-too-long): line over 64 Mi characters, skipped unread: {"title": "huge", "abstract": "${'x'.repeat(68)}…`,
    );
  }, 30_000);
});
