import { describe, expect, it } from 'vitest';
import { emptyRuns, partialTail } from '../../../src/app/trends/gaps.ts';

describe('emptyRuns', () => {
  it('finds maximal runs of zero totals, including at the edges', () => {
    expect(emptyRuns([0, 3, 0, 0, 5, 0])).toEqual([[0, 0], [2, 3], [5, 5]]);
    expect(emptyRuns([1, 2])).toEqual([]);
    expect(emptyRuns(Int32Array.from([0, 0]))).toEqual([[0, 1]]);
  });
});

describe('partialTail', () => {
  it('splits off trailing partial bins', () => {
    expect(partialTail([false, false, true])).toEqual({ solidEnd: 1, partialStart: 2 });
    expect(partialTail([false, false])).toEqual({ solidEnd: 1, partialStart: null });
    expect(partialTail([true])).toEqual({ solidEnd: -1, partialStart: 0 });
  });
});
