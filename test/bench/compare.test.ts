import { describe, expect, it } from 'vitest';
import { compareScores, fmtMeanSd } from '../../bench/lib/compare.ts';

describe('compareScores', () => {
  it('means, sample sds and the difference', () => {
    // ours mean 0.5, sd √((0.01+0+0.01)/2) = 0.1; peer mean 0.3, sd 0
    const c = compareScores([0.4, 0.5, 0.6], [0.3, 0.3, 0.3]);
    expect(c.ours.mean).toBeCloseTo(0.5, 12);
    expect(c.ours.sd).toBeCloseTo(0.1, 12);
    expect(c.peer).toEqual({ mean: 0.3, sd: 0 });
    expect(c.diff).toBeCloseTo(0.2, 12);
    expect(c.verdict).toBe('better'); // 0.2 > √(0.1² + 0²)
  });

  it('within the combined spread is on par; beyond it below is worse', () => {
    expect(compareScores([0.45, 0.55], [0.5, 0.5]).verdict).toBe('on par');
    expect(compareScores([0.2, 0.2], [0.5, 0.5]).verdict).toBe('worse');
    expect(compareScores([0.5, 0.5], [0.5, 0.5]).verdict).toBe('on par');
  });

  it('formats mean ± sd to three decimals', () => {
    expect(fmtMeanSd({ mean: 0.4634, sd: 0.0081 })).toBe('0.463 ± 0.008');
    expect(fmtMeanSd({ mean: NaN, sd: NaN })).toBe('—');
  });
});
