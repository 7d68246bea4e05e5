import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue, formatReport, ingestFile, UserError } from '../../../src/pipeline/ingest/index.ts';
import type { IngestIssue, IngestReport } from '../../../src/pipeline/ingest/types.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ingest-bad-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tmpFile(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

async function ingestCollecting(path: string) {
  const issues: IngestIssue[] = [];
  const result = await ingestFile(path, { onIssue: (issue) => issues.push(issue) });
  return { ...result, issues };
}

function skippedTotal(report: IngestReport): number {
  return Object.values(report.skipped).reduce((a, b) => a + (b ?? 0), 0);
}

const GOOD = (i: number) => JSON.stringify({ id: `g${i}`, title: `Good ${i}`, abstract: `Good abstract ${i}.` });

const BAD_JSONL = [
  GOOD(1), //                                                                       1
  '{"id": "b2", "title": "Truncated", "abstr', //                                    2 malformed
  '[1, 2, 3]', //                                                                    3 not-an-object
  '"just a string"', //                                                              4 not-an-object
  '{"id": "b5", "abstract": "No title here."}', //                                   5 missing-title
  '{"id": "b6", "title": "   ", "abstract": "Blank title."}', //                      6 missing-title
  '{"id": "b7", "title": 42, "abstract": "Numeric title."}', //                       7 missing-title
  '{"id": "b8", "title": "No abstract"}', //                                         8 empty-abstract
  '{"id": "b9", "title": "Blank abstract", "abstract": " \\n "}', //                  9 empty-abstract
  '{"id": "g1", "title": "Same id", "abstract": "Different text."}', //              10 duplicate (id)
  '{"id": "b11", "title": "good  1", "abstract": "GOOD abstract 1."}', //            11 duplicate (content)
  '{"id": "b12", "title": "Bad date", "abstract": "Kept.", "date": "2023-02-30"}', // 12 bad-date (kept)
  '', //                                                                             13 blank: not a row
  'null', //                                                                        14 not-an-object
  '{"id": "d15", "abstract": "We measure the thermal conductivity of graphene, e.g. at 4.2 K. It is high."}', // 15 kept, title derived
  '{"id": "d16", "title": "A title long enough to stand as the text of a paper"}', // 16 kept, title-only
];

