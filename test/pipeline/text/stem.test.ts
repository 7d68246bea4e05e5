import { describe, expect, it } from 'vitest';
import { chooseSurfaceForms, createCachedStemmer, vectorize } from '../../../src/pipeline/text/index.ts';

describe('stemming and surface forms', () => {
  it('stems with Porter, through a cache', () => {
    const stem = createCachedStemmer();
    expect(['models', 'model', 'modeling', 'networks', 'studies'].map(stem)).toEqual(['model', 'model', 'model', 'network', 'studi']);
    expect(stem('models')).toBe('model'); // cached path
  });

  it('shows the most frequent surface form of a stem, ties alphabetically', () => {
    // stem 0: models ×3, model ×5, modeling ×1 -> "model"; stem 1: graphs ×2, graph ×2 -> tie -> "graph"
    const words = ['models', 'model', 'modeling', 'graphs', 'graph'];
    expect(chooseSurfaceForms(words, [3, 5, 1, 2, 2], [0, 0, 0, 1, 1], 2)).toEqual(['model', 'graph']);
  });

  it('vectorize reports the corpus-wide most frequent form', () => {
    const texts = ['models models cats', 'model cats', 'models dogs cat'];
    const { vocab } = vectorize(texts, { minDf: 1, maxDf: 1, phrases: false });
    expect(vocab.keys).toEqual(['cat', 'dog', 'model']);
    expect(vocab.display).toEqual(['cats', 'dogs', 'models']); // models 3 > model 1; cats 2 > cat 1
  });
});
