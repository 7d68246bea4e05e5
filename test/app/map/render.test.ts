import { describe, expect, it } from 'vitest';
import { discStamp, drawPoints } from '../../../src/app/map/render.ts';
import { applyFilter } from '../../../src/app/map/colors.ts';
import { packRgba, unpackRgba, clusterPalette } from '../../../src/app/map/palette.ts';

describe('pixel rendering', () => {
  it('dims failing points and draws them first', () => {
    const base = Uint32Array.from([10, 11, 12, 13, 14]);
    const dim = Uint32Array.from([20, 21, 22, 23, 24]);
    const color = new Uint32Array(5);
    const order = new Uint32Array(5);
    const dimmed = applyFilter(base, dim, Uint8Array.from([1, 0, 1, 1, 0]), color, order);
    expect(dimmed).toBe(2);
    expect(Array.from(order)).toEqual([1, 4, 3, 2, 0]);
    expect(Array.from(color)).toEqual([10, 21, 12, 13, 24]);
    expect(applyFilter(base, dim, null, color, order)).toBe(0);
    expect(Array.from(order)).toEqual([0, 1, 2, 3, 4]);
  });
  it('draws single pixels at their screen position', () => {
    const px = new Uint32Array(4 * 3);
    const red = packRgba(255, 0, 0);
    const layer = { x: Float32Array.from([1, 3]), y: Float32Array.from([2, 0]), color: Uint32Array.from([red, red]), order: Uint32Array.from([0, 1]), dimmedCount: 0 };
    const drawn = drawPoints(px, 4, 3, 0, layer, { sx: 1, ox: 0, sy: 1, oy: 0 }, 0.5);
    expect(drawn).toBe(2);
    expect(px[2 * 4 + 1]).toBe(red);
    expect(px[3]).toBe(red);
    expect(px.filter((v) => v === red).length).toBe(2);
  });
  it('stamps discs', () => {
    expect(discStamp(0.5).length).toBe(2);
    expect(discStamp(1).length / 2).toBe(5);
  });
  it('packs colours little-endian RGBA and gives distinct cluster colours', () => {
    expect(unpackRgba(packRgba(1, 2, 3, 4))).toEqual([1, 2, 3, 4]);
    const p = clusterPalette(40);
    expect(new Set(p).size).toBe(40);
  });
});
