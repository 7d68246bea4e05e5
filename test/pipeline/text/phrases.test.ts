import { describe, expect, it } from 'vitest';
import { npmi, vectorize } from '../../../src/pipeline/text/index.ts';

describe('npmi', () => {
  it('is 1 for words that only occur together, 0 at chance, -1 when never together', () => {
    expect(npmi(10, 10, 10, 100)).toBeCloseTo(1, 12);
    expect(npmi(1, 10, 10, 100)).toBeCloseTo(0, 12); // p(ab) = 0.01 = p(a) p(b)
    expect(npmi(0, 10, 10, 100)).toBe(-1);
  });
});

describe('bigram phrases', () => {
  // Tokens per document after stopword removal (| = break):
  //   0 language models | translation        3 data | model
  //   1 language model | evaluation           4 model | data quality
  //   2 large language models                 5 data | model | data
  // Stem counts: languag 3, model 6, data 4, translat, evalu, larg, qualiti 1 each; 17 tokens.
  // Adjacent pairs: (languag, model) ×3 -> npmi = ln((3/17) / (3/17 · 6/17)) / -ln(3/17) = ln(17/6) / ln(17/3) = 0.6004
  //   (data, qualiti) ×1 (below min count 2); (larg, languag) ×1; data and model are never adjacent.
  const texts = [
    'Language models; translation.',
    'A language model for evaluation.',
    'Large language models.',
    'The data and the model.',
    'The model, data quality.',
    'Data, model, data.',
  ];

  it('finds "language model" and shows its most frequent surface form', () => {
    const { vocab, counts } = vectorize(texts, { minDf: 1, maxDf: 1, phrases: true, phraseMinCount: 2, phraseThreshold: 0.35 });
    const phrases = vocab.keys.filter((_, j) => vocab.phrase[j]);
    expect(phrases).toEqual(['languag model']);
    const j = vocab.keys.indexOf('languag model');
    expect(vocab.display[j]).toBe('language models'); // 2 × "language models" vs 1 × "language model"
    expect(vocab.df[j]).toBe(3);
    // the unigrams stay: document 0 counts languag, model, translat and the phrase once each
    const row0 = Array.from(counts.indices.subarray(counts.indptr[0], counts.indptr[1])).map((c) => vocab.keys[c]);
    expect(row0).toEqual(['languag', 'languag model', 'model', 'translat']);
  });

  it('a pair below the support or association threshold is not a phrase', () => {
    const low = vectorize(texts, { minDf: 1, maxDf: 1, phrases: true, phraseMinCount: 4, phraseThreshold: 0.35 });
    expect(low.vocab.phrase.every((f) => f === 0)).toBe(true);
    const strict = vectorize(texts, { minDf: 1, maxDf: 1, phrases: true, phraseMinCount: 2, phraseThreshold: 0.63 });
    expect(strict.vocab.phrase.every((f) => f === 0)).toBe(true);
  });

  it('nothing across a stopword or punctuation', () => {
    const { vocab } = vectorize(['data and model', 'data and model', 'data, model', 'data, model'], { minDf: 1, maxDf: 1, phrases: true, phraseMinCount: 1, phraseThreshold: -0.99 });
    expect(vocab.keys).toEqual(['data', 'model']);
  });
});
