import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../../src/pipeline/trends/fdr.ts';
import { fitGrowth } from '../../../src/pipeline/trends/growth.ts';
import { significantTermTrends } from '../../../src/pipeline/trends/terms.ts';
import type { Vocabulary } from '../../../src/pipeline/trends/types.ts';

const vocabulary: Vocabulary = {
  keys: ['agent', 'svm', 'model', 'rare', 'languag model', 'kernel'],
  display: ['agents', 'SVM', 'model', 'rare', 'language models', 'kernel'],
  phrase: Uint8Array.of(0, 0, 0, 0, 1, 0),
  df: Int32Array.of(0, 0, 0, 0, 0, 0),
};
const totals = Int32Array.of(200, 200, 200, 200, 200, 200);
const t = Float64Array.of(0, 1, 2, 3, 4, 5);
const rows = [
  [5, 10, 20, 40, 60, 90], // agents: rising
  [80, 60, 40, 25, 15, 8], // SVM: falling
  [50, 52, 49, 51, 48, 50], // model: flat
  [1, 2, 2, 3, 4, 5], // rare: 17 docs, below minTermDocs
  [2, 5, 10, 20, 40, 70], // language models: rising faster
  [40, 40, 38, 30, 32, 30], // kernel: mild fall
];
const termDocs = Int32Array.from(rows.flat());

describe('significantTermTrends', () => {
  it('tests supported terms only, applies BH over them, and ranks rising then falling', () => {
    const include = new Uint8Array(6).fill(1);
    const { terms, tested } = significantTermTrends(termDocs, totals, t, include, vocabulary, { minTermDocs: 20 });
    expect(tested).toBe(5);
    const p = [0, 1, 2, 4, 5].map((j) => fitGrowth(rows[j]!, totals, t)!.pValue);
    const q = benjaminiHochberg(p);
    const expectedQ = new Map([0, 1, 2, 4, 5].map((j, i) => [vocabulary.display[j]!, q[i]!]));
    const significant = [...expectedQ].filter(([, qq]) => qq < 0.05).map(([term]) => term);
    expect(terms.map((x) => x.term).sort()).toEqual(significant.sort());
    expect(terms.map((x) => x.term).slice(0, 3)).toEqual(['language models', 'agents', 'SVM']);
    for (const x of terms) expect(x.growth.qValue).toBe(expectedQ.get(x.term));
    const lm = terms[0]!;
    expect(lm.phrase).toBe(true);
    expect(lm.docCount).toBe(147);
    expect(lm.counts).toEqual(rows[4]);
    expect(terms.some((x) => x.term === 'model')).toBe(false);
  });

  it('leaves excluded (partial) bins out of the fit but keeps their counts', () => {
    const include = Uint8Array.of(1, 1, 1, 1, 1, 0);
    const { terms } = significantTermTrends(termDocs, totals, t, include, vocabulary, { minTermDocs: 20 });
    const agents = terms.find((x) => x.term === 'agents')!;
    expect(agents.growth.slope).toBeCloseTo(fitGrowth(rows[0]!, totals, t, include)!.slope, 12);
    expect(agents.counts).toHaveLength(6);
  });

  it('names a size mismatch', () => {
    expect(() => significantTermTrends(new Int32Array(5), totals, t, new Uint8Array(6), vocabulary)).toThrow(/6 terms × 6 bins/);
  });
});
