import { describe, expect, it } from 'vitest';
import { binAt, binCenter, binRangeToPixels, pixelsToBinRange } from '../../../src/app/trends/brushScale.ts';

const axis = { nBins: 10, width: 500 }; // 50 px per bin

describe('brush pixel ↔ bin mapping', () => {
  it('places bin centres and finds the bin under a pixel', () => {
    expect(binCenter(axis, 0)).toBe(25);
    expect(binCenter(axis, 9)).toBe(475);
    expect(binAt(axis, 0)).toBe(0);
    expect(binAt(axis, 49.9)).toBe(0);
    expect(binAt(axis, 50)).toBe(1);
    expect(binAt(axis, 600)).toBe(9);
    expect(binAt(axis, -5)).toBe(0);
  });
  it('selects the bins whose centres are inside the brush', () => {
    expect(pixelsToBinRange(axis, 20, 120)).toEqual([0, 1]);
    expect(pixelsToBinRange(axis, 130, 20)).toEqual([0, 2]);
    expect(pixelsToBinRange(axis, 26, 124)).toEqual([1, 1]);
    expect(pixelsToBinRange(axis, 0, 500)).toEqual([0, 9]);
    expect(pixelsToBinRange(axis, -100, 1000)).toEqual([0, 9]);
  });
  it('falls back to the bin under the midpoint when no centre is inside', () => {
    expect(pixelsToBinRange(axis, 55, 70)).toEqual([1, 1]);
    expect(pixelsToBinRange({ nBins: 0, width: 500 }, 0, 10)).toBeNull();
  });
  it('round-trips: snapped pixels map back to the same bins', () => {
    for (let a = 0; a < 10; a++) {
      for (let b = a; b < 10; b++) {
        const [x0, x1] = binRangeToPixels(axis, [a, b]);
        expect(pixelsToBinRange(axis, x0, x1)).toEqual([a, b]);
      }
    }
    expect(binRangeToPixels(axis, [2, 3])).toEqual([100, 200]);
  });
});
