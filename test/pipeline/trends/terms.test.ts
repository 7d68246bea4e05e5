import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../../src/pipeline/trends/fdr.ts';
import { fitGrowth } from '../../../src/pipeline/trends/growth.ts';
import { termTrends } from '../../../src/pipeline/trends/terms.ts';
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
const all = new Uint8Array(6).fill(1);
/** Every term owned by cluster 0, which passed: one family of all terms. */
const oneFamily = { owner: new Int32Array(6), selected: Uint8Array.of(1) };
const pOf = (j: number, include = all) => fitGrowth(rows[j]!, totals, t, include)!.pValue;

describe('termTrends', () => {
  it('one cluster holding every term: the flat and the cluster family agree, q = 2 · BH q; ranks rising then falling, then near misses by p', () => {
    const { terms, tested, eligible } = termTrends(termDocs, totals, t, all, vocabulary, oneFamily, { minTermDocs: 20 });
    expect(tested).toBe(5);
    expect(eligible).toBe(5);
    const ids = [0, 1, 2, 4, 5];
    const q = benjaminiHochberg(ids.map((j) => pOf(j)));
    const expectedQ = new Map(ids.map((j, i) => [vocabulary.display[j]!, Math.min(1, 2 * q[i]!)]));
    const significant = [...expectedQ].filter(([, qq]) => qq < 0.05).map(([term]) => term);
    const listedSignificant = terms.filter((x) => x.growth.qValue < 0.05).map((x) => x.term);
    expect(listedSignificant.sort()).toEqual(significant.sort());
    expect(terms.map((x) => x.term).slice(0, 3)).toEqual(['language models', 'agents', 'SVM']);
    for (const x of terms) expect(x.growth.qValue).toBe(expectedQ.get(x.term));
    const lm = terms[0]!;
    expect(lm.phrase).toBe(true);
    expect(lm.cluster).toBe(0);
    expect(lm.docCount).toBe(147);
    expect(lm.counts).toEqual(rows[4]);
    // 'model' is flat: kept after the significant ones as a near miss, never among them.
    const model = terms.find((x) => x.term === 'model')!;
    expect(model.growth.qValue).toBeGreaterThanOrEqual(0.05);
    expect(terms.indexOf(model)).toBeGreaterThanOrEqual(listedSignificant.length);
    expect(terms.some((x) => x.term === 'rare')).toBe(false);
  });

  it('tests the terms of clusters that passed within each family, and every term in the flat family; q = 2 · the smaller', () => {
    // agents and SVM belong to cluster 1 (passed), language models and kernel to 2 (passed), model to 0 (did not).
    const owner = Int32Array.of(1, 1, 0, 1, 2, 2);
    const { terms, tested, eligible } = termTrends(termDocs, totals, t, all, vocabulary, { owner, selected: Uint8Array.of(0, 1, 1) }, { minTermDocs: 20, nearMisses: 10 });
    expect(eligible).toBe(5);
    expect(tested).toBe(4);
    const flat = benjaminiHochberg([0, 1, 2, 4, 5].map((j) => pOf(j)));
    const q1 = benjaminiHochberg([pOf(0), pOf(1)]);
    const q2 = benjaminiHochberg([pOf(4), pOf(5)]);
    const q = new Map(terms.map((x) => [x.term, x.growth.qValue]));
    const both = (a: number, b: number) => Math.min(1, 2 * Math.min(a, b));
    expect(q.get('agents')).toBe(both(flat[0]!, q1[0]!));
    expect(q.get('SVM')).toBe(both(flat[1]!, q1[1]!));
    expect(q.get('language models')).toBe(both(flat[3]!, q2[0]!));
    expect(q.get('kernel')).toBe(both(flat[4]!, q2[1]!));
    // model's cluster 0 did not pass: flat family only.
    expect(q.get('model')).toBe(Math.min(1, 2 * flat[2]!));
    expect(terms.find((x) => x.term === 'kernel')!.cluster).toBe(2);
  });

  it('with no cluster passed, only the flat family at alpha/2 tests', () => {
    const r = termTrends(termDocs, totals, t, all, vocabulary, { owner: new Int32Array(6), selected: Uint8Array.of(0) }, { minTermDocs: 20 });
    expect([r.tested, r.eligible]).toEqual([0, 5]);
    const flat = benjaminiHochberg([0, 1, 2, 4, 5].map((j) => pOf(j)));
    expect(r.terms.find((x) => x.term === 'agents')!.growth.qValue).toBe(Math.min(1, 2 * flat[0]!));
  });

  it('keeps at most nearMisses non-significant terms', () => {
    const { terms } = termTrends(termDocs, totals, t, all, vocabulary, oneFamily, { minTermDocs: 20, nearMisses: 0 });
    expect(terms.every((x) => x.growth.qValue < 0.05)).toBe(true);
  });

  it('leaves excluded (partial) bins out of the fit but keeps their counts', () => {
    const include = Uint8Array.of(1, 1, 1, 1, 1, 0);
    const { terms } = termTrends(termDocs, totals, t, include, vocabulary, oneFamily, { minTermDocs: 20 });
    const agents = terms.find((x) => x.term === 'agents')!;
    expect(agents.growth.slope).toBeCloseTo(fitGrowth(rows[0]!, totals, t, include)!.slope, 12);
    expect(agents.counts).toHaveLength(6);
  });

  it('does not test a term seen in fewer than minSeriesPeriods fitted periods', () => {
    const docs = Int32Array.from([0, 0, 0, 0, 30, 40, ...rows.slice(1).flat()]);
    const { terms, eligible } = termTrends(docs, totals, t, all, vocabulary, oneFamily, { minTermDocs: 20 });
    expect(eligible).toBe(4);
    expect(terms.some((x) => x.term === 'agents')).toBe(false);
  });

  it('names a size mismatch', () => {
    expect(() => termTrends(new Int32Array(5), totals, t, new Uint8Array(6), vocabulary, oneFamily)).toThrow(/6 terms × 6 bins/);
  });
});
