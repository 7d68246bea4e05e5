import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clusterAdjacency } from '../../../src/app/map/clusterAdjacency.ts';
import { assignColors, edgeDeltaE, worstDistances } from '../../../src/app/map/assignColors.ts';
import { colorClusters } from '../../../src/app/map/clusterColors.ts';
import { VISIONS } from '../../../src/app/map/cvd.ts';
import { indexPalette } from '../../../bench/lib/indexPalette.ts';

/** Points given as [x, y, cluster]. */
function layout(pts: [number, number, number][]) {
  return {
    x: Float32Array.from(pts, (p) => p[0]),
    y: Float32Array.from(pts, (p) => p[1]),
    labels: Uint16Array.from(pts, (p) => p[2]),
  };
}

describe('cluster adjacency', () => {
  it('links clusters whose cells touch, not those two cells apart', () => {
    // A 3 × 1 map in 3 cells a side: cluster 0 in column 0, 1 in column 1, 2 in column 2.
    const { x, y, labels } = layout([[0.5, 0.5, 0], [0.4, 0.6, 0], [1.5, 0.5, 1], [1.6, 0.4, 1], [2.5, 0.5, 2], [2.5, 0.6, 2]]);
    expect(clusterAdjacency(x, y, labels, 3, [0, 0, 3, 1], { cells: 3 })).toEqual([
      { a: 0, b: 1, w: 1 },
      { a: 1, b: 2, w: 1 },
    ]);
  });
  it('counts diagonal contacts and shared cells, weighted by contacts', () => {
    // 2 × 2 cells: 0 fills the left column, 1 the top right, 2 shares the bottom right with 1.
    const { x, y, labels } = layout([[0.5, 0.5, 0], [0.5, 1.5, 0], [1.5, 1.5, 1], [1.5, 0.5, 1], [1.6, 0.4, 2]]);
    expect(clusterAdjacency(x, y, labels, 3, [0, 0, 2, 2], { cells: 2 })).toEqual([
      { a: 0, b: 1, w: 4 },
      { a: 0, b: 2, w: 2 },
      { a: 1, b: 2, w: 2 },
    ]);
  });
  it('ignores a stray point inside another cluster’s region', () => {
    const pts: [number, number, number][] = [];
    for (let i = 0; i < 20; i++) pts.push([0.5 + i * 0.01, 0.5, 0]);
    pts.push([0.55, 0.5, 1]);
    for (let i = 0; i < 5; i++) pts.push([4.5, 0.5, 1]);
    const { x, y, labels } = layout(pts);
    expect(clusterAdjacency(x, y, labels, 2, [0, 0, 5, 1], { cells: 5 })).toEqual([]);
  });
});

describe('colour assignment', () => {
  it('gives two neighbours the pair of colours farthest apart for every vision', () => {
    // Red and green merge for deuteranopes and protanopes; blue stays apart from both.
    const pool = ['#d62728', '#2ca02c', '#1f77b4'];
    const d = worstDistances(pool);
    const got = assignColors(2, [{ a: 0, b: 1, w: 3 }], pool);
    let best = 0;
    for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) best = Math.max(best, d[i * 3 + j]!);
    expect(d[got[0]! * 3 + got[1]!]).toBe(best);
    expect([got[0], got[1]]).toContain(2);
  });
  it('uses each colour once and is deterministic', () => {
    const edges = [{ a: 0, b: 1, w: 1 }, { a: 1, b: 2, w: 5 }, { a: 0, b: 2, w: 2 }, { a: 2, b: 3, w: 1 }];
    const pool = indexPalette(8);
    const a = assignColors(4, edges, pool);
    expect(new Set(a).size).toBe(4);
    expect(assignColors(4, edges, pool)).toEqual(a);
  });
  it('refuses a pool smaller than k', () => {
    expect(() => assignColors(3, [], ['#000000'])).toThrow(/1 colours for 3 clusters/);
  });
});

describe('cluster colours on real positions (2,000 arXiv papers, test/fixtures/positions-2k.json)', () => {
  const fx = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/positions-2k.json'), 'utf8')) as {
    n: number;
    bounds: [number, number, number, number];
    x: string;
    y: string;
    levels: { name: string; k: number; labels: string }[];
  };
  const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));
  const [x0, y0, x1, y1] = fx.bounds;
  const x = Float32Array.from(bytes(fx.x), (q) => x0 + ((q + 0.5) / 256) * (x1 - x0));
  const y = Float32Array.from(bytes(fx.y), (q) => y0 + ((q + 0.5) / 256) * (y1 - y0));
  // CIEDE2000 (about 2.3 is a just-noticeable difference); what the assignment reaches on this
  // corpus, whose clusters overlap a lot in 2-D (an average of 13 neighbours per cluster at k = 30).
  const THRESHOLD = 9;

  it.each(fx.levels.map((l) => [l.name, l] as const))('%s level: adjacent clusters ≥ ΔE 9 under each vision, and better than by index', (_, lv) => {
    const labels = Uint16Array.from(bytes(lv.labels));
    expect(labels.length).toBe(fx.n);
    const { colors, edges } = colorClusters(x, y, labels, lv.k, fx.bounds);
    expect(colors).toHaveLength(lv.k);
    expect(new Set(colors).size).toBe(lv.k);
    expect(edges.length).toBeGreaterThan(lv.k);
    const before = indexPalette(lv.k);
    for (const v of VISIONS) {
      const after = Math.min(...edgeDeltaE(colors, edges, v));
      expect(after, `${lv.name} ${v}`).toBeGreaterThanOrEqual(THRESHOLD);
      if (v !== 'normal') expect(after, `${lv.name} ${v} vs by index`).toBeGreaterThan(Math.min(...edgeDeltaE(before, edges, v)));
    }
    expect(colorClusters(x, y, labels, lv.k, fx.bounds).colors).toEqual(colors);
  });
});
