/** Plausible dates: a typo far in the future or the past keeps its paper, undated, with the reason. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptedDateRange, dateOutOfRange, EARLIEST_YEAR, normalizeDate, runDate } from '../../../src/pipeline/ingest/dates.ts';
import { formatIssue, ingestFile } from '../../../src/pipeline/ingest/index.ts';
import { DEFAULT_FIELD_NAMES, recordToPaper } from '../../../src/pipeline/ingest/record.ts';
import type { IngestIssue } from '../../../src/pipeline/ingest/types.ts';

const RANGE = acceptedDateRange(new Date('2026-12-04T19:00:00Z'));

describe('acceptedDateRange', () => {
  it('runs from EARLIEST_YEAR to one calendar year after today (UTC)', () => {
    expect(RANGE).toEqual({ earliestYear: 1600, latest: '2027-12-04' });
    expect(EARLIEST_YEAR).toBe(1600);
    // 29 February plus a year is 28 February; late evening west of UTC is already the next UTC day
    expect(acceptedDateRange(new Date('2024-02-29T12:00:00Z')).latest).toBe('2025-02-28');
    expect(acceptedDateRange(new Date('2026-12-31T23:30:00-05:00')).latest).toBe('2028-01-01');
  });

  it('takes today from SOURCE_DATE_EPOCH when set, else from the clock', () => {
    expect(runDate({ SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    const before = Date.now();
    const now = runDate({}).getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now - before).toBeLessThan(60_000);
    expect(runDate({ SOURCE_DATE_EPOCH: 'soon' }).getTime()).toBeGreaterThanOrEqual(before);
  });
});

describe('dateOutOfRange', () => {
  it.each([
    ['2204-05-01', 'is after 2027-12-04 (a year from today)'],
    ['9999-12-31', 'is after 2027-12-04 (a year from today)'],
    ['2027-12-05', 'is after 2027-12-04 (a year from today)'],
    ['2028', 'is after 2027-12-04 (a year from today)'],
    ['2028-01', 'is after 2027-12-04 (a year from today)'],
    ['0999', 'is before 1600'],
    ['1599-12-31', 'is before 1600'],
    ['0000-01-01', 'is before 1600'],
  ])('%s %s', (date, reason) => {
    expect(dateOutOfRange(date, RANGE)).toBe(reason);
  });

  it.each(['2027-12-04', '2027-12', '2027', '1600', '1600-01-01', '1665-03-06', '2019-05-01'])('%s is plausible', (date) => {
    expect(dateOutOfRange(date, RANGE)).toBeNull();
  });

  it('normalizeDate parses every four-digit year, so the range check can name it', () => {
    expect(normalizeDate('0999')).toBe('0999');
    expect(normalizeDate('0999-01-02')).toBe('0999-01-02');
    expect(normalizeDate(999)).toBe('0999');
    expect(normalizeDate(-5)).toBeUndefined();
  });
});

describe('recordToPaper with implausible dates', () => {
  const paper = (date: unknown, id = 'x1') => recordToPaper({ id, title: 'T', abstract: 'A', date }, 7, DEFAULT_FIELD_NAMES, RANGE);

  it('keeps the paper undated and says why', () => {
    expect(paper('2204-05-01')).toMatchObject({ kind: 'paper', paper: { date: null }, badDate: 'date "2204-05-01" is after 2027-12-04 (a year from today)' });
    expect(paper('9999-12-31T00:00:00Z')).toMatchObject({
      paper: { date: null },
      badDate: 'date "9999-12-31T00:00:00Z" is after 2027-12-04 (a year from today)',
    });
    expect(paper('0999')).toMatchObject({ paper: { date: null }, badDate: 'date "0999" is before 1600' });
    expect(paper(1019)).toMatchObject({ paper: { date: null }, badDate: 'date 1019 is before 1600' });
    expect(paper('2023-02-30')).toMatchObject({ badDate: 'date "2023-02-30" is not a date' });
  });

  it('keeps plausible dates as they are', () => {
    const out = paper('2027-12-04');
    expect(out).toEqual({ kind: 'paper', paper: { id: 'x1', title: 'T', abstract: 'A', date: '2027-12-04', dateSource: 'field', line: 7 } });
  });

  it('does not date a paper from an "arXiv id" whose month is in the future', () => {
    // 9912.* would be December 2099: not an id arXiv has assigned
    expect(recordToPaper({ id: '9912.12345', title: 'T', abstract: 'A' }, 1, DEFAULT_FIELD_NAMES, RANGE)).toEqual({
      kind: 'paper',
      paper: { id: '9912.12345', title: 'T', abstract: 'A', date: null, line: 1 },
    });
    expect(recordToPaper({ id: '2611.12345', title: 'T', abstract: 'A' }, 1, DEFAULT_FIELD_NAMES, RANGE)).toMatchObject({
      paper: { date: '2026-11', dateSource: 'arxiv-id' },
    });
  });
});

describe('ingestFile', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'ingest-dates-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('counts implausible dates as bad dates of kept, undated papers', async () => {
    const path = join(tmp, 'typos.jsonl');
    const rows = [
      { id: 'a', title: 'A', abstract: 'a', date: '2019-03-01' },
      { id: 'b', title: 'B', abstract: 'b', date: '2204-05-01' },
      { id: 'c', title: 'C', abstract: 'c', date: '0999' },
      { id: 'd', title: 'D', abstract: 'd', date: '9999-12-31' },
    ];
    writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n'));
    const issues: IngestIssue[] = [];
    const { papers, report } = await ingestFile(path, { onIssue: (i) => issues.push(i) });
    expect(papers.map((p) => p.date)).toEqual(['2019-03-01', null, null, null]);
    expect(report).toMatchObject({ kept: 4, undated: 3, badDates: 3 });
    expect(formatIssue(issues[1]!)).toBe(`${path}:3: kept undated (bad-date): date "0999" is before 1600`);
    // the upper bound follows the real clock here: a year from today, whatever today is
    expect(formatIssue(issues[0]!)).toMatch(new RegExp(`^${path}:2: kept undated \\(bad-date\\): date "2204-05-01" is after \\d{4}-\\d{2}-\\d{2} \\(a year from today\\)$`));
  });
});
