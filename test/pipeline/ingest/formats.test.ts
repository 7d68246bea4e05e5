import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentId, formatReport, ingestFile } from '../../../src/pipeline/ingest/index.ts';
import { scratchFiles } from './scratch.ts';

const FIXTURES = new URL('../../fixtures/ingest/', import.meta.url).pathname;
const tmpFile = scratchFiles('ingest-formats-');

describe('JSONL', () => {
  it('reads fields, aliases, categories, labels and dates; collapses whitespace; keeps text as text', async () => {
    const { papers, report } = await ingestFile(join(FIXTURES, 'papers.jsonl'));
    expect(report).toEqual({
      file: join(FIXTURES, 'papers.jsonl'),
      format: 'jsonl',
      read: 4,
      kept: 4,
      skipped: {},
      undated: 0,
      badDates: 0,
      datedFromId: 1,
      ignored: 0,
      encoding: 'utf-8',
      invalidUtf8Rows: 0,
      warnings: [],
    });
    expect(papers).toEqual([
      {
        id: '2310.04965',
        title: 'Multi Script Handwriting',
        abstract: 'We study <b>scripts</b> &amp; skills. Second line.',
        date: '2023-10-07',
        dateSource: 'field',
        categories: ['cs.CL', 'cs.AI'],
        label: 'cs',
        line: 1,
      },
      {
        id: 'quant-ph/9501001',
        title: 'Old style id',
        abstract: 'An abstract with no date field.',
        date: '1995-01',
        dateSource: 'arxiv-id',
        categories: ['quant-ph'],
        label: 'quant-ph',
        line: 2,
      },
      {
        id: contentId('No id, labelled', 'Abstract given as summary.'),
        title: 'No id, labelled',
        abstract: 'Abstract given as summary.',
        date: '2020-01-01',
        dateSource: 'field',
        categories: ['math.AG'],
        label: 'custom',
        line: 4,
      },
      {
        id: contentId('Text field', 'Abstract given as text.'),
        title: 'Text field',
        abstract: 'Abstract given as text.',
        date: '2007-04-02',
        dateSource: 'field',
        categories: ['hep-th'],
        label: 'hep-th',
        line: 5,
      },
    ]);
  });

  it('returns the sha256 of the raw bytes', async () => {
    const path = join(FIXTURES, 'papers.jsonl');
    const { sha256 } = await ingestFile(path);
    expect(sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
  });

  it('maps field names with `columns`', async () => {
    const path = tmpFile('mapped.jsonl', '{"key": "a1", "name": "T", "body": "B", "when": "2021-05", "topic": "x"}\n');
    const { papers } = await ingestFile(path, {
      columns: { id: 'key', title: 'name', abstract: 'body', date: 'when', label: 'topic' },
    });
    expect(papers).toEqual([{ id: 'a1', title: 'T', abstract: 'B', date: '2021-05', dateSource: 'field', label: 'x', line: 1 }]);
  });
});

describe('JSON array (streamed)', () => {
  it('cuts elements at depth 1, ignoring brackets and commas inside strings', async () => {
    const { papers, report } = await ingestFile(join(FIXTURES, 'papers.json'));
    expect(report.format).toBe('json');
    expect(formatReport(report)).toBe('read 3, kept 3, skipped 0; 0 undated');
    expect(papers.map((p) => [p.id, p.title, p.abstract, p.date, p.line])).toEqual([
      ['0704.0001', 'First, with [brackets] and {braces}', 'Strings with "quotes", commas, ] and } inside.', '2007-04-02', 2],
      ['0704.0002', 'Second', 'Spans several lines of the file.', '2007-04-03', 3],
      [contentId('Nested', 'Has nested objects.'), 'Nested', 'Has nested objects.', '2019', 7],
    ]);
  });

  it('reads an array written on one line, across many small chunks', async () => {
    const items = Array.from({ length: 300 }, (_, i) => ({ id: `x${i}`, title: `T ${i}`, abstract: `Abstract number ${i}.` }));
    const { papers } = await ingestFile(tmpFile('one-line.json', JSON.stringify(items)));
    expect(papers.length).toBe(300);
    expect(papers[299]).toEqual({ id: 'x299', title: 'T 299', abstract: 'Abstract number 299.', date: null, line: 1 });
  });
});

describe('CSV', () => {
  it('handles RFC 4180 quoting, CRLF, float ids, Python-literal versions and the update_date fallback', async () => {
    const { papers, report } = await ingestFile(join(FIXTURES, 'papers.csv'));
    expect(report.format).toBe('csv');
    expect(formatReport(report)).toBe('read 3, kept 3, skipped 0; 0 undated; 1 dated from arXiv id');
    expect(papers).toEqual([
      {
        id: '0704.0010',
        title: 'Title, with comma',
        abstract: 'An abstract with "quoted" words and a newline.',
        date: '2007-04-02',
        dateSource: 'field',
        categories: ['astro-ph'],
        label: 'astro-ph',
        line: 2,
      },
      {
        id: '0704.2000',
        title: 'Plain title',
        abstract: 'Plain abstract.',
        date: '2007-04-03',
        dateSource: 'field',
        categories: ['math.CO', 'math.AG'],
        label: 'math',
        line: 4,
      },
      {
        id: '1501.10000',
        title: 'Five digit era',
        abstract: 'Another abstract.',
        date: '2015-01',
        dateSource: 'arxiv-id',
        categories: ['cs.LG'],
        label: 'cs',
        line: 5,
      },
    ]);
  });

  it('maps column names and accepts summary as the abstract column', async () => {
    const path = tmpFile('mapped.csv', 'Paper Title,summary,published\nHello,World abstract,2024-02-29\n');
    const { papers } = await ingestFile(path, { columns: { title: 'Paper Title' } });
    expect(papers).toEqual([
      { id: contentId('Hello', 'World abstract'), title: 'Hello', abstract: 'World abstract', date: '2024-02-29', dateSource: 'field', line: 2 },
    ]);
  });

  it('rejects a header without an abstract column, naming the file and the fix', async () => {
    const path = tmpFile('noabs.csv', 'id,title,body\n1,T,B\n');
    await expect(ingestFile(path)).rejects.toThrow(`${path}:1: CSV header has no abstract column`);
  });
});

describe('Daily Papers page', () => {
  it('pairs title/abstract paragraphs and counts page chrome as ignored', async () => {
    const { papers, report } = await ingestFile(join(FIXTURES, 'daily-page.txt'));
    expect(report.format).toBe('daily-papers');
    expect(formatReport(report)).toBe('read 2, kept 2, skipped 0; 2 undated; 6 non-paper paragraphs ignored');
    expect(papers.map((p) => [p.id, p.title, p.date, p.line])).toEqual([
      [contentId(papers[0]!.title, papers[0]!.abstract), 'A First Title About Skills', null, 11],
      [contentId(papers[1]!.title, papers[1]!.abstract), 'A Second Title', null, 15],
    ]);
  });
});

describe('format detection and gzip', () => {
  it('detects from content, not from the extension', async () => {
    const path = tmpFile('actually-jsonl.csv', '{"title": "T", "abstract": "A"}\n');
    expect((await ingestFile(path)).report.format).toBe('jsonl');
  });

  it('honours an explicit format', async () => {
    const path = tmpFile('forced.txt', '{"title": "T", "abstract": "A"}\n');
    const { report } = await ingestFile(path, { format: 'jsonl' });
    expect(report.format).toBe('jsonl');
  });

  it('gunzips by magic bytes, whatever the name, and hashes the compressed bytes', async () => {
    const raw = readFileSync(join(FIXTURES, 'papers.csv'));
    const gz = gzipSync(raw);
    const path = tmpFile('papers.data', gz);
    const progress: number[] = [];
    const { papers, report, sha256 } = await ingestFile(path, { onProgress: (read, total) => progress.push(read, total) });
    expect(report.format).toBe('csv');
    expect(papers.map((p) => p.id)).toEqual(['0704.0010', '0704.2000', '1501.10000']);
    expect(sha256).toBe(createHash('sha256').update(gz).digest('hex'));
    expect(progress.slice(-2)).toEqual([gz.length, gz.length]);
  });

  it('gzipped JSONL and JSON array', async () => {
    const jsonl = await ingestFile(tmpFile('a.gz', gzipSync(readFileSync(join(FIXTURES, 'papers.jsonl')))));
    expect([jsonl.report.format, jsonl.report.kept]).toEqual(['jsonl', 4]);
    const json = await ingestFile(tmpFile('b.gz', gzipSync(readFileSync(join(FIXTURES, 'papers.json')))));
    expect([json.report.format, json.report.kept]).toEqual(['json', 3]);
  });

  it('strips a UTF-8 byte-order mark', async () => {
    const path = tmpFile('bom.csv', '\ufeffid,title,abstract\n1,T,A\n');
    const { papers } = await ingestFile(path);
    expect(papers[0]).toMatchObject({ id: '1', title: 'T', abstract: 'A' });
  });
});
