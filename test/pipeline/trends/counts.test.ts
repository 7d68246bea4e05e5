import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../../src/schema/artifact.ts';
import { binPapers } from '../../../src/pipeline/trends/bins.ts';
import { countBinTotals, countClusterBins, countTermDocBins, meanDayByCluster } from '../../../src/pipeline/trends/counts.ts';
import type { Csr } from '../../../src/pipeline/trends/types.ts';
import { mulberry32 } from './random.ts';

describe('countClusterBins', () => {
  it('counts a hand example', () => {
    const bin = Int16Array.of(0, 0, 1, -1, 2, 2, 2);
    const labels = Int32Array.of(0, 1, 1, 1, 0, -1, 1);
    expect(Array.from(countClusterBins(labels, 2, bin, 3))).toEqual([1, 0, 1, 1, 1, 1]);
    expect(Array.from(countBinTotals(bin, 3))).toEqual([2, 1, 3]);
  });

  it('equals a brute-force recount on a generated corpus, for every level', () => {
    const rand = mulberry32(7);
    const n = 5000;
    const day = new Int32Array(n);
    const precision = new Uint8Array(n);
    const start = isoToDay('2015-01-01');
    for (let i = 0; i < n; i++) {
      day[i] = start + Math.floor(rand() * 3000);
      precision[i] = rand() < 0.05 ? 0 : rand() < 0.1 ? 1 : rand() < 0.2 ? 2 : 3;
    }
    const b = binPapers(day, precision, { unit: 'quarter' });
    const nBins = b.bins.length;
    for (const k of [3, 8, 20]) {
      const labels = Int32Array.from({ length: n }, () => Math.floor(rand() * k));
      const counts = countClusterBins(labels, k, b.bin, nBins);
      for (let c = 0; c < k; c++) {
        for (let bi = 0; bi < nBins; bi++) {
          const lo = isoToDay(b.bins[bi]!.start);
          const hi = isoToDay(b.bins[bi]!.end);
          let brute = 0;
          for (let i = 0; i < n; i++) if (labels[i] === c && precision[i]! >= 2 && day[i]! >= lo && day[i]! < hi) brute++;
          expect(counts[c * nBins + bi], `k=${k} cluster ${c} bin ${bi}`).toBe(brute);
        }
      }
      const perBin = Array.from({ length: nBins }, (_, bi) => b.bins[bi]!.total);
      const summed = Array.from({ length: nBins }, (_, bi) => Array.from({ length: k }, (_, c) => counts[c * nBins + bi]!).reduce((s, x) => s + x, 0));
      expect(summed).toEqual(perBin);
    }
    const undated = Array.from(precision).filter((p) => p === 0).length;
    const imprecise = Array.from(precision).filter((p) => p === 1).length;
    expect([b.undated, b.imprecise]).toEqual([undated, imprecise]);
  });

  it('names a label outside 0..k-1', () => {
    expect(() => countClusterBins(Int32Array.of(0, 2), 2, Int16Array.of(0, 0), 1)).toThrow(/labels\[1\] = 2/);
  });
});

describe('countTermDocBins', () => {
  it('counts documents containing a term, once per document, binned only', () => {
    // 4 papers × 3 terms; paper 2 is unbinned.
    const csr: Csr = {
      rows: 4,
      cols: 3,
      indptr: Int32Array.of(0, 2, 3, 5, 7),
      indices: Int32Array.of(0, 2, 0, 0, 1, 1, 2),
      data: Float32Array.of(3, 1, 1, 5, 1, 2, 0),
    };
    const docs = countTermDocBins(csr, Int16Array.of(0, 1, -1, 1), 2);
    expect(Array.from(docs)).toEqual([1, 1, 0, 1, 1, 0]);
  });
});

describe('meanDayByCluster', () => {
  it('averages the midpoints of the dated papers', () => {
    const day = Int32Array.of(isoToDay('2020-01-01'), isoToDay('2020-01-03'), isoToDay('2021-02-01'), isoToDay('2019-01-01'), 0);
    const precision = Uint8Array.of(3, 3, 2, 1, 0);
    const labels = Int32Array.of(0, 0, 1, 1, 2);
    const mean = meanDayByCluster(labels, 3, day, precision);
    expect(mean[0]).toBe(isoToDay('2020-01-02'));
    // Feb 2021 midpoint = Feb 1 + 13.5 d; 2019 midpoint = Jan 1 + 182 d; mean of the two, rounded.
    expect(mean[1]).toBe(Math.round((isoToDay('2021-02-01') + 13.5 + isoToDay('2019-01-01') + 182) / 2));
    expect(mean[2]).toBeNull();
  });
});
