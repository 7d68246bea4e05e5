import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isoToDay } from '../../../src/schema/artifact.ts';
import { binMidYears, binPapers, chooseBinUnit, type BinOptions, type Binning } from '../../../src/pipeline/trends/bins.ts';

/** Papers from [iso, precision] pairs; precision 0 takes any iso. */
function papers(...rows: [string, number][]): { day: Int32Array; precision: Uint8Array } {
  return {
    day: Int32Array.from(rows, ([iso, p]) => (p === 0 ? 0 : isoToDay(iso))),
    precision: Uint8Array.from(rows, ([, p]) => p),
  };
}

function binRows(rows: [string, number][], options: BinOptions): Binning {
  const { day, precision } = papers(...rows);
  return binPapers(day, precision, options);
}

describe('binPapers', () => {
  it('makes month bins with exact UTC edges across a leap February and Dec → Jan', () => {
    const { day, precision } = papers(['2023-12-31', 3], ['2024-01-01', 3], ['2024-02-29', 3], ['2024-03-01', 3], ['2024-03-31', 3]);
    const b = binPapers(day, precision, { unit: 'month' });
    expect(b.bins.map((x) => [x.start, x.end, x.label, x.total])).toEqual([
      ['2023-12-01', '2024-01-01', '2023-12', 1],
      ['2024-01-01', '2024-02-01', '2024-01', 1],
      ['2024-02-01', '2024-03-01', '2024-02', 1],
      ['2024-03-01', '2024-04-01', '2024-03', 2],
    ]);
    expect(Array.from(b.bin)).toEqual([0, 1, 2, 3, 3]);
    expect(Array.from(b.edges)).toEqual(['2023-12-01', '2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'].map(isoToDay));
  });

  it('makes quarter and year bins at calendar boundaries', () => {
    const { day, precision } = papers(['2019-12-31', 3], ['2020-01-01', 3], ['2020-03-31', 3], ['2020-04-01', 3], ['2020-12-31', 3]);
    const q = binPapers(day, precision, { unit: 'quarter' });
    expect(q.bins.map((x) => `${x.label} ${x.start}..${x.end} ${x.total}`)).toEqual([
      '2019 Q4 2019-10-01..2020-01-01 1',
      '2020 Q1 2020-01-01..2020-04-01 2',
      '2020 Q2 2020-04-01..2020-07-01 1',
      '2020 Q3 2020-07-01..2020-10-01 0',
      '2020 Q4 2020-10-01..2021-01-01 1',
    ]);
    const y = binPapers(day, precision, { unit: 'year' });
    expect(y.bins.map((x) => `${x.label} ${x.start}..${x.end} ${x.total}`)).toEqual(['2019 2019-01-01..2020-01-01 1', '2020 2020-01-01..2021-01-01 4']);
    expect(Array.from(y.bin)).toEqual([0, 1, 1, 1, 1]);
  });

  it('keeps a six-year gap as empty bins', () => {
    const { day, precision } = papers(['2010-05-05', 3], ['2010-06-01', 2], ['2017-02-02', 3]);
    const b = binPapers(day, precision, { unit: 'year' });
    expect(b.bins.map((x) => x.label)).toEqual(['2010', '2011', '2012', '2013', '2014', '2015', '2016', '2017']);
    expect(b.bins.map((x) => x.total)).toEqual([2, 0, 0, 0, 0, 0, 0, 1]);
    const q = binPapers(day, precision, { unit: 'quarter' });
    expect(q.bins).toHaveLength(28);
    expect(q.bins.reduce((s, x) => s + x.total, 0)).toBe(3);
    expect(q.bins.filter((x) => x.total === 0)).toHaveLength(26);
  });

  it('counts undated and imprecise papers instead of binning them', () => {
    const { day, precision } = papers(['2021-03-04', 3], ['2021', 1], ['', 0], ['2021-07', 2], ['2022', 1], ['', 0]);
    const m = binPapers(day, precision, { unit: 'month' });
    expect(m.undated).toBe(2);
    expect(m.imprecise).toBe(2);
    expect(Array.from(m.bin)).toEqual([0, -1, -1, 4, -1, -1]);
    expect(m.bins.map((x) => x.total)).toEqual([1, 0, 0, 0, 1]);
    const y = binPapers(day, precision, { unit: 'year' });
    expect(y.imprecise).toBe(0);
    expect(Array.from(y.bin)).toEqual([0, 0, -1, 0, 1, -1]);
  });

  it('marks the last bin partial when the corpus ends more than 3 days before a month ends', () => {
    const at = (last: string, p = 3) => binRows([['2024-01-10', 3], [last, p]], { unit: 'month' }).bins;
    expect(at('2024-03-19').map((x) => x.partial)).toEqual([false, false, true]);
    expect(at('2024-03-27').at(-1)!.partial).toBe(true);
    expect(at('2024-03-28').at(-1)!.partial).toBe(false);
    expect(at('2024-02-26').at(-1)!.partial).toBe(false); // leap February: last day 29th
    expect(at('2024-02-25').at(-1)!.partial).toBe(true);
    expect(at('2024-03', 2).at(-1)!.partial).toBe(false); // a month-only date may be any day of March
    // Quarters allow 7 days: a February date cannot cover Q1 to March 31; March 25 can.
    expect(binRows([['2023-01-10', 3], ['2024-02', 2]], { unit: 'quarter' }).bins.at(-1)!.partial).toBe(true);
    expect(binRows([['2023-01-10', 3], ['2024-03-24', 3]], { unit: 'quarter' }).bins.at(-1)!.partial).toBe(false);
    expect(binRows([['2023-01-10', 3], ['2024-03-23', 3]], { unit: 'quarter' }).bins.at(-1)!.partial).toBe(true);
  });

  it('handles no dated papers', () => {
    const { day, precision } = papers(['', 0], ['2020', 1]);
    const b = binPapers(day, precision, { unit: 'month' });
    expect(b.bins).toEqual([]);
    expect([b.undated, b.imprecise]).toEqual([1, 1]);
    expect(Array.from(b.bin)).toEqual([-1, -1]);
  });

  it('names a bad precision', () => {
    expect(() => binPapers(new Int32Array(1), Uint8Array.of(4))).toThrow(/precision\[0\] = 4/);
  });

  it('puts bin midpoints in years', () => {
    const edges = Int32Array.of(isoToDay('2020-01-01'), isoToDay('2021-01-01'));
    expect(binMidYears(edges)[0]).toBeCloseTo((isoToDay('2020-01-01') + 183) / 365.2425, 12);
  });
});

