import { describe, expect, it } from 'vitest';
import { discStamp, drawPoints } from '../../../src/app/map/render.ts';
import { packRgba, unpackRgba } from '../../../src/app/map/palette.ts';

describe('pixel rendering', () => {
  it('draws single pixels at their screen position', () => {
    const px = new Uint32Array(4 * 3);
    const red = packRgba(255, 0, 0);
    const layer = { x: Float32Array.from([1, 3]), y: Float32Array.from([2, 0]), color: Uint32Array.from([red, red]), dim: Uint32Array.from([7, 7]), pass: null };
    const drawn = drawPoints(px, 4, 3, 0, layer, { sx: 1, ox: 0, sy: 1, oy: 0 }, 0.5);
    expect(drawn).toBe(2);
    expect(px[2 * 4 + 1]).toBe(red);
    expect(px[3]).toBe(red);
    expect(px.filter((v) => v === red).length).toBe(2);
  });
  it('draws failing points faded and under passing ones', () => {
    const px = new Uint32Array(4);
    const layer = { x: Float32Array.from([1, 1, 3]), y: Float32Array.from([0, 0, 0]), color: Uint32Array.from([5, 6, 8]), dim: Uint32Array.from([50, 60, 80]), pass: Uint8Array.from([1, 0, 0]) };
    drawPoints(px, 4, 1, 0, layer, { sx: 1, ox: 0, sy: 1, oy: 0 }, 0.5);
    expect(Array.from(px)).toEqual([0, 5, 0, 80]);
  });
  it('reads fail bits in place: a point fails when fails & failMask is non-zero', () => {
    const px = new Uint32Array(4);
    // Point 0 fails only the masked-out bit 8 (its own view's clause), point 1 fails bit 1, point 2 passes.
    const layer = { x: Float32Array.from([0, 1, 1]), y: Float32Array.from([0, 0, 0]), color: Uint32Array.from([5, 6, 8]), dim: Uint32Array.from([50, 60, 80]), pass: null, fails: Uint8Array.from([8, 1, 0]), failMask: 7 };
    drawPoints(px, 4, 1, 0, layer, { sx: 1, ox: 0, sy: 1, oy: 0 }, 0.5);
    expect(Array.from(px)).toEqual([5, 8, 0, 0]);
    layer.x = Float32Array.from([0, 1, 2]);
    drawPoints(px, 4, 1, 0, layer, { sx: 1, ox: 0, sy: 1, oy: 0 }, 0.5);
    expect(Array.from(px)).toEqual([5, 60, 8, 0]);
  });
  it('stamps discs', () => {
    expect(discStamp(0.5).length).toBe(2);
    expect(discStamp(1).length / 2).toBe(5);
  });
  it('packs colours little-endian RGBA', () => {
    expect(unpackRgba(packRgba(1, 2, 3, 4))).toEqual([1, 2, 3, 4]);
  });
});
