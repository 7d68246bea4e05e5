import { describe, expect, it } from 'vitest';
import { buildGrid, inBox, nearest } from '../../../src/app/map/hitTest.ts';

describe('grid hit-testing', () => {
  const x = Float32Array.from([0, 1, 2, 9, 5]);
  const y = Float32Array.from([0, 1, 2, 9, 5]);
  const g = buildGrid(x, y, [0, 0, 10, 10], 1);
  it('finds the nearest point within the radius', () => {
    expect(nearest(g, 1.1, 0.9, 0.5)).toBe(1);
    expect(nearest(g, 8.8, 9.2, 1)).toBe(3);
    expect(nearest(g, 7, 7, 0.5)).toBe(-1);
  });
  it('respects accept and breaks ties by index', () => {
    expect(nearest(g, 0.5, 0.5, 1)).toBe(0);
    expect(nearest(g, 0.5, 0.5, 1, (i) => i !== 0)).toBe(1);
  });
  it('lists points in a box', () => {
    expect(Array.from(inBox(g, 0.5, 0.5, 5, 5))).toEqual([1, 2, 4]);
  });
  it('matches brute force on random points', () => {
    const n = 2000;
    const rx = new Float32Array(n), ry = new Float32Array(n);
    let s = 7;
    const r = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < n; i++) { rx[i] = r() * 100; ry[i] = r() * 50; }
    const grid = buildGrid(rx, ry, [0, 0, 100, 50]);
    for (let q = 0; q < 50; q++) {
      const qx = r() * 100, qy = r() * 50;
      let best = -1, bd = 4;
      for (let i = 0; i < n; i++) {
        const d = (rx[i]! - qx) ** 2 + (ry[i]! - qy) ** 2;
        if (d < bd) { bd = d; best = i; }
      }
      expect(nearest(grid, qx, qy, 2)).toBe(best);
    }
  });
});
