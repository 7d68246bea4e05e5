import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../../src/schema/artifact.ts';
import { buildTrends } from '../../../src/pipeline/trends/build.ts';
import { benjaminiHochberg } from '../../../src/pipeline/trends/fdr.ts';
import { levelIdf } from '../../../src/pipeline/trends/idf.ts';
import { fitGrowth } from '../../../src/pipeline/trends/growth.ts';
import type { ClassTermScorer, Csr, Vocabulary } from '../../../src/pipeline/trends/types.ts';

// Nine papers over four months; paper 7 year-only (imprecise for months), paper 8 undated.
const dates: [string, number][] = [
  ['2024-01-05', 3], ['2024-01-20', 3], ['2024-02-10', 3], ['2024-02-11', 3], ['2024-03-01', 3],
  ['2024-04-02', 3], ['2024-04-10', 3], ['2024', 1], ['', 0],
];
const day = Int32Array.from(dates, ([iso, p]) => (p ? isoToDay(iso) : 0));
const precision = Uint8Array.from(dates, ([, p]) => p);
const coarse = Int32Array.of(0, 0, 1, 1, 0, 1, 1, 0, 1);
const fine = Int32Array.of(0, 1, 2, 2, 0, 2, 1, 0, 2);
// Two terms; term 0 in papers 0, 1, 5; term 1 in papers 2, 3, 4, 6.
const termCounts: Csr = {
  rows: 9,
  cols: 2,
  indptr: Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7, 7, 7),
  indices: Int32Array.of(0, 0, 1, 1, 1, 0, 1),
  data: Float32Array.of(2, 1, 1, 3, 1, 1, 1),
};
const vocabulary: Vocabulary = { keys: ['agent', 'graph'], display: ['agents', 'graphs'], phrase: Uint8Array.of(0, 0), df: Int32Array.of(3, 4) };

