import { describe, expect, it } from 'vitest';
import { formatGrowth, growthDomain, rankByGrowth, termQuery } from '../../../src/app/trends/growthRank.ts';
import type { Growth } from '../../../src/schema/artifact.ts';

const g = (slope: number, qValue: number): Growth => ({ slope, ciLow: slope - 0.2, ciHigh: slope + 0.2, pValue: qValue / 2, qValue });

describe('rankByGrowth', () => {
  it('splits rising and falling, steepest first, significance by q < alpha, skipping null', () => {
    const items = [
      { id: 0, growth: g(0.5, 0.01) },
      { id: 1, growth: g(-0.3, 0.2) },
      { id: 2, growth: null },
      { id: 3, growth: g(0.9, 0.06) },
      { id: 4, growth: g(-0.8, 0.001) },
      { id: 5, growth: g(0.5, 0.001) },
    ];
    const { rising, falling } = rankByGrowth(items, (i) => i.growth, 0.05);
    expect(rising.map((r) => r.item.id)).toEqual([3, 5, 0]);
    expect(rising.map((r) => r.significant)).toEqual([false, true, true]);
    expect(falling.map((r) => r.item.id)).toEqual([4, 1]);
    expect(falling.map((r) => r.significant)).toEqual([true, false]);
  });
});

describe('helpers', () => {
  it('growthDomain is symmetric around 0 and covers every interval', () => {
    expect(growthDomain([{ growth: g(0.5, 0) }, { growth: g(-0.1, 0) }])).toEqual([-0.7, 0.7]);
    expect(growthDomain([])).toEqual([-1, 1]);
  });
  it('formats log-share slopes as yearly percentage change', () => {
    expect(formatGrowth(0)).toBe('+0%/yr');
    expect(formatGrowth(Math.log(1.5))).toBe('+50%/yr');
    expect(formatGrowth(Math.log(0.75))).toBe('-25%/yr');
    expect(formatGrowth(Math.log(3))).toBe('+200%/yr');
  });
  it('quotes phrases', () => {
    expect(termQuery('agents', false)).toBe('agents');
    expect(termQuery('language model', true)).toBe('"language model"');
    expect(termQuery('language model', false)).toBe('"language model"');
  });
});