describe('bad rows', () => {
  it('reports every kind of bad row by reason and line; read = kept + skipped', async () => {
    const path = tmpFile('bad.jsonl', BAD_JSONL.join('\n') + '\n');
    const { papers, report, issues } = await ingestCollecting(path);
    expect(issues.map((i) => [i.line, i.reason, i.skipped])).toEqual([
      [2, 'malformed', true],
      [3, 'not-an-object', true],
      [4, 'not-an-object', true],
      [5, 'missing-title', true],
      [6, 'missing-title', true],
      [7, 'missing-title', true],
      [8, 'empty-abstract', true],
      [9, 'empty-abstract', true],
      [10, 'duplicate', true],
      [11, 'duplicate', true],
      [12, 'bad-date', false],
      [14, 'not-an-object', true],
    ]);
    expect(report.skipped).toEqual({
      malformed: 1,
      'not-an-object': 3,
      'missing-title': 3,
      'empty-abstract': 2,
      duplicate: 2,
    });
    expect(report.read).toBe(15);
    expect(report.kept).toBe(4);
    expect(report.titlesFromAbstract).toBe(1);
    expect(report.titleOnly).toBe(1);
    expect(report.read).toBe(report.kept + skippedTotal(report));
    expect(report.badDates).toBe(1);
    expect(report.undated).toBe(4);
    expect(papers.map((p) => [p.id, p.title, p.abstract.length > 0, p.titleFromAbstract ?? false, p.titleOnly ?? false])).toEqual([
      ['g1', 'Good 1', true, false, false],
      ['b12', 'Bad date', true, false, false],
      ['d15', 'We measure the thermal conductivity of graphene, e.g. at 4.2 K', true, true, false],
      ['d16', 'A title long enough to stand as the text of a paper', false, false, true],
    ]);
    expect(formatReport(report)).toBe(
      'read 15, kept 4, skipped 11 (missing-title 3, not-an-object 3, duplicate 2, empty-abstract 2, malformed 1); 4 undated (1 bad date); ' +
        "1 title made from the abstract's first sentence; 1 title-only (no abstract; the title is the text)",
    );
    expect(formatIssue(issues[3])).toBe(`${path}:5: skipped (missing-title): no title field, and the abstract is too little text to stand alone (fewer than 5 words)`);
    expect(formatIssue(issues[6])).toBe(`${path}:8: skipped (empty-abstract): no abstract/summary/text field for "No abstract" (a title alone is kept from 8 words)`);
    expect(formatIssue(issues[8])).toBe(`${path}:10: skipped (duplicate): id g1 already read at line 1`);
    expect(formatIssue(issues[9])).toBe(`${path}:11: skipped (duplicate): same title and abstract as line 1`);
    expect(formatIssue(issues[7])).toBe(`${path}:9: skipped (empty-abstract): abstract is blank for "Blank abstract" (a title alone is kept from 8 words)`);
    expect(formatIssue(issues[10])).toBe(`${path}:12: kept undated (bad-date): date "2023-02-30" is not a date`);
    expect(formatIssue(issues[2])).toBe(`${path}:4: skipped (not-an-object): expected an object, got a string`);
  });

  it('strict: the first bad row throws a UserError naming file:line:reason', async () => {
    const path = tmpFile('strict.jsonl', BAD_JSONL.join('\n'));
    const seen: IngestIssue[] = [];
    const error = await ingestFile(path, { strict: true, onIssue: (i) => seen.push(i) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:2: skipped \\(malformed\\): invalid JSON`));
    expect(seen.length).toBe(1);
  });

  it('strict: a bad date alone also throws', async () => {
    const path = tmpFile('strict-date.jsonl', `${GOOD(1)}\n{"title": "T", "abstract": "A", "date": "month 13"}\n`);
    await expect(ingestFile(path, { strict: true })).rejects.toThrow(`${path}:2: kept undated (bad-date): date "month 13" is not a date`);
    await expect(ingestFile(path)).resolves.toMatchObject({ report: { kept: 2, badDates: 1, undated: 2 } });
  });

  it('JSON array: malformed, non-object and empty elements are reported with their line', async () => {
    const text = ['[', GOOD(1) + ',', '{"title": "x", "abstract": }, 7,', '"s",', ',', '{"title": "T2", "abstract": "A2"}', ']'].join('\n');
    const { report, issues, papers } = await ingestCollecting(tmpFile('bad.json', text));
    expect(issues.map((i) => [i.line, i.reason])).toEqual([
      [3, 'malformed'],
      [3, 'not-an-object'],
      [4, 'not-an-object'],
      [5, 'malformed'],
    ]);
    expect(papers.map((p) => p.title)).toEqual(['Good 1', 'T2']);
    expect(report.read).toBe(6);
  });

  it('JSON array: a truncated file reports the unterminated element', async () => {
    const { issues, report } = await ingestCollecting(tmpFile('trunc.json', `[\n${GOOD(1)},\n{"title": "cut`));
    expect(issues.map((i) => [i.line, i.reason, i.detail])).toEqual([[3, 'malformed', 'unterminated array element at end of file']]);
    expect(report.kept).toBe(1);
  });

  it('CSV: wrong field counts and broken quoting are malformed rows; a stray quote does not swallow the file', async () => {
    const text = [
      'id,title,abstract', //                       1
      'a,Good A,Abstract A', //                      2
      'b,Too,many,fields', //                        3 malformed (4 fields)
      'c,Too few', //                                4 malformed (2 fields)
      'd,"Closed"then text,Abstract D', //           5 malformed (text after closing quote)
      'e,"Never closed,Abstract E', //              6 malformed (opens a quote …)
      'f,Good F,Abstract F', //                      7 … re-read after recovery
      'g,Bad "quote" inside,Abstract G', //          8 malformed (quote in unquoted field)
      'h,Good H,"Multi', //                          9 good, spans 2 lines
      'line abstract"', //                          10
      'i,"Open at end,Abstract I', //               11 malformed, never closed
      'j,Good J,Abstract J', //                     12 re-read after end-of-file recovery
    ].join('\n');
    const { report, issues, papers } = await ingestCollecting(tmpFile('bad.csv', text));
    expect(issues.map((i) => [i.line, i.reason])).toEqual([
      [3, 'malformed'],
      [4, 'malformed'],
      [5, 'malformed'],
      [6, 'malformed'],
      [8, 'malformed'],
      [11, 'malformed'],
    ]);
    expect(papers.map((p) => [p.id, p.abstract, p.line])).toEqual([
      ['a', 'Abstract A', 2],
      ['f', 'Abstract F', 7],
      ['h', 'Multi line abstract', 9],
      ['j', 'Abstract J', 12],
    ]);
    expect(report.read).toBe(10);
    expect(issues[0].detail).toBe('4 fields, header has 3: b,Too,many,fields');
  });

  it('Daily Papers: a paragraph without a title is a missing-title row (on a page, nothing says it is a paper)', async () => {
    const long = 'An abstract paragraph that is long enough to be an abstract, with several sentences. '.repeat(4);
    const text = `Header\n\nTitle One\n\n${long}\n\n${long.replace('An', 'Another')}\n`;
    const { issues, papers, report } = await ingestCollecting(tmpFile('orphan.txt', text));
    expect(issues.map((i) => [i.line, i.reason])).toEqual([[7, 'missing-title']]);
    expect(papers.map((p) => p.title)).toEqual(['Title One']);
    expect(report.ignored).toBe(1);
  });
});

describe('unusable input → one-line UserError naming the file', () => {
  it.each([
    ['missing file', () => join(tmp, 'nope.jsonl'), 'cannot read file (no such file)'],
    ['directory', () => (mkdirSync(join(tmp, 'dir'), { recursive: true }), join(tmp, 'dir')), 'is a directory'],
    ['empty file', () => tmpFile('empty.jsonl', ''), 'file is empty'],
    ['blank file', () => tmpFile('blank.jsonl', '\n \n\t\n'), 'file is empty'],
    ['empty gzip', () => tmpFile('empty.gz', gzipSync(Buffer.alloc(0))), 'file is empty (after decompression)'],
    ['corrupt gzip', () => tmpFile('corrupt.gz', Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7])), 'cannot decompress gzip data'],
    ['no papers kept', () => tmpFile('none.jsonl', '{"title": "T"}\n'), 'no papers kept (read 1, kept 0, skipped 1 (empty-abstract 1)'],
  ])('%s', async (_name, makePath, message) => {
    const path = makePath();
    const error = await ingestFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message.startsWith(`${path}:`)).toBe(true);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
