import { describe, expect, it } from 'vitest';
import { binRangeMask, describeBinRange, normalizeBinRange } from '../../../src/app/trends/timeMask.ts';
import { randomColumns } from './fixtures.ts';

describe('binRangeMask', () => {
  it('keeps papers in the inclusive range; undated papers (bin -1) fail', () => {
    const bin = Int16Array.from([-1, 0, 1, 2, 3, 2, -1]);
    expect(Array.from(binRangeMask(bin, [1, 2]))).toEqual([0, 0, 1, 1, 0, 1, 0]);
    expect(Array.from(binRangeMask(bin, [2, 1]))).toEqual([0, 0, 1, 1, 0, 1, 0]);
    expect(Array.from(binRangeMask(bin, [0, 0]))).toEqual([0, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(binRangeMask(bin, [-1, 0]))).toEqual([0, 1, 0, 0, 0, 0, 0]);
  });

  it('matches a brute-force filter and reuses the output buffer', () => {
    const { bin } = randomColumns(3000, 3, 20, 7);
    const out = new Uint8Array(3000);
    const m = binRangeMask(bin, [4, 11], out);
    expect(m).toBe(out);
    for (let i = 0; i < bin.length; i++) expect(m[i]).toBe(bin[i]! >= 4 && bin[i]! <= 11 ? 1 : 0);
  });
});

describe('normalizeBinRange / describeBinRange', () => {
  it('orders, clamps and rejects empty ranges', () => {
    expect(normalizeBinRange([5, 2], 10)).toEqual([2, 5]);
    expect(normalizeBinRange([-3, 40], 10)).toEqual([0, 9]);
    expect(normalizeBinRange([12, 15], 10)).toBeNull();
    expect(normalizeBinRange([0, 0], 0)).toBeNull();
  });
  it('names the period', () => {
    expect(describeBinRange(['2024-01', '2024-02', '2024-03'], [0, 2])).toBe('2024-01 – 2024-03');
    expect(describeBinRange(['2024-01', '2024-02'], [1, 1])).toBe('2024-02');
  });
});

import { sameRange, timeClause } from '../../../src/app/trends/timeClause.ts';

describe('timeClause', () => {
  it('publishes a time clause whose mask is the bin range', () => {
    const c = timeClause(Int16Array.from([0, 1, 2, -1]), [1, 2], ['a', 'b', 'c']);
    expect(c.source).toBe('time');
    expect(Array.from(c.mask)).toEqual([0, 1, 1, 0]);
    expect(c.description).toBe('b – c');
    expect(sameRange([1, 2], [1, 2])).toBe(true);
    expect(sameRange([1, 2], null)).toBe(false);
    expect(sameRange(null, null)).toBe(true);
  });
});
