import { describe, expect, it } from 'vitest';
import { clusterRow, clusterTotals, countByClusterBin, shareOfBin } from '../../../src/app/trends/binCounts.ts';
import { binRangeMask } from '../../../src/app/trends/timeMask.ts';
import { randomColumns } from './fixtures.ts';

describe('countByClusterBin', () => {
  it('counts a hand-checkable fixture exactly', () => {
    const bin = Int16Array.from([0, 0, 1, -1, 2, 2, 2]);
    const labels = Uint16Array.from([0, 1, 1, 0, 0, 0, 1]);
    const bc = countByClusterBin(bin, labels, 2, 3, null);
    expect(Array.from(bc.counts)).toEqual([1, 0, 2, /* c1 */ 1, 1, 1]);
    expect(Array.from(bc.totals)).toEqual([2, 1, 3]);
    const masked = countByClusterBin(bin, labels, 2, 3, Uint8Array.from([1, 0, 1, 1, 0, 1, 1]));
    expect(Array.from(masked.counts)).toEqual([1, 0, 1, 0, 1, 1]);
    expect(Array.from(masked.totals)).toEqual([1, 1, 2]);
    expect(Array.from(clusterTotals(masked))).toEqual([2, 2]);
    // The same population as crossfilter fail bits: bit 2 excludes, bit 1 is ignored.
    const fails = Uint8Array.from([0, 2, 1, 0, 6, 1, 0]);
    const viaBits = countByClusterBin(bin, labels, 2, 3, { fails, bits: 2 });
    expect(Array.from(viaBits.counts)).toEqual(Array.from(masked.counts));
    expect(Array.from(viaBits.totals)).toEqual(Array.from(masked.totals));
    expect(clusterRow(masked.counts, 3, 1)).toEqual([0, 1, 1]);
  });

  it('shares are count / bin total, and 0 (not NaN) in empty bins', () => {
    const bin = Int16Array.from([0, 0, 0, 2]);
    const labels = Uint16Array.from([0, 1, 1, 1]);
    const s = shareOfBin(countByClusterBin(bin, labels, 2, 3, null));
    expect(Array.from(s)).toEqual([1 / 3, 0, 0, 2 / 3, 0, 1]);
  });

  it('counts under a time mask equal a brute-force recount from the per-paper columns', () => {
    const n = 5000, k = 7, nBins = 13;
    const { bin, labels, mask } = randomColumns(n, k, nBins, 42);
    for (const range of [[0, 0], [3, 7], [12, 12], [0, 12], [9, 4]] as [number, number][]) {
      const time = binRangeMask(bin, range);
      const both = new Uint8Array(n);
      for (let i = 0; i < n; i++) both[i] = time[i]! & mask[i]!;
      for (const m of [time, both]) {
        const bc = countByClusterBin(bin, labels, k, nBins, m);
        const lo = Math.min(...range), hi = Math.max(...range);
        for (let c = 0; c < k; c++) {
          for (let b = 0; b < nBins; b++) {
            let brute = 0;
            for (let i = 0; i < n; i++) {
              if (bin[i] === b && labels[i] === c && bin[i]! >= lo && bin[i]! <= hi && (m === time || mask[i] === 1)) brute++;
            }
            expect(bc.counts[c * nBins + b]).toBe(brute);
          }
        }
        for (let b = 0; b < nBins; b++) {
          let brute = 0;
          for (let i = 0; i < n; i++) if (m[i] && bin[i] === b) brute++;
          expect(bc.totals[b]).toBe(brute);
        }
      }
    }
  });

  it('rejects columns of different lengths', () => {
    expect(() => countByClusterBin(new Int16Array(3), new Uint16Array(2), 1, 1, null)).toThrow(/labels has 2/);
    expect(() => countByClusterBin(new Int16Array(3), new Uint16Array(3), 1, 1, { fails: new Uint8Array(2), bits: 1 })).toThrow(/mask has 2/);
  });
});
