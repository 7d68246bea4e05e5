import { describe, expect, it } from 'vitest';
import { lowCoverageBins } from '../../../src/pipeline/trends/coverage.ts';

const flags = (totals: number[], partial: boolean[] = totals.map(() => false)) => Array.from(lowCoverageBins(totals, partial));

describe('lowCoverageBins', () => {
  it('flags a dip below 25% of the median of two complete non-empty bins each side', () => {
    // The 136k corpus's shape: July 2026 holds 1,137 papers against 7,636 in June; August is partial.
    const totals = [7000, 7200, 7400, 7636, 1137, 300];
    const partial = [false, false, false, false, false, true];
    // July's neighbours: May 7,400 and June 7,636 (August is partial): median 7,518, 25% = 1,880.
    expect(flags(totals, partial)).toEqual([0, 0, 0, 0, 1, 0]);
  });

  it('leaves a bin at 25% or more of its neighbours alone, and a dip among small bins (median < 20) too', () => {
    expect(flags([100, 100, 25, 100, 100])).toEqual([0, 0, 0, 0, 0]);
    expect(flags([100, 100, 24, 100, 100])).toEqual([0, 0, 1, 0, 0]);
    expect(flags([19, 19, 1, 19, 19])).toEqual([0, 0, 0, 0, 0]);
    expect(flags([20, 20, 4, 20, 20])).toEqual([0, 0, 1, 0, 0]);
  });

  it('skips empty and partial neighbours and never flags an empty or partial bin', () => {
    // Bin 3: neighbours 1, 2 on the left and 5, 6 on the right (the empty bin 4 is skipped); median 100.
    expect(flags([100, 100, 100, 10, 0, 100, 100])).toEqual([0, 0, 0, 1, 0, 0, 0]);
    expect(flags([100, 100, 100, 5], [false, false, false, true])).toEqual([0, 0, 0, 0]);
  });

  it('compares the ends of the axis with their inward neighbours only (the early years of quant-ph)', () => {
    // 1992: 1, 1993: 0, 1994: 26, 1995: 382, 1996: 540, 1997: 763. 1992 vs [26, 382] (median 204) and
    // 1994 vs [1, 382, 540] (median 382) are low; 1995 vs [1, 26, 540, 763] (median 283) is not.
    expect(flags([1, 0, 26, 382, 540, 763, 1130])).toEqual([1, 0, 1, 0, 0, 0, 0]);
    // The 136k corpus's first months: February 630 is low against [538, 2,878, 4,878] (median 2,878);
    // January, 538 beside it, is part of the same low run.
    expect(flags([538, 630, 2878, 4878, 6293])).toEqual([1, 1, 0, 0, 0]);
    expect(flags([700, 630, 2878, 4878, 6293])).toEqual([0, 1, 0, 0, 0]);
  });

  it('flags nothing on an even corpus or without bins', () => {
    expect(flags([50, 60, 55, 58, 52])).toEqual([0, 0, 0, 0, 0]);
    expect(flags([])).toEqual([]);
    expect(flags([0, 0])).toEqual([0, 0]);
  });
});
