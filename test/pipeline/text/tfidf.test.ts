import { describe, expect, it } from 'vitest';
import { csrToDense, resolveDfBounds, smoothIdf, vectorize } from '../../../src/pipeline/text/index.ts';

// Three documents; stems appl, banana, cherri, durian (sorted keys).
//   d0 "apple banana apple": appl 2, banana 1
//   d1 "banana cherry":      banana 1, cherri 1
//   d2 "banana durian":      banana 1, durian 1
// df: appl 1, banana 3, cherri 1, durian 1; n = 3
// idf = ln((1 + 3) / (1 + df)) + 1: appl = cherri = durian = 1 + ln 2 = 1.6931472, banana = ln(4/4) + 1 = 1
// d0: appl (1 + ln 2) * (1 + ln 2) = 2.8667470, banana 1 * 1 = 1; norm = sqrt(2.866747² + 1) = 3.0361560
//     -> appl 0.9442031, banana 0.3293639
// d1: banana 1, cherri 1.6931472; norm = sqrt(1 + 1.693147²) = 1.9664050 -> banana 0.5085423, cherri 0.8610370
// d2: banana 0.5085423, durian 0.8610370 (same shape as d1)
const texts = ['apple banana apple', 'banana cherry', 'banana durian'];

type Csr = { indptr: ArrayLike<number>; indices: ArrayLike<number>; data: ArrayLike<number> };
/** The count and TF-IDF matrices share one sparsity pattern: checks it, the counts exactly and the weights to 6 places. */
function expectRows(counts: Csr, tfidf: Csr, want: { indptr: number[]; indices: number[]; counts: number[]; weights: number[] }): void {
  expect(Array.from(counts.indptr)).toEqual(want.indptr);
  expect(Array.from(counts.indices)).toEqual(want.indices);
  expect(Array.from(counts.data)).toEqual(want.counts);
  expect(Array.from(tfidf.indices)).toEqual(want.indices);
  expect(tfidf.data.length).toBe(want.weights.length);
  Array.from(tfidf.data).forEach((w, i) => expect(w).toBeCloseTo(want.weights[i]!, 6));
}

describe('TF-IDF (scikit-learn TfidfVectorizer(sublinear_tf=True, smooth_idf=True, norm="l2"))', () => {
  it('computes exact weights on a 3-document corpus', () => {
    const { tfidf, counts, vocab, idf } = vectorize(texts, { minDf: 1, maxDf: 1, phrases: false });
    expect(vocab.keys).toEqual(['appl', 'banana', 'cherri', 'durian']);
    expect(Array.from(vocab.df)).toEqual([1, 3, 1, 1]);
    expect(Array.from(idf)).toEqual([1 + Math.LN2, 1, 1 + Math.LN2, 1 + Math.LN2]);
    expectRows(counts, tfidf, {
      indptr: [0, 2, 4, 6],
      indices: [0, 1, 1, 2, 1, 3],
      counts: [2, 1, 1, 1, 1, 1],
      weights: [0.9442031, 0.3293639, 0.5085423, 0.861037, 0.5085423, 0.861037],
    });
  });

  it('keeps empty documents as empty rows', () => {
    const { tfidf } = vectorize(['apple', 'the of and', 'apple banana'], { minDf: 1, maxDf: 1, phrases: false });
    expect(Array.from(tfidf.indptr)).toEqual([0, 1, 1, 3]);
    expect(Array.from(csrToDense(tfidf).slice(0, 2))).toEqual([1, 0]);
  });

  it('smooth idf matches the formula', () => {
    expect(Array.from(smoothIdf(Int32Array.from([0, 9]), 9))).toEqual([Math.log(10) + 1, 1]);
  });
});

