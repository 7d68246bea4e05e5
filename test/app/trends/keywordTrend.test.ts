import { describe, expect, it } from 'vitest';
import { keywordTrend } from '../../../src/app/trends/keywordTrend.ts';
import { randomColumns, rng } from './fixtures.ts';

describe('keywordTrend', () => {
  it('computes shares on a hand-checkable fixture', () => {
    const bin = Int16Array.from([0, 0, 0, 1, -1, 2]);
    const labels = Uint16Array.from([0, 1, 1, 0, 0, 1]);
    const kw = Uint8Array.from([1, 1, 0, 0, 1, 1]);
    const t = keywordTrend(bin, labels, 2, 4, kw, null);
    expect(Array.from(t.matches)).toEqual([2, 0, 1, 0]);
    expect(Array.from(t.totals)).toEqual([3, 1, 1, 0]);
    expect(Array.from(t.share)).toEqual([2 / 3, 0, 1, NaN]);
    expect(Array.from(t.clusterMatches)).toEqual([1, 0, 0, 0, /* c1 */ 1, 0, 1, 0]);
    expect(Array.from(t.clusterTotals)).toEqual([1, 1, 0, 0, 2, 0, 1, 0]);
    expect(Array.from(t.clusterShare)).toEqual([1, 0, NaN, NaN, 0.5, NaN, 1, NaN]);
  });

  it('reuses the all-papers denominators across keystrokes without handing out shared arrays', () => {
    const bin = Int16Array.from([0, 0, 1, 1, 1]);
    const labels = Uint16Array.from([0, 1, 0, 0, 1]);
    const first = keywordTrend(bin, labels, 2, 2, Uint8Array.from([1, 0, 0, 1, 1]), null);
    first.totals[0] = 99;
    first.clusterTotals[0] = 99;
    const second = keywordTrend(bin, labels, 2, 2, Uint8Array.from([0, 1, 1, 0, 0]), null);
    expect(Array.from(second.totals)).toEqual([2, 3]);
    expect(Array.from(second.clusterTotals)).toEqual([1, 2, 1, 1]);
    expect(Array.from(second.matches)).toEqual([1, 1]);
    expect(Array.from(second.clusterMatches)).toEqual([0, 1, 1, 0]);
  });

  it('equals a brute-force count, with and without a base mask', () => {
    const n = 4000, k = 5, nBins = 9;
    const { bin, labels, mask: base } = randomColumns(n, k, nBins, 3);
    const r = rng(99);
    const kw = new Uint8Array(n);
    for (let i = 0; i < n; i++) kw[i] = r() < 0.2 ? 1 : 0;
    // The base also as crossfilter fail bits (bit 4 = fails the other filter; bit 1 must be ignored).
    const fails = new Uint8Array(n);
    for (let i = 0; i < n; i++) fails[i] = (base[i] ? 0 : 4) | (r() < 0.5 ? 1 : 0);
    for (const [b, population] of [[null, null], [base, base], [base, { fails, bits: 4 }]] as const) {
      const t = keywordTrend(bin, labels, k, nBins, kw, population);
      for (let bb = 0; bb < nBins; bb++) {
        let m = 0, tot = 0;
        for (let i = 0; i < n; i++) if (bin[i] === bb && (!b || b[i])) { tot++; m += kw[i]!; }
        expect(t.matches[bb]).toBe(m);
        expect(t.totals[bb]).toBe(tot);
        expect(t.share[bb]).toBe(tot ? m / tot : NaN);
        for (let c = 0; c < k; c++) {
          let cm = 0, ct = 0;
          for (let i = 0; i < n; i++) if (bin[i] === bb && labels[i] === c && (!b || b[i])) { ct++; cm += kw[i]!; }
          expect(t.clusterMatches[c * nBins + bb]).toBe(cm);
          expect(t.clusterTotals[c * nBins + bb]).toBe(ct);
        }
      }
    }
  });
});
