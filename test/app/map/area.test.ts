import { describe, expect, it } from 'vitest';
import { areaMask, formatArea, normalizeArea, parseArea } from '../../../src/app/map/area.ts';

describe('area selection', () => {
  const x = Float32Array.from([0, 1, 2, 3, 1.5]);
  const y = Float32Array.from([0, 1, 2, 3, -1]);
  it('selects the papers inside the box, edges included', () => {
    const { mask, count } = areaMask(x, y, normalizeArea(2, 2, 1, 0));
    expect([...mask]).toEqual([0, 1, 1, 0, 0]);
    expect(count).toBe(2);
    expect(areaMask(x, y, [5, 5, 6, 6]).count).toBe(0);
  });
  it('round-trips through its URL form and selects the same papers after', () => {
    const box = normalizeArea(0.123456, -1.00004, 2.5, 3.33333);
    expect(box).toEqual([0.1235, -1, 2.5, 3.3333]);
    expect(parseArea(formatArea(box))).toEqual(box);
    expect(areaMask(x, y, parseArea(formatArea(box))!).mask).toEqual(areaMask(x, y, box).mask);
    expect(parseArea('1,2,3')).toBeNull();
    expect(parseArea('1,2,3,NaN')).toBeNull();
    expect(parseArea('')).toBeNull();
  });
});
