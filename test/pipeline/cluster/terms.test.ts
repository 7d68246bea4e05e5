import { describe, expect, it } from 'vitest';
import { classTermScores } from '../../../src/pipeline/cluster/classTerms.ts';
import { clusterTerms, labelFromTerms } from '../../../src/pipeline/cluster/labels.ts';
import type { Csr, Vocabulary } from '../../../src/pipeline/cluster/types.ts';
import { vectorize } from '../../../src/pipeline/text/index.ts';

/** CSR from dense rows (zeros dropped). */
function csr(dense: number[][]): Csr {
  const indptr = [0];
  const indices: number[] = [];
  const data: number[] = [];
  for (const row of dense) {
    row.forEach((v, t) => {
      if (v !== 0) {
        indices.push(t);
        data.push(v);
      }
    });
    indptr.push(indices.length);
  }
  return {
    rows: dense.length,
    cols: dense[0].length,
    indptr: Int32Array.from(indptr),
    indices: Int32Array.from(indices),
    data: Float32Array.from(data),
  };
}

// 4 papers, 4 terms. Class 0 = papers 0, 1; class 1 = papers 2, 3; paper 4 ignored (-1).
//   class 0 counts: t0 = 2 + 1 = 3, t1 = 1          → 4 words
//   class 1 counts: t0 = 1, t2 = 2, t3 = 1           → 4 words
// f = [4, 1, 2, 1] (paper 4 not counted), A = 8 words / 2 classes = 4.
// idf = [ln(1 + 4/4), ln(1 + 4/1), ln(1 + 4/2), ln(1 + 4/1)] = [ln 2, ln 5, ln 3, ln 5].
// class 0: t0 = 3/4·ln 2 = 0.519860, t1 = 1/4·ln 5 = 0.402359                  → [t0, t1]
// class 1: t2 = 2/4·ln 3 = 0.549306, t3 = 1/4·ln 5 = 0.402359, t0 = 1/4·ln 2 = 0.173287 → [t2, t3, t0]
const counts = csr([
  [2, 1, 0, 0],
  [1, 0, 0, 0],
  [1, 0, 1, 0],
  [0, 0, 1, 1],
  [9, 9, 9, 9],
]);
const classOf = new Int32Array([0, 0, 1, 1, -1]);

describe('classTermScores (c-TF-IDF)', () => {
  it('matches the hand computation', () => {
    const r = classTermScores(counts, classOf, 2);
    expect(Array.from(r.terms[0])).toEqual([0, 1]);
    expect(Array.from(r.terms[1])).toEqual([2, 3, 0]);
    const expected = [
      [(3 / 4) * Math.log(2), (1 / 4) * Math.log(5)],
      [(2 / 4) * Math.log(3), (1 / 4) * Math.log(5), (1 / 4) * Math.log(2)],
    ];
    expected.forEach((row, c) => row.forEach((v, m) => expect(r.scores[c][m]).toBeCloseTo(v, 6)));
  });

  it('honours topN, minCount and a given idf', () => {
    const r = classTermScores(counts, classOf, 2, { topN: 1, minCount: 2, idf: Float64Array.from([1, 1, 1, 10]) });
    // minCount 2 leaves class 0: t0 (3/4); class 1: t2 (2/4); t3 has count 1 despite its idf of 10.
    expect(Array.from(r.terms[0])).toEqual([0]);
    expect(r.scores[0][0]).toBeCloseTo(0.75, 6);
    expect(Array.from(r.terms[1])).toEqual([2]);
    expect(r.scores[1][0]).toBeCloseTo(0.5, 6);
  });

  it('returns empty lists for empty classes', () => {
    const r = classTermScores(counts, classOf, 3);
    expect(r.terms[2].length).toBe(0);
  });
});

describe('clusterTerms and labelFromTerms', () => {
  it('maps term indices to display forms', () => {
    const vocab: Vocabulary = {
      keys: ['model', 'agent', 'languag model', 'benchmark'],
      display: ['model', 'agents', 'language model', 'benchmark'],
      phrase: Uint8Array.from([0, 0, 1, 0]),
      df: Int32Array.from([3, 1, 2, 1]),
    };
    const terms = clusterTerms(counts, classOf, 2, vocab, 2);
    expect(terms[1].map((t) => [t.term, t.phrase])).toEqual([
      ['language model', true],
      ['benchmark', false],
    ]);
    expect(terms[1][0].score).toBeCloseTo((2 / 4) * Math.log(3), 6);
  });

  it('skips a unigram inside a chosen phrase and near-duplicates', () => {
    const t = (term: string, phrase = false) => ({ term, phrase });
    expect(labelFromTerms([t('language model', true), t('model'), t('models'), t('agents'), t('agent'), t('reasoning')])).toBe(
      'language model · agents · reasoning',
    );
    // A later phrase replaces the unigram it contains.
    expect(labelFromTerms([t('model'), t('agents'), t('language models', true), t('benchmark')])).toBe(
      'language models · agents · benchmark',
    );
    expect(labelFromTerms([t('studies'), t('study'), t('graph')])).toBe('studies · graph');
    expect(labelFromTerms([])).toBe('');
  });

  it('labels use a compound as written, not the part that links it to other papers', () => {
    // "ray" is a TF-IDF term of papers 0 and 1 (as a part of x-ray) but has no count there.
    // class 0 counts: pulsar 2, x-ray 2, bursts 1, timing 1 (6 words); class 1: cosmic 2, ray 2, showers 2, tracing 1 (7)
    // A = 13 / 2; class 0: pulsar = x-ray = 2/6 · ln(1 + 6.5/2), bursts = timing = 1/6 · ln(1 + 6.5/1); ties by term index
    const texts = ['X-ray bursts from a pulsar', 'X-ray pulsar timing', 'Cosmic ray showers', 'Ray tracing of cosmic showers'];
    const { counts, vocab } = vectorize(texts, { minDf: 1, maxDf: 1, phrases: false });
    expect(vocab.df[vocab.keys.indexOf('rai')]).toBe(4);
    const terms = clusterTerms(counts, Int32Array.from([0, 0, 1, 1]), 2, vocab, 4);
    expect(terms[0].map((x) => x.term)).toEqual(['pulsar', 'x-ray', 'bursts', 'timing']);
    expect(terms[0][1].score).toBeCloseTo((2 / 6) * Math.log(4.25), 6);
    expect(terms[0][2].score).toBeCloseTo((1 / 6) * Math.log(7.5), 6);
    expect(terms[1].map((x) => x.term)).toEqual(['cosmic', 'ray', 'showers', 'tracing']);
    expect(terms.map((ts) => labelFromTerms(ts))).toEqual(['pulsar · x-ray · bursts', 'cosmic · ray · showers']);
  });
});
