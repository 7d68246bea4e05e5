import { describe, expect, it } from 'vitest';
import { BREAK, stripLatex, tokenize, tokenizeWithBreaks } from '../../../src/pipeline/text/index.ts';

describe('tokenize', () => {
  it('lower-cases and drops stopwords, academic boilerplate, numbers and one-letter tokens', () => {
    const text = 'We propose a novel approach using Graph Neural Networks for molecules; results show 95% accuracy in 2024 (x = 3).';
    expect(tokenize(text)).toEqual(['graph', 'neural', 'networks', 'molecules', 'accuracy']);
  });

  it('strips LaTeX: math dropped, formatting arguments kept, references and escapes removed', () => {
    const text = String.raw`\emph{Ab initio} study of $O(n^2 \log n)$ scaling in \textbf{spin glasses} \cite{parisi80}: 50\% gain, Erd\H{o}s and G\"odel, $$E = mc^2$$ R\&D_x^2`;
    expect(tokenize(text)).toEqual(['ab', 'initio', 'scaling', 'spin', 'glasses', 'gain', 'erdos', 'godel']); // R, D and x: one letter
  });

  it('stripLatex leaves a break where math was', () => {
    expect(stripLatex(String.raw`deep $\mathcal{L}$ learning`)).toBe('deep  ,  learning');
  });

  it('marks breaks at punctuation, stopwords and math, never two in a row nor at the start', () => {
    const text = 'Large language models, and the reinforcement learning of $k$ agents: multi-agent systems/markets.';
    expect(tokenizeWithBreaks(text)).toEqual([
      'large', 'language', 'models', BREAK, 'reinforcement', 'learning', BREAK, 'agents', BREAK, 'multi-agent', 'systems', BREAK, 'markets',
    ]);
  });

  it('drops possessives and hyphens at the edges, keeps inner hyphens, folds accents', () => {
    expect(tokenize("Schrödinger's -cat- state-of-the-art fine-tuning GPT-4's naïve")).toEqual(['schrodinger', 'cat', 'fine-tuning', 'gpt-4', 'naive']);
  });

  it('extra stopwords can be added', () => {
    const stop = new Set(['graph']);
    expect(tokenize('graph neural', stop)).toEqual(['neural']);
  });
});
