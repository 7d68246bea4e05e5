import { describe, expect, it } from 'vitest';
import { packCss, timeColor } from '../../../src/app/map/palette.ts';
import { PALETTE_COLORS } from '../../../src/app/map/paletteColors.ts';
import { farthestPointPalette, PALETTE_SEED } from '../../../src/app/map/paletteSearch.ts';
import { labAs, worstDeltaE } from '../../../src/app/map/cvd.ts';

function minWorst(colors: readonly string[]): number {
  let min = Infinity;
  for (let i = 0; i < colors.length; i++) for (let j = i + 1; j < colors.length; j++) min = Math.min(min, worstDeltaE(colors[i]!, colors[j]!));
  return min;
}

describe('cluster palette', () => {
  it('is the farthest-point search it says it is (regenerate with scripts/make-palette.ts)', () => {
    expect(PALETTE_COLORS[0]).toBe(PALETTE_SEED);
    expect(PALETTE_COLORS.slice(0, 20)).toEqual(farthestPointPalette(20));
    expect(PALETTE_COLORS).toHaveLength(256);
    expect(new Set(PALETTE_COLORS).size).toBe(256);
  });
  it('keeps small palettes apart for every vision, the more so the fewer colours (CIEDE2000)', () => {
    // The worst of normal, deuteranopia, protanopia and tritanopia: what farthest-point maximises.
    expect(minWorst(PALETTE_COLORS.slice(0, 4))).toBeGreaterThan(20);
    expect(minWorst(PALETTE_COLORS.slice(0, 8))).toBeGreaterThan(13);
    expect(minWorst(PALETTE_COLORS.slice(0, 16))).toBeGreaterThan(8);
  });
  it('stays visible on the light background and under dark labels', () => {
    for (const c of PALETTE_COLORS) {
      const l = labAs(c, 'normal')[0];
      expect(l).toBeGreaterThan(30);
      expect(l).toBeLessThan(80);
    }
  });
  it('packs CSS colours and gives a date ramp', () => {
    expect(packCss('#ff0000')).toBe(0xff0000ff);
    expect(timeColor(0)).not.toBe(timeColor(1));
  });
});