describe('chooseBinUnit', () => {
  const span = (first: string, last: string, p = 3) => {
    const { day, precision } = papers([first, p], [last, p]);
    return chooseBinUnit(day, precision);
  };
  it('picks month up to 36 calendar months, quarter up to 144, then year', () => {
    expect(span('2020-01-01', '2022-12-31')).toBe('month');
    expect(span('2020-01-01', '2023-01-01')).toBe('quarter');
    expect(span('2010-01-01', '2021-12-31')).toBe('quarter');
    expect(span('2010-01-01', '2022-01-01')).toBe('year');
  });
  it('falls back to years when most dates carry no month', () => {
    expect(span('2020', '2021', 1)).toBe('year');
    expect(chooseBinUnit(new Int32Array(3), new Uint8Array(3))).toBe('year');
  });
});

describe('time-zone safety', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('gives identical bins under America/Los_Angeles, Asia/Kolkata, Pacific/Kiritimati and UTC', () => {
    const { day, precision } = papers(['2023-12-31', 3], ['2024-01-01', 3], ['2024-02-29', 3], ['2024-03-01', 2], ['2024-06-30', 3], ['2020', 1]);
    const results = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati'].map((tz) => {
      process.env.TZ = tz;
      const b = binPapers(day, precision, { unit: 'month' });
      return JSON.stringify({ bins: b.bins, bin: Array.from(b.bin), q: binPapers(day, precision, { unit: 'quarter' }).bins });
    });
    process.env.TZ = 'America/Los_Angeles';
    expect(new Date(0).getHours()).toBe(16); // the zone really changed for local Date methods
    expect(new Set(results).size).toBe(1);
    expect(JSON.parse(results[0]!).bins[0].start).toBe('2023-12-01');
  });

  it('never calls a local-time Date method in the trends stage', () => {
    const dir = join(import.meta.dirname, '../../../src/pipeline/trends');
    for (const file of readdirSync(dir)) {
      const src = readFileSync(join(dir, file), 'utf8');
      expect(src, file).not.toMatch(/\.get(FullYear|Month|Date|Day|Hours|TimezoneOffset)\(|new Date\(|Date\.parse/);
    }
  });
});
