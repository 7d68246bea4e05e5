import { describe, expect, it } from 'vitest';
import { plantDates, plantedCounts, shuffleDates } from '../../bench/lib/plantTrend.ts';

describe('plantTrend', () => {
  it('shuffles dates as a permutation, the same for the same seed', () => {
    const day = Int32Array.of(1, 2, 3, 4, 5, 6);
    const precision = Uint8Array.of(3, 3, 2, 3, 0, 3);
    const a = shuffleDates(day, precision, 7);
    expect(Array.from(a.day).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(a).toEqual(shuffleDates(day, precision, 7));
    // Each day keeps its own precision.
    a.day.forEach((d, i) => expect(a.precision[i]).toBe(precision[d - 1]));
  });

  it('plants carriers along a linear share ramp over the fitted bins, summing to the carriers', () => {
    // Shares 0.1, 0.2, 0.3 of 100 papers each (bin 3 not fitted): 10, 20, 30 → scaled to 30 carriers: 5, 10, 15.
    expect(Array.from(plantedCounts([100, 100, 100, 100], [1, 1, 1, 0], 30, 0.1, 0.3))).toEqual([5, 10, 15, 0]);
    expect(Array.from(plantedCounts([100, 100, 100], [1, 1, 1], 31, 0.1, 0.3)).reduce((s, v) => s + v, 0)).toBe(31);
  });

  it('re-dates so that bin b holds counts[b] carriers and keeps every bin total', () => {
    const day = Int32Array.of(10, 11, 20, 21, 30, 31);
    const precision = new Uint8Array(6).fill(3);
    const bin = Int16Array.of(0, 0, 1, 1, 2, 2);
    const carrier = Uint8Array.of(1, 1, 0, 0, 0, 0);
    const out = plantDates(day, precision, bin, carrier, Int32Array.of(0, 0, 2), 1);
    const binOf = (d: number) => Math.floor(d / 10) - 1;
    expect([binOf(out.day[0]!), binOf(out.day[1]!)]).toEqual([2, 2]);
    expect(Array.from(out.day).sort()).toEqual([10, 11, 20, 21, 30, 31]);
    expect(() => plantDates(day, precision, bin, carrier, Int32Array.of(0, 0, 1), 1)).toThrow(/sum to 1 but 2/);
  });
});
