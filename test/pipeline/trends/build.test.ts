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
      { minTermDocs: 1, scoreClassTerms: null },
    );
    expect(trends.unit).toBe('month');
    expect(trends.bins.map((b) => [b.label, b.total, b.partial])).toEqual([
      ['2024-01', 2, false], ['2024-02', 2, false], ['2024-03', 1, false], ['2024-04', 2, true],
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