describe('buildTrends', () => {
  it('assembles bins, per-level counts, growth, bursts and meanDay', () => {
    const { trends, bin, meanDay } = buildTrends(
      { day, precision, termCounts, vocabulary, levels: [{ name: 'coarse', labels: coarse, k: 2 }, { name: 'fine', labels: fine, k: 3 }] },
      // Clusters of 2-4 papers: tested here only because the series rule is lowered to nothing.
      { minTermDocs: 1, scoreClassTerms: null, series: { minPapers: 1, minPeriods: 1 } },
    );
    expect(trends.unit).toBe('month');
    expect(trends.bins.map((b) => [b.label, b.total, b.partial, b.sparse])).toEqual([
      ['2024-01', 2, false, false], ['2024-02', 2, false, false], ['2024-03', 1, false, false], ['2024-04', 2, true, false],
    ]);
    expect([trends.undated, trends.imprecise]).toEqual([1, 1]);
    expect(Array.from(bin)).toEqual([0, 0, 1, 1, 2, 3, 3, -1, -1]);
    expect(trends.levels.map((l) => l.level)).toEqual(['coarse', 'fine']);
    expect(trends.levels[0]!.clusters.map((c) => c.counts)).toEqual([[2, 0, 1, 0], [0, 2, 0, 2]]);
    expect(trends.levels[1]!.clusters.map((c) => c.counts)).toEqual([[1, 0, 1, 0], [1, 0, 0, 1], [0, 2, 0, 1]]);
    // Growth leaves the partial April out: coarse cluster 0 over Jan–Mar = 2, 0, 1 of 2, 2, 1.
    const t = trends.bins.map((b) => (isoToDay(b.start) + isoToDay(b.end)) / 2 / 365.2425);
    const g = trends.levels[0]!.clusters[0]!.growth!;
    expect(g.slope).toBeCloseTo(fitGrowth([2, 0, 1, 0], [2, 2, 1, 2], t, [1, 1, 1, 0])!.slope, 12);
    expect(trends.levels[0]!.clusters[1]!.growth!.slope).toBeCloseTo(fitGrowth([0, 2, 0, 2], [2, 2, 1, 2], t, [1, 1, 1, 0])!.slope, 12);
    expect(trends.levels[1]!.clusters[1]!.growth).toBeNull(); // Jan–Mar counts 1, 0, 0: all in the first bin
    // BH within a level: two tests in 'coarse'.
    const ps = trends.levels[0]!.clusters.map((c) => c.growth!.pValue);
    const q = benjaminiHochberg(ps);
    expect(trends.levels[0]!.clusters.map((c) => c.growth!.qValue)).toEqual(Array.from(q));
    expect(Math.max(...q)).toBe(Math.max(...ps));
    expect(trends.levels[0]!.clusters.every((c) => c.topTerms.length === 4 && c.topTerms.every((x) => x.length === 0))).toBe(true);
    expect(meanDay[0]).toEqual([
      Math.round((isoToDay('2024-01-05') + isoToDay('2024-01-20') + isoToDay('2024-03-01') + (isoToDay('2024-01-01') + isoToDay('2024-12-31')) / 2) / 4),
      Math.round((isoToDay('2024-02-10') + isoToDay('2024-02-11') + isoToDay('2024-04-02') + isoToDay('2024-04-10')) / 4),
    ]);
    expect(trends.method.alpha).toBe(0.05);
    expect(trends.method.minTermDocs).toBe(1);
    expect(trends.method.growth).toMatch(/quasi-Poisson/);
    expect(trends.method.burst).toMatch(/Kleinberg.*2\*p0.*1\*ln\(bins\)/);
    expect([trends.method.minSeriesPapers, trends.method.minSeriesPeriods]).toEqual([1, 1]);
  });

  it('does not test series below 10 papers over 4 periods by default', () => {
    const { trends } = buildTrends(
      { day, precision, termCounts, vocabulary, levels: [{ name: 'coarse', labels: coarse, k: 2 }] },
      { minTermDocs: 1, scoreClassTerms: null },
    );
    expect(trends.levels[0]!.clusters.map((c) => c.growth)).toEqual([null, null]);
    expect([trends.method.minSeriesPapers, trends.method.minSeriesPeriods]).toEqual([10, 4]);
    expect(trends.method.growth).toMatch(/>= 10 papers over >= 4 non-empty fitted periods/);
  });

  it('tests terms in the families of the clusters that passed BH, and leaves low-coverage bins out of the fits', () => {
    // Eight months of 100 papers, month 6 holding 10 (a collection gap). Cluster 0's share rises
    // 10% → 45%; cluster 1 is the rest. Term 0 is in every cluster-0 paper, term 1 in every fifth cluster-1 paper.
    const perMonth = [100, 100, 100, 100, 100, 100, 10, 100];
    const share0 = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45];
    const days: number[] = [];
    const labels: number[] = [];
    perMonth.forEach((total, m) => {
      const ones = Math.round(total * share0[m]!);
      for (let i = 0; i < total; i++) {
        days.push(isoToDay(`2024-0${m + 1}-28`)); // the 28th: August is complete (3 days tolerance)
        labels.push(i < ones ? 0 : 1);
      }
    });
    const n = days.length;
    const indptr = new Int32Array(n + 1);
    const indices: number[] = [];
    labels.forEach((c, i) => {
      if (c === 0) indices.push(0);
      else if (i % 5 === 0) indices.push(1);
      indptr[i + 1] = indices.length;
    });
    const csr: Csr = { rows: n, cols: 2, indptr, indices: Int32Array.from(indices), data: new Float32Array(indices.length).fill(1) };
    const { trends } = buildTrends(
      { day: Int32Array.from(days), precision: new Uint8Array(n).fill(3), termCounts: csr, vocabulary, levels: [{ name: 'default', labels: Int32Array.from(labels), k: 2 }] },
      { scoreClassTerms: null },
    );
    expect(trends.bins.map((b) => b.sparse)).toEqual([false, false, false, false, false, false, true, false]);
    const g0 = trends.levels[0]!.clusters[0]!.growth!;
    const counts0 = trends.levels[0]!.clusters[0]!.counts;
    const t = trends.bins.map((b) => (isoToDay(b.start) + isoToDay(b.end)) / 2 / 365.2425);
    expect(g0.slope).toBeCloseTo(fitGrowth(counts0, perMonth, t, [1, 1, 1, 1, 1, 1, 0, 1])!.slope, 12);
    expect(g0.qValue).toBeLessThan(0.05);
    expect(trends.levels[0]!.clusters[1]!.growth!.qValue).toBeLessThan(0.05); // its complement falls
    // Both clusters passed, so both terms are tested in their cluster's family of one (q_family = p,
    // never above the flat q): q = 2p.
    expect(trends.method.termFamily).toMatchObject({ level: 'default', clusters: [0, 1], tested: 2, eligible: 2 });
    expect(trends.terms.map((x) => [x.term, x.cluster])).toEqual([['agents', 0], ['graphs', 1]]);
    for (const x of trends.terms) expect(x.growth.qValue).toBe(Math.min(1, 2 * x.growth.pValue));
    expect(trends.method.coverage).toMatch(/< 25% of the median/);
  });

  it('asks the c-TF-IDF scorer for classes cluster·nBins + bin with the level idf', () => {
    const idf = Float64Array.of(1.5, 0.5);
    const calls: { classOf: number[]; nClasses: number; options: unknown }[] = [];
    const scorer: ClassTermScorer = (counts, classOf, nClasses, options) => {
      calls.push({ classOf: Array.from(classOf), nClasses, options });
      // Class c gets term (c mod 2) when it has any row.
      const terms = Array.from({ length: nClasses }, (_, c) => (Array.from(classOf).includes(c) ? Int32Array.of(c % 2) : new Int32Array(0)));
      return { terms, scores: terms.map((x) => new Float32Array(x.length)) };
    };
    const { trends } = buildTrends(
      { day, precision, termCounts, vocabulary, levels: [{ name: 'default', labels: coarse, k: 2, idf }] },
      { scoreClassTerms: scorer, topTermsPerBin: 3 },
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]!.nClasses).toBe(8);
    expect(calls[0]!.classOf).toEqual([0, 0, 5, 5, 2, 7, 7, -1, -1]);
    expect(calls[0]!.options).toEqual({ idf, topN: 3, minCount: 2 });
    expect(trends.levels[0]!.clusters[0]!.topTerms).toEqual([['agents'], [], ['agents'], []]);
    expect(trends.levels[0]!.clusters[1]!.topTerms).toEqual([[], ['graphs'], [], ['graphs']]);
  });

  it('defaults to classTermScores with the level idf computed from the clusters', () => {
    // Coarse clusters hold 10 words in 2 clusters (A = 5); f(agents) = 4, f(graphs) = 6.
    expect(Array.from(levelIdf(termCounts, coarse, 2))).toEqual([Math.log(1 + 5 / 4), Math.log(1 + 5 / 6)]);
    const { trends } = buildTrends({ day, precision, termCounts, vocabulary, levels: [{ name: 'default', labels: coarse, k: 2 }] });
    // minCount 2 inside a (cluster, bin): Jan of cluster 0 has agents × 3, Feb of cluster 1 graphs × 4; the rest fall short.
    expect(trends.levels[0]!.clusters.map((c) => c.topTerms)).toEqual([
      [['agents'], [], [], []],
      [[], ['graphs'], [], []],
    ]);
  });
});
