import { describe, expect, it } from 'vitest';
import { lnGamma, normalTwoSidedP, studentCritical, studentTwoSidedP, Z_975 } from '../../../src/pipeline/trends/stats.ts';

describe('distribution functions', () => {
  it('lnGamma matches factorials', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 13);
    expect(lnGamma(6)).toBeCloseTo(Math.log(120), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
  });

  it('normal two-sided p-values, including far tails', () => {
    expect(normalTwoSidedP(0)).toBe(1);
    expect(normalTwoSidedP(Z_975)).toBeCloseTo(0.05, 14);
    expect(normalTwoSidedP(-1)).toBeCloseTo(0.3173105078629141, 14);
    expect(normalTwoSidedP(3)).toBeCloseTo(0.002699796063260207, 15);
    expect(normalTwoSidedP(10) / 1.5239706048321186e-23).toBeCloseTo(1, 11);
  });

  it('Student t p-values and critical values', () => {
    // df = 1 is Cauchy: P(|T| >= t) = 1 - 2 atan(t)/π.
    expect(studentTwoSidedP(2, 1)).toBeCloseTo(1 - (2 * Math.atan(2)) / Math.PI, 14);
    // df = 2: P(|T| >= t) = 1 - t / sqrt(2 + t²).
    expect(studentTwoSidedP(1.5, 2)).toBeCloseTo(1 - 1.5 / Math.sqrt(2 + 2.25), 14);
    expect(studentCritical(1)).toBeCloseTo(Math.tan(Math.PI * 0.475), 9);
    expect(studentCritical(10)).toBeCloseTo(2.228138851986274, 9);
    expect(studentCritical(1000)).toBeCloseTo(1.962339, 5);
  });
});
