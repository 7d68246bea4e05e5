import { describe, expect, it } from 'vitest';
import type { Growth, TimeBin } from '../../../src/schema/artifact.ts';
import { fittedBins, formatInterval, formatNewSince, formatPct, formatRate, headlines, newSince } from '../../../src/app/trends/headlines.ts';

const bin = (label: string, total: number, flags: Partial<TimeBin> = {}): TimeBin => ({ start: '', end: '', label, total, partial: false, sparse: false, ...flags });
// Six months of 100 papers, a low-coverage July and a partial August.
const bins = [bin('2026-01', 100), bin('2026-02', 100), bin('2026-03', 100), bin('2026-04', 100), bin('2026-05', 100), bin('2026-06', 100), bin('2026-07', 15, { sparse: true }), bin('2026-08', 5, { partial: true })];
const g = (slope: number, qValue: number, half = 0.2): Growth => ({ slope, ciLow: slope - half, ciHigh: slope + half, pValue: qValue / 2, qValue });

describe('headlines', () => {
  it('ranks rising series by the interval end nearest zero, not by the steepest estimate', () => {
    const ranked = headlines(
      [
        { item: 'steep-rare', growth: { slope: 3, ciLow: 0.1, ciHigh: 5.9, pValue: 0.001, qValue: 0.01 }, counts: [1, 1, 1, 2, 3, 9, 0, 0] },
        { item: 'steady', growth: { slope: 0.5, ciLow: 0.4, ciHigh: 0.6, pValue: 0.001, qValue: 0.01 }, counts: [50, 60, 70, 80, 90, 99, 9, 1] },
      ],
      bins,
      0.05,
    );
    expect(ranked.rising.map((x) => x.item)).toEqual(['steady', 'steep-rare']);
  });

  it('headlines only q < alpha; the rest goes to "not significant" by q; untested series are counted', () => {
    const series = [
      { item: 'a', growth: g(0.59, 0.7), counts: [2, 1, 2, 3, 2, 1, 0, 0] }, // the bundled corpus's "+80.6 %/yr" at q 0.70
      { item: 'b', growth: g(0.5, 0.01), counts: [5, 6, 8, 9, 12, 15, 2, 1] },
      { item: 'c', growth: g(-0.4, 0.02), counts: [15, 12, 10, 8, 6, 5, 1, 0] },
      { item: 'd', growth: null, counts: [1, 0, 1, 1, 0, 0, 0, 0] }, // 3 papers: not tested
      { item: 'e', growth: g(0.9, 0.03), counts: [1, 2, 4, 8, 16, 30, 3, 1] },
      { item: 'f', growth: g(-0.2, 0.4), counts: [9, 9, 8, 8, 7, 7, 1, 0] },
    ];
    const h = headlines(series, bins, 0.05);
    expect(h.rising.map((x) => x.item)).toEqual(['e', 'b']);
    expect(h.falling.map((x) => x.item)).toEqual(['c']);
    expect(h.notSignificant.map((x) => x.item)).toEqual(['f', 'a']);
    expect(h.untested).toBe(1);
    expect(h.rising[1]!.papers).toBe(58);
  });

  it('nothing significant: no headline at all', () => {
    const h = headlines([{ item: 0, growth: g(1.9, 0.87), counts: [1, 0, 1, 1, 0, 0, 0, 0] }], bins, 0.05);
    expect([h.rising.length, h.falling.length, h.notSignificant.length]).toEqual([0, 0, 1]);
  });

  it('a term absent from the early periods is new since its first period, listed apart from the rates', () => {
    const series = [
      { item: 'frontier-model', growth: g(9.4, 1e-6, 3), counts: [0, 0, 0, 2, 8, 10, 2, 0] },
      { item: 'agents', growth: g(0.5, 0.001), counts: [5, 6, 8, 9, 12, 15, 2, 1] },
    ];
    const h = headlines(series, bins, 0.05);
    expect(h.rising.map((x) => [x.item, x.newSince])).toEqual([['agents', null]]);
    expect(h.newcomers.map((x) => [x.item, x.newSince])).toEqual([['frontier-model', 3]]);
    expect(formatNewSince(h.newcomers[0]!, bins)).toBe('new since 2026-04 · 22 papers');
  });
});

describe('newSince (the fitted periods before the first paper hold ≥ 25% of the fitted papers)', () => {
  it('counts only fitted periods: complete, not low-coverage, with papers', () => {
    expect(fittedBins(bins)).toEqual([true, true, true, true, true, true, false, false]);
    // 600 fitted papers; a first paper in March has 200 before it (33%): new. In February, 100 (17%): not.
    expect(newSince([0, 0, 1, 1, 1, 1, 0, 0], bins)).toBe(2);
    expect(newSince([0, 1, 1, 1, 1, 1, 0, 0], bins)).toBeNull();
    expect(newSince([1, 1, 1, 1, 1, 1, 0, 0], bins)).toBeNull();
    // Papers only in July (low coverage) and August (partial): no fitted paper, nothing to say.
    expect(newSince([0, 0, 0, 0, 0, 0, 3, 1], bins)).toBeNull();
  });
});

describe('formatting', () => {
  it('shows yearly change in %/yr with its interval, capped at > +500', () => {
    expect(formatRate(g(Math.log(1.35), 0))).toBe('+35 %/yr');
    expect(formatRate(g(Math.log(0.8), 0))).toBe('−20 %/yr');
    expect(formatPct(Math.log(1.053))).toBe('+5.3');
    expect(formatPct(0)).toBe('±0');
    expect(formatPct(Math.log(0.004))).toBe('< −99');
    expect(formatPct(Math.log(0.006))).toBe('−99');
    // The 136k corpus's frontier-model slope: +1,147,699 %/yr before; never seven digits now.
    expect(formatPct(Math.log(11477.99))).toBe('> +500');
    expect(formatInterval({ slope: 0.4, ciLow: Math.log(0.96), ciHigh: Math.log(8), pValue: 0, qValue: 0 })).toBe('95% CI −4 to > +500 %/yr');
    expect(formatInterval({ slope: 10, ciLow: 5.9, ciHigh: 14.4, pValue: 0, qValue: 0 })).toBe('95% CI all > +500 %/yr');
  });
});
