import { describe, expect, it } from 'vitest';
import { lab } from 'd3-color';
import { clusterPalette, packCss, timeColor } from '../../../src/app/map/palette.ts';

function minDeltaE(colors: string[]): number {
  const p = colors.map((c) => lab(c));
  let min = Infinity;
  for (let i = 0; i < p.length; i++)
    for (let j = i + 1; j < p.length; j++) min = Math.min(min, Math.hypot(p[i]!.l - p[j]!.l, p[i]!.a - p[j]!.a, p[i]!.b - p[j]!.b));
  return min;
}

describe('cluster palette', () => {
  it('starts with Tableau 10 and is deterministic', () => {
    expect(clusterPalette(3)).toEqual(['#4e79a7', '#f28e2b', '#e15759']);
    expect(clusterPalette(24).slice(0, 10)).toEqual(clusterPalette(10));
    expect(clusterPalette(24)).toEqual(clusterPalette(24));
  });
  it('keeps 24 and 40 clusters apart (CIELAB ΔE76) and off the background', () => {
    expect(minDeltaE(clusterPalette(24))).toBeGreaterThan(20);
    expect(minDeltaE(clusterPalette(40))).toBeGreaterThan(15);
    for (const c of clusterPalette(40)) expect(lab(c).l).toBeLessThan(85);
  });
  it('packs CSS colours and gives a date ramp', () => {
    expect(packCss('#ff0000')).toBe(0xff0000ff);
    expect(timeColor(0)).not.toBe(timeColor(1));
  });
});
