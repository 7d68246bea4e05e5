import { describe, expect, it } from 'vitest';
import { boxesOverlap, placeLabels, type LabelCandidate } from '../../../src/app/map/labels.ts';

const c = (key: string, x: number, y: number, priority: number, width = 20, height = 10): LabelCandidate => ({
  key, text: key, x, y, width, height, priority, kind: 'cluster', cluster: 0,
});

describe('label placement', () => {
  it('keeps the bigger of two overlapping labels, exactly', () => {
    const placed = placeLabels([c('small', 55, 50, 1), c('big', 50, 50, 10), c('far', 150, 50, 5)], { width: 200, height: 100 }, 0);
    expect(placed.map((p) => p.key)).toEqual(['big', 'far']);
    expect(placed[0]).toMatchObject({ x0: 40, x1: 60, y0: 45, y1: 55 });
  });
  it('drops labels outside the viewport', () => {
    expect(placeLabels([c('edge', 5, 50, 1)], { width: 200, height: 100 }, 0)).toEqual([]);
  });
  it('never overlaps on a dense random case', () => {
    const cands = Array.from({ length: 300 }, (_, i) => c(`l${i}`, (i * 37) % 400, (i * 53) % 300, i % 17, 30 + (i % 5) * 8, 12));
    const placed = placeLabels(cands, { width: 400, height: 300 });
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(placed[i]!, placed[j]!)).toBe(false);
    expect(placed.length).toBeGreaterThan(10);
  });
  it('keeps labels off obstacles, and with shifts moves a label a line up instead of dropping it', () => {
    const bar = { x0: 0, y0: 90, x1: 120, y1: 100 };
    // Anchored at y 88 (height 10 → box 83..93): crosses the bar.
    expect(placeLabels([c('low', 60, 88, 1)], { width: 200, height: 100 }, 0, 10, { obstacles: [bar] })).toEqual([]);
    const moved = placeLabels([c('low', 60, 88, 1)], { width: 200, height: 100 }, 0, 10, { obstacles: [bar], shifts: [0, -1, 1] });
    expect(moved.map((l) => [l.key, l.y, l.y0, l.y1])).toEqual([['low', 78, 73, 83]]);
    // Beside the bar nothing moves.
    expect(placeLabels([c('right', 170, 88, 1)], { width: 200, height: 100 }, 0, 10, { obstacles: [bar], shifts: [0, -1] })[0]!.y).toBe(88);
  });
});
