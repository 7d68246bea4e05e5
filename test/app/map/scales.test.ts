import { describe, expect, it } from 'vitest';
import { baseAffine, composeAffine, toData, toScreen, transformToFit } from '../../../src/app/map/scales.ts';

describe('map scales', () => {
  const vp = { width: 200, height: 100, padding: 10 };
  const base = baseAffine([0, 0, 10, 10], vp);
  it('fits bounds keeping aspect ratio, y up', () => {
    expect(base.sx).toBe(8);
    expect(base.sy).toBe(-8);
    expect(toScreen(base, 0, 0)).toEqual([60, 90]);
    expect(toScreen(base, 10, 10)).toEqual([140, 10]);
    expect(toScreen(base, 5, 5)).toEqual([100, 50]);
  });
  it('composes a zoom transform and inverts', () => {
    const a = composeAffine(base, { k: 2, x: -100, y: -50 });
    expect(toScreen(a, 5, 5)).toEqual([100, 50]);
    expect(toData(a, 100, 50)).toEqual([5, 5]);
    expect(toScreen(a, 10, 10)).toEqual([180, -30]);
  });
  it('fits a box', () => {
    const t = transformToFit(base, [0, 0, 5, 5], vp);
    const a = composeAffine(base, t);
    expect(t.k).toBe(2);
    expect(toScreen(a, 2.5, 2.5)).toEqual([100, 50]);
  });
});
