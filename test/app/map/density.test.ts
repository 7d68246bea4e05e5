import { describe, expect, it } from 'vitest';
import { binPoints, blitShifted, boxBlur, makeGrid, paintField, shadeCells, total } from '../../../src/app/map/density.ts';
import { packRgba } from '../../../src/app/map/palette.ts';

const ID = { sx: 1, ox: 0, sy: 1, oy: 0 };

describe('density grid', () => {
  it('counts points per cell exactly, skipping points outside and failing ones', () => {
    const g = makeGrid(3, 2, 0, 0, 10);
    const x = Float32Array.from([1, 9.9, 10, 25, 29, 5, -1, 30, 15]);
    const y = Float32Array.from([1, 9.9, 0, 15, 19, 12, 5, 5, 5]);
    expect(binPoints(g, x, y, ID)).toBe(7);
    expect(Array.from(g.values)).toEqual([2, 2, 0, 1, 0, 2]);
    // Fail bits: point 0 and 3 fail under mask 0b10; bit 0b01 is ignored.
    const fails = Uint8Array.from([2, 1, 0, 2, 0, 0, 0, 0, 0]);
    expect(binPoints(g, x, y, ID, fails, 0b10)).toBe(5);
    expect(Array.from(g.values)).toEqual([1, 2, 0, 1, 0, 1]);
  });

  it('maps through the affine and the grid origin', () => {
    const g = makeGrid(2, 2, 100, 100, 4);
    // data (0,0) → screen (102, 106) → cell (0, 1)
    binPoints(g, Float32Array.from([0]), Float32Array.from([0]), { sx: 2, ox: 102, sy: 2, oy: 106 });
    expect(Array.from(g.values)).toEqual([0, 0, 1, 0]);
  });

  it('blur preserves mass, edges included, and spreads a spike symmetrically', () => {
    const g = makeGrid(9, 7, 0, 0, 1);
    g.values[3 * 9 + 4] = 10;
    g.values[0] = 5; // a corner
    g.values[6 * 9 + 8] = 1;
    boxBlur(g, 2, 3);
    expect(total(g)).toBeCloseTo(16, 4);
    const big = makeGrid(41, 41, 0, 0, 1);
    big.values[20 * 41 + 20] = 1;
    boxBlur(big, 3, 3);
    expect(total(big)).toBeCloseTo(1, 6);
    const v = (cx: number, cy: number) => big.values[cy * 41 + cx]!;
    expect(v(17, 20)).toBeCloseTo(v(23, 20), 6);
    expect(v(20, 17)).toBeCloseTo(v(20, 23), 6);
    expect(v(20, 20)).toBeGreaterThan(v(22, 20));
    expect(v(20, 20)).toBeLessThan(1);
  });

  it('shades empty cells as the background and dense ones darker', () => {
    const bg = packRgba(251, 250, 247);
    const g = makeGrid(3, 1, 0, 0, 1);
    g.values.set([0, 1, 4]);
    const c = shadeCells(g, bg);
    expect(c[0]).toBe(bg);
    const lum = (w: number) => (w & 255) + ((w >>> 8) & 255) + ((w >>> 16) & 255);
    expect(lum(c[2]!)).toBeLessThan(lum(c[1]!));
    expect(lum(c[1]!)).toBeLessThan(lum(bg));
    expect(c[2]! >>> 24).toBe(255);
  });

  it('paints a uniform field uniformly and a scaled grid at cell centres', () => {
    const g = makeGrid(2, 2, 0, 0, 2);
    const cells = Uint32Array.from([packRgba(0, 0, 0), packRgba(200, 0, 0), packRgba(0, 0, 0), packRgba(200, 0, 0)]);
    const px = new Uint32Array(4 * 4);
    paintField(g, cells, px, 4, 4, 1);
    // Columns 0 and 3 lie outside the centre-to-centre span: clamped to the end cells.
    expect(px[0]! & 255).toBe(0);
    expect(px[3]! & 255).toBe(200);
    expect(px[1]! & 255).toBe(50);
    expect(px[2]! & 255).toBe(150);
  });

  it('blits shifted rows and fills the uncovered strip', () => {
    const src = Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const dst = new Uint32Array(9);
    blitShifted(src, dst, 3, 3, 1, -1, 0);
    expect(Array.from(dst)).toEqual([0, 4, 5, 0, 7, 8, 0, 0, 0]);
    blitShifted(src, dst, 3, 3, -2, 1, 0);
    expect(Array.from(dst)).toEqual([0, 0, 0, 3, 0, 0, 6, 0, 0]);
    blitShifted(src, dst, 3, 3, 0, 0, 0);
    expect(Array.from(dst)).toEqual(Array.from(src));
    blitShifted(src, dst, 3, 3, 5, 0, 7);
    expect(Array.from(dst)).toEqual(new Array(9).fill(7));
  });
});
