import { describe, expect, it } from 'vitest';
import { isTestable, seriesSupport } from '../../../src/pipeline/trends/testable.ts';
import { termOwners } from '../../../src/pipeline/trends/counts.ts';

describe('isTestable (>= 10 papers over >= 4 non-empty fitted periods)', () => {
  const exposure = [50, 50, 50, 50, 50, 0];
  const all = [1, 1, 1, 1, 1, 1];
  it('counts papers and non-empty periods over included bins with papers only', () => {
    expect(seriesSupport([3, 0, 2, 4, 1, 9], exposure, all)).toEqual({ papers: 10, periods: 4 });
    expect(seriesSupport([3, 0, 2, 4, 1, 9], exposure, [1, 1, 1, 1, 0, 1])).toEqual({ papers: 9, periods: 3 });
  });
  it('tests 10 papers over 4 periods, not 9 papers or 3 periods', () => {
    expect(isTestable([3, 0, 2, 4, 1, 0], exposure, all)).toBe(true);
    expect(isTestable([3, 0, 2, 3, 1, 0], exposure, all)).toBe(false);
    expect(isTestable([5, 0, 0, 4, 1, 0], exposure, all)).toBe(false);
    // The bundled corpus's 3-paper cluster shown as +577 %/yr is not tested.
    expect(isTestable([1, 0, 1, 1, 0, 0], exposure, all)).toBe(false);
  });
});

describe('termOwners', () => {
  it('picks the cluster with most papers containing the term, ties to the lower id, -1 when none', () => {
    // 4 papers × 3 terms; labels 0, 1, 1, -1.
    const csr = { rows: 4, cols: 3, indptr: Int32Array.of(0, 2, 4, 5, 6), indices: Int32Array.of(0, 1, 0, 1, 0, 2), data: Float32Array.of(1, 2, 1, 1, 3, 5) };
    expect(Array.from(termOwners(csr, Int32Array.of(0, 1, 1, -1), 2))).toEqual([1, 0, -1]);
  });
});
