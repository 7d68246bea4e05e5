import { describe, expect, it } from 'vitest';
import { countByCluster, countMask, resolveClauses, type Clause } from '../../../src/app/state/crossfilter.ts';
import { failMaskExcept, FilterIndex, SOURCE_BIT } from '../../../src/app/state/filterIndex.ts';

const clause = (source: Clause['source'], bits: number[]): Clause => ({ source, mask: Uint8Array.from(bits), description: source });

// Papers 0..5 in clusters 0, 1, 1, 0, 2, 1 (k = 3).
const labels = Uint16Array.from([0, 1, 1, 0, 2, 1]);

describe('FilterIndex', () => {
  it('with no clauses: everything passes, counts are cluster sizes', () => {
    const f = new FilterIndex(labels, 3);
    expect(f.update([])).toBe(false);
    expect(f.filters()).toBe(false);
    expect(f.countPassing()).toBe(6);
    expect(Array.from(f.clusterCounts())).toEqual([2, 3, 1]);
    expect(f.maskFor()).toBeNull();
  });

  it('records failed clauses as bits and answers each view without its own clause', () => {
    const f = new FilterIndex(labels, 3);
    const kw = clause('keyword', [1, 1, 0, 1, 1, 0]);
    const time = clause('time', [0, 1, 1, 1, 1, 1]);
    expect(f.update([kw, time])).toBe(true);
    expect(Array.from(f.fails)).toEqual([4, 0, 1, 0, 0, 1]);
    expect(f.active).toBe(SOURCE_BIT.keyword | SOURCE_BIT.time);
    expect(f.countPassing()).toBe(3); // papers 1, 3, 4
    expect(f.countPassing('keyword')).toBe(5); // time only
    expect(f.countPassing('time')).toBe(4); // keyword only
    expect(Array.from(f.clusterCounts())).toEqual([1, 1, 1]);
    expect(Array.from(f.clusterCounts('cluster'))).toEqual([1, 1, 1]);
    expect(Array.from(f.clusterCounts('time'))).toEqual([2, 1, 1]);
    expect(f.passes(0)).toBe(false);
    expect(f.passes(0, 'time')).toBe(true);
    expect(Array.from(f.maskFor('keyword')!)).toEqual([0, 1, 1, 1, 1, 1]);
    expect(f.filters('map')).toBe(true);
  });

  it('rewrites only the changed clause (a brush move) and drops removed ones', () => {
    const f = new FilterIndex(labels, 3);
    const kw = clause('keyword', [1, 1, 0, 1, 1, 0]);
    f.update([kw, clause('time', [0, 1, 1, 1, 1, 1])]);
    const v = f.version;
    expect(f.update([kw, clause('time', [1, 1, 1, 0, 0, 0])])).toBe(true);
    expect(f.version).toBe(v + 1);
    expect(Array.from(f.fails)).toEqual([0, 0, 1, 4, 4, 5]);
    expect(Array.from(f.clusterCounts())).toEqual([1, 1, 0]);
    f.update([kw]);
    expect(Array.from(f.fails)).toEqual([0, 0, 1, 0, 0, 1]);
    expect(f.countPassing()).toBe(4);
    expect(f.filters('keyword')).toBe(false);
    f.update([]);
    expect(Array.from(f.fails)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(f.active).toBe(0);
  });

  it('agrees with resolveClauses / countByCluster on every exclusion', () => {
    const n = 500;
    let s = 7;
    const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const lab = Uint16Array.from({ length: n }, () => Math.floor(rnd() * 5));
    const mk = (src: Clause['source']) => clause(src, Array.from({ length: n }, () => (rnd() < 0.6 ? 1 : 0)));
    const f = new FilterIndex(lab, 5);
    const sets = [[mk('keyword')], [mk('keyword'), mk('cluster')], [mk('time'), mk('map'), mk('cluster'), mk('keyword')], [mk('map')]];
    for (const clauses of sets) {
      f.update(clauses);
      for (const ex of [undefined, 'keyword', 'cluster', 'time', 'map'] as const) {
        const mask = resolveClauses(clauses, n, ex);
        expect(Array.from(f.clusterCounts(ex))).toEqual(Array.from(countByCluster(lab, 5, mask)));
        expect(f.countPassing(ex)).toBe(countMask(mask, n));
        expect(f.maskFor(ex)).toEqual(mask);
      }
    }
  });

  it('counts papers whose label is outside [0, k) in the totals only', () => {
    const f = new FilterIndex(Uint16Array.from([0, 9, 1]), 2);
    f.update([clause('map', [1, 1, 0])]);
    expect(Array.from(f.clusterCounts())).toEqual([1, 0]);
    expect(f.countPassing()).toBe(2);
  });

  it('names a clause of the wrong length', () => {
    const f = new FilterIndex(labels, 3);
    expect(() => f.update([clause('time', [1, 0])])).toThrow(/time clause has 2 entries, expected 6/);
  });

  it('fail masks leave out the asking view', () => {
    expect(failMaskExcept()).toBe(15);
    expect(failMaskExcept('map')).toBe(7);
    expect(failMaskExcept('keyword')).toBe(14);
    expect(failMaskExcept('keyword', 'time')).toBe(10);
  });
});
