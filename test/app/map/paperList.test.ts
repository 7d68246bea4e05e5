import { describe, expect, it } from 'vitest';
import { newestFirst, newestPassing, representativePapers } from '../../../src/app/map/paperList.ts';

describe('paper list', () => {
  it('takes the best representatives of the largest clusters first', () => {
    const clusters = [
      { size: 10, representatives: [1, 2, 3] },
      { size: 50, representatives: [7, 8, 9] },
      { size: 30, representatives: [4] },
      { size: 30, representatives: [5, 6] },
    ];
    expect(representativePapers(clusters, 2, 40)).toEqual([7, 8, 4, 5, 6, 1, 2]);
    expect(representativePapers(clusters, 1, 3)).toEqual([7, 4, 5]);
    expect(representativePapers([], 2, 40)).toEqual([]);
  });

  it('lists lead papers first, then passing papers newest first, undated last', () => {
    //            0   1   2   3   4   5   6
    const day = [10, 50, 30, 50, 99, 70, 0];
    const prec = [3, 3, 3, 3, 3, 0, 0];
    const pass = (i: number) => i !== 4;
    const order = newestFirst(day, prec);
    expect(Array.from(order)).toEqual([4, 1, 3, 2, 0, 5, 6]);
    expect(newestPassing(order, pass, [], 10)).toEqual([1, 3, 2, 0, 5, 6]);
    expect(newestPassing(order, pass, [2, 4, 2], 10)).toEqual([2, 1, 3, 0, 5, 6]);
    expect(newestPassing(order, pass, [0], 3)).toEqual([0, 1, 3]);
    expect(newestPassing(order, () => false, [1], 3)).toEqual([]);
  });

  it('orders days spread wider than the counting sort allows with the comparator fallback, the same way', () => {
    const day = [5_000_000, 3, 5_000_000, -2_000_000, 7];
    const prec = [3, 3, 3, 0, 3];
    expect(Array.from(newestFirst(day, prec))).toEqual([0, 2, 4, 1, 3]);
  });

  it('matches a full sort on a larger random corpus', () => {
    let s = 7;
    const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const n = 2000;
    const day = Array.from({ length: n }, () => Math.floor(rnd() * 300));
    const prec = Array.from({ length: n }, () => (rnd() < 0.1 ? 0 : 3));
    const pass = (i: number) => i % 3 !== 0;
    const key = (i: number) => (prec[i] ? day[i]! : -Infinity);
    const all = Array.from({ length: n }, (_, i) => i).filter(pass).sort((a, b) => key(b) - key(a) || a - b);
    expect(newestPassing(newestFirst(day, prec), pass, [], 40)).toEqual(all.slice(0, 40));
  });
});
