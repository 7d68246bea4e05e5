import { describe, expect, it } from 'vitest';
import { selectionAhead, type BrushGesture } from '../../../src/app/trends/brushAhead.ts';

const W = 500;
const g = (grip: BrushGesture['grip'], x0: number, s0: [number, number] | null = null): BrushGesture => ({ grip, x0, s0, width: W });

describe('selection ahead of d3-brush', () => {
  it('a new selection spans the start point and the pointer, either way round, clamped to the extent', () => {
    expect(selectionAhead(g('overlay', 100), 180)).toEqual([100, 180]);
    expect(selectionAhead(g('overlay', 100), 40)).toEqual([40, 100]);
    expect(selectionAhead(g('overlay', 100), 100)).toEqual([100, 100]);
    expect(selectionAhead(g('overlay', 100), 900)).toEqual([100, 500]);
    expect(selectionAhead(g('overlay', 100), -30)).toEqual([0, 100]);
  });

  it('dragging the selection moves both edges and stops at the extent', () => {
    const s = g('selection', 150, [100, 200]);
    expect(selectionAhead(s, 170)).toEqual([120, 220]);
    expect(selectionAhead(s, 10)).toEqual([0, 100]);
    expect(selectionAhead(s, 1000)).toEqual([400, 500]);
  });

  it('a handle moves its edge and flips past the other one', () => {
    expect(selectionAhead(g('e', 200, [100, 200]), 260)).toEqual([100, 260]);
    expect(selectionAhead(g('e', 200, [100, 200]), 60)).toEqual([60, 100]);
    expect(selectionAhead(g('w', 100, [100, 200]), 130)).toEqual([130, 200]);
    expect(selectionAhead(g('w', 100, [100, 200]), 320)).toEqual([200, 320]);
    expect(selectionAhead(g('w', 100, [100, 200]), -50)).toEqual([0, 200]);
  });

  it('a handle grabbed off its exact edge keeps the offset, as d3 does', () => {
    // Grabbed 3 px right of the east edge: the edge moves by the pointer's delta.
    expect(selectionAhead(g('e', 203, [100, 200]), 253)).toEqual([100, 250]);
  });
});