describe('min_df / max_df', () => {
  it('reads integers >= 1 as counts and values below 1 as shares, like scikit-learn', () => {
    expect(resolveDfBounds(5, 0.5, 100)).toEqual({ minCount: 5, maxCount: 50 });
    expect(resolveDfBounds(0.1, 0.9, 50)).toEqual({ minCount: 5, maxCount: 45 });
    expect(resolveDfBounds(1, 1, 7)).toEqual({ minCount: 1, maxCount: 7 });
    expect(resolveDfBounds(2, 40, 100)).toEqual({ minCount: 2, maxCount: 40 });
  });

  it('rejects nonsense with a message naming the parameter', () => {
    expect(() => resolveDfBounds(2.5, 1, 10)).toThrow(/minDf/);
    expect(() => resolveDfBounds(1, 0, 10)).toThrow(/maxDf/);
    expect(() => resolveDfBounds(8, 0.5, 10)).toThrow(/below minDf/);
  });

  it('filters the vocabulary by document frequency', () => {
    // banana: df 3 of 3 > max 0.9 * 3 = 2.7 -> dropped; appl, cherri, durian: df 1 < 2 -> dropped
    expect(vectorize(texts, { minDf: 1, maxDf: 0.9, phrases: false }).vocab.keys).toEqual(['appl', 'cherri', 'durian']);
    expect(vectorize([...texts, 'apple'], { minDf: 2, maxDf: 1, phrases: false }).vocab.keys).toEqual(['appl', 'banana']);
    // a share: 0.5 of 4 documents = 2
    expect(vectorize([...texts, 'apple'], { minDf: 0.5, maxDf: 1, phrases: false }).vocab.keys).toEqual(['appl', 'banana']);
  });
});

// A hyphenated compound counts as itself and, in the TF-IDF weights, as its parts.
//   d0 "X-ray burst": x-rai 1, burst 1, and rai 1 as a part of x-ray (one-letter "x" is no part)
//   d1 "ray burst":   rai 1, burst 1
//   d2 "ray":         rai 1
// keys burst, rai, x-rai; df 2, 3, 1 (rai is in d0 through x-ray); n = 3
// idf: burst ln(4/3) + 1 = 1.2876821, rai ln(4/4) + 1 = 1, x-rai ln(4/2) + 1 = 1.6931472
// d0: (1.2876821, 1, 1.6931472) / sqrt(1.2876821² + 1 + 1.6931472²) = 2.3505051 -> 0.5478321, 0.4254405, 0.7203335
// d1: (1.2876821, 1) / 1.6303840 -> 0.7898069, 0.6133555; d2: rai 1
// counts keep what was written: d0's rai entry is 0.
describe('hyphenated compounds', () => {
  const texts = ['X-ray burst', 'ray burst', 'ray'];

  it('yield the compound and its parts as terms; counts hold only the written words', () => {
    const { tfidf, counts, vocab } = vectorize(texts, { minDf: 1, maxDf: 1, phrases: false });
    expect(vocab.keys).toEqual(['burst', 'rai', 'x-rai']);
    expect(vocab.display).toEqual(['burst', 'ray', 'x-ray']);
    expect(Array.from(vocab.df)).toEqual([2, 3, 1]);
    expectRows(counts, tfidf, {
      indptr: [0, 3, 5, 6],
      indices: [0, 1, 2, 0, 1, 1],
      counts: [1, 0, 1, 1, 1, 1],
      weights: [0.5478321, 0.4254405, 0.7203335, 0.7898069, 0.6133555, 1],
    });
  });

  it('compoundParts: false keeps the compound whole', () => {
    const { tfidf, vocab, model } = vectorize(texts, { minDf: 1, maxDf: 1, phrases: false, compoundParts: false });
    expect(model.options.compoundParts).toBe(false);
    expect(Array.from(vocab.df)).toEqual([2, 2, 1]);
    expect(Array.from(tfidf.indices)).toEqual([0, 2, 0, 1, 1]);
  });

  it('counts a part once per compound and never a stopword or number part', () => {
    // end-to-end: end once; state-of-the-art is boilerplate as a whole; covid-19: covid
    const { counts, tfidf, vocab } = vectorize(['end-to-end covid-19 state-of-the-art', 'end'], { minDf: 1, maxDf: 1, phrases: false });
    expect(vocab.keys).toEqual(['covid', 'covid-19', 'end', 'end-to-end']);
    expect(Array.from(counts.data)).toEqual([0, 1, 0, 1, 1]);
    // d0 weights before norm: covid 1 * (ln(3/2) + 1), covid-19 the same, end 1 * 1, end-to-end ln(3/2) + 1
    const w = Math.log(1.5) + 1;
    const norm = Math.sqrt(3 * w * w + 1);
    Array.from(tfidf.data.subarray(0, 4)).forEach((x, i) => expect(x).toBeCloseTo([w, w, 1, w][i] / norm, 6));
  });
});
