import { describe, expect, it } from 'vitest';
import { foldWord, normalizeWord } from '../../src/search/normalize.ts';

describe('normalizeWord', () => {
  const table: Array<[string, string]> = [
    ['agents', 'agent'],
    ['Agents', 'agent'],
    ['agent', 'agent'],
    ['agentic', 'agentic'],
    ['models', 'model'],
    ['model', 'model'],
    ["model's", 'model'],
    ["models'", 'model'],
    ['Model\u2019s', 'model'],
    ["don't", 'dont'],
    ['policies', 'policy'],
    ['studies', 'study'],
    ['movies', 'movie'],
    ['dies', 'die'],
    ['classes', 'class'],
    ['processes', 'process'],
    ['losses', 'loss'],
    ['boxes', 'box'],
    ['approaches', 'approach'],
    ['meshes', 'mesh'],
    ['caches', 'cache'],
    ['cases', 'case'],
    ['sizes', 'size'],
    ['features', 'feature'],
    ['images', 'image'],
    ['matrices', 'matrix'],
    ['vertices', 'vertex'],
    ['analyses', 'analysis'],
    ['hypotheses', 'hypothesis'],
    ['analysis', 'analysis'],
    ['corpus', 'corpus'],
    ['loss', 'loss'],
    ['bias', 'bias'],
    ['news', 'news'],
    ['series', 'series'],
    ['gas', 'gas'],
    ['its', 'its'],
    ['GPUs', 'gpu'],
    ['LLMs', 'llm'],
    ['1990s', '1990'],
    ['learning', 'learning'],
    ['learned', 'learned'],
    ['training', 'training'],
    ['Études', 'etude'],
    ['naïve', 'naive'],
    ['2024', '2024'],
  ];
  it.each(table)('%s → %s', (word, key) => {
    expect(normalizeWord(word)).toBe(key);
  });

  it('is idempotent on the table', () => {
    for (const [, key] of table) expect(normalizeWord(key)).toBe(key);
  });

  it('foldWord keeps plurals, folds case, accents and apostrophes', () => {
    expect(foldWord("Models")).toBe('models');
    expect(foldWord("Model's")).toBe('model');
    expect(foldWord('Éco')).toBe('eco');
  });
});
