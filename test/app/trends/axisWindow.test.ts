import { describe, expect, it } from 'vitest';
import type { TimeBin } from '../../../src/schema/artifact.ts';
import { defaultAxisWindow } from '../../../src/app/trends/axisWindow.ts';
import { binAt, binCenter, binRangeToPixels, pixelsToBinRange } from '../../../src/app/trends/brushScale.ts';

const bins = (totals: number[], sparse: number[] = []): TimeBin[] =>
  totals.map((total, i) => ({ start: '', end: '', label: `b${i}`, total, partial: false, sparse: sparse.includes(i) }));

describe('defaultAxisWindow', () => {
  it('skips a straggler cut off by >= 4 empty bins when it holds < 2% of the papers (the bundled corpus)', () => {
    // 2019 Q4: 1 paper, 8 empty quarters, then 2022 Q1 on: 74 papers in all.
    const totals = [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 7, 5, 11, 4, 6, 8, 10, 7, 10, 1];
    expect(defaultAxisWindow(bins(totals))).toEqual({ first: 9, hidden: 1 });
  });
  it('skips leading empty and low-coverage bins (quant-ph 1992-1994), but not a gap after the bulk', () => {
    const totals = [1, 0, 26, 382, 540, 763, 0, 0, 0, 0, 0, 0, 3098];
    expect(defaultAxisWindow(bins(totals, [0, 2]))).toEqual({ first: 3, hidden: 27 });
  });
  it('keeps an island holding 2% or more, a short gap, and an axis with nothing to skip', () => {
    expect(defaultAxisWindow(bins([2, 0, 0, 0, 0, 49, 49]))).toEqual({ first: 0, hidden: 0 });
    expect(defaultAxisWindow(bins([1, 0, 0, 0, 99]))).toEqual({ first: 0, hidden: 0 });
    expect(defaultAxisWindow(bins([5, 5, 5]))).toEqual({ first: 0, hidden: 0 });
    expect(defaultAxisWindow(bins([0, 0]))).toEqual({ first: 0, hidden: 0 });
  });
});

describe('brushScale with a first shown bin', () => {
  const axis = { nBins: 10, width: 400, first: 2 }; // 8 shown bins of 50 px
  it('maps pixels to absolute bins and back', () => {
    expect(binCenter(axis, 2)).toBe(25);
    expect(binAt(axis, 0)).toBe(2);
    expect(binAt(axis, 399)).toBe(9);
    expect(pixelsToBinRange(axis, 10, 140)).toEqual([2, 4]);
    expect(binRangeToPixels(axis, [3, 4])).toEqual([50, 150]);
    // A range reaching before the first shown bin (a shared link) is clipped to the plot.
    expect(binRangeToPixels(axis, [0, 3])).toEqual([0, 100]);
  });
});
