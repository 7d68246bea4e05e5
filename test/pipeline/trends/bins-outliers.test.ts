/** A few stray dates decide neither the bin unit nor the bin range; too many bins is a user error. */
import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../../src/schema/artifact.ts';
import { binPapers, chooseBinUnit, MAX_BINS } from '../../../src/pipeline/trends/bins.ts';
import { UserError } from '../../../src/pipeline/ingest/types.ts';

/** `perMonth` papers on the 15th of every month from `from` to `to` (YYYY-MM), then the extra dates. */
function corpus(from: string, to: string, perMonth: number, ...extra: string[]): { day: Int32Array; precision: Uint8Array } {
  const days: number[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    const iso = `${y}-${String(m).padStart(2, '0')}-15`;
    for (let k = 0; k < perMonth; k++) days.push(isoToDay(iso));
    m++;
    if (m === 13) [y, m] = [y + 1, 1];
  }
  for (const iso of extra) days.push(isoToDay(iso));
  return { day: Int32Array.from(days), precision: new Uint8Array(days.length).fill(3) };
}

describe('bins from the bulk of the corpus', () => {
  it('keeps month bins for a 2-year corpus with two papers from 1998', () => {
    const { day, precision } = corpus('2023-01', '2024-12', 10, '1998-03-02', '1998-07-09'); // 240 + 2 papers: 2 trimmed a side
    expect(chooseBinUnit(day, precision)).toBe('month');
    const b = binPapers(day, precision);
    expect(b.unit).toBe('month');
    expect(b.bins).toHaveLength(24);
    expect([b.bins[0]!.label, b.bins.at(-1)!.label]).toEqual(['2023-01', '2024-12']);
    expect(b.outOfRange).toBe(2);
    expect(Array.from(b.bin.subarray(-2))).toEqual([-1, -1]);
    expect(b.bins.reduce((s, x) => s + x.total, 0)).toBe(240);
  });

  it('gives a 2019-2025 corpus with one 2204 date its 28 quarters, not 186 years', () => {
    const { day, precision } = corpus('2019-01', '2025-12', 2, '2204-05-01'); // 168 + 1 papers
    const b = binPapers(day, precision);
    expect(b.unit).toBe('quarter');
    expect(b.bins.map((x) => x.label).slice(0, 2)).toEqual(['2019 Q1', '2019 Q2']);
    expect(b.bins).toHaveLength(28);
    expect(b.outOfRange).toBe(1);
    expect(b.bin.at(-1)).toBe(-1);
  });

  it('bins papers just outside the bulk: up to half its width (at least 12 bins) beyond it', () => {
    // bulk 2023-01..2024-12 (24 months, reach 12): 2022-01 is in, 2021-12 is out
    const { day, precision } = corpus('2023-01', '2024-12', 10, '2022-01-31', '2021-12-31');
    const b = binPapers(day, precision, { unit: 'month' });
    expect(b.bins[0]!.label).toBe('2022-01');
    expect(b.bins).toHaveLength(36);
    expect(b.outOfRange).toBe(1);
    expect(Array.from(b.bin.subarray(-2))).toEqual([0, -1]);
    // nothing is trimmed below 100 papers: a 3-paper corpus keeps its six-year gap
    const small = binPapers(Int32Array.of(isoToDay('2010-05-05'), isoToDay('2017-02-02'), isoToDay('2017-03-02')), Uint8Array.of(3, 3, 3), { unit: 'year' });
    expect(small.bins).toHaveLength(8);
    expect(small.outOfRange).toBe(0);
  });

  it('leaves a well-formed corpus exactly as before: every paper binned, first to last', () => {
    const { day, precision } = corpus('2020-01', '2021-06', 10);
    const b = binPapers(day, precision);
    expect([b.unit, b.bins.length, b.outOfRange, b.bins[0]!.label, b.bins.at(-1)!.label]).toEqual(['month', 18, 0, '2020-01', '2021-06']);
  });
});

describe('too many bins', () => {
  it('is a one-line UserError naming the span and the unit and a coarser --bin', () => {
    const { day, precision } = corpus('2025-01', '2025-06', 20);
    const wide = { day: Int32Array.from([...Array(100).fill(isoToDay('1700-01-15')), ...day]), precision: new Uint8Array(220).fill(3) };
    const month = () => binPapers(wide.day, wide.precision, { unit: 'month' });
    expect(month).toThrow(UserError);
    expect(month).toThrow('the dates run from 1700-01 to 2025-06: 3906 month bins, more than the 1200 a trend chart can hold; use --bin quarter or --bin year');
    expect(() => binPapers(wide.day, wide.precision, { unit: 'quarter' })).toThrow(
      'the dates run from 1700 Q1 to 2025 Q2: 1302 quarter bins, more than the 1200 a trend chart can hold; use --bin year',
    );
    expect(binPapers(wide.day, wide.precision, { unit: 'year' }).bins).toHaveLength(326);
    expect(binPapers(wide.day, wide.precision).unit).toBe('year');
    expect(MAX_BINS).toBe(1200);
  });

  it('is a UserError, not a RangeError, beyond the int16 bin column', () => {
    const day = Int32Array.from([...Array(50).fill(isoToDay('0100-01-01')), ...Array(50).fill(isoToDay('9999-12-01'))]);
    expect(() => binPapers(day, new Uint8Array(100).fill(3), { unit: 'month' })).toThrow(
      'the dates run from 0100-01 to 9999-12: 118800 month bins, more than the 1200 a trend chart can hold; use --bin quarter or --bin year',
    );
  });
});
