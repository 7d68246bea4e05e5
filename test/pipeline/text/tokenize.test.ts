import { describe, expect, it } from 'vitest';
import { BREAK, stripLatex, tokenize, tokenizeWithBreaks } from '../../../src/pipeline/text/index.ts';
import { GrowableInt32 } from '../../../src/pipeline/text/csr.ts';
import { StringTable, WordTable } from '../../../src/pipeline/text/tokenize.ts';

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

describe('StringTable', () => {
  it('maps strings to ints through growth, distinguishing keys that share a prefix or hash bucket', () => {
    const table = new StringTable();
    const keys = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}${'x'.repeat(i % 7)}`);
    keys.forEach((key, i) => table.set(key, i * 3 - 7));
    expect(table.size).toBe(5000);
    keys.forEach((key, i) => expect(table.get(key)).toBe(i * 3 - 7));
    expect(table.get('w0x')).toBe(StringTable.MISSING);
    expect(table.get('')).toBe(StringTable.MISSING);
    expect(() => table.set(keys[0], 1)).toThrow(/already/);
  });
});

describe('WordTable', () => {
  it('numbers words by first occurrence across documents, with -1 at breaks and none at the edges', () => {
    const table = new WordTable();
    const out = new GrowableInt32();
    table.appendDocument('Graph networks, graph/tree models.', out);
    out.push(-9); // document boundary marker of the caller
    table.appendDocument('The models of trees', out);
    expect(table.words).toEqual(['graph', 'networks', 'tree', 'models', 'trees']);
    expect(Array.from(out.toArray())).toEqual([0, 1, -1, 0, -1, 2, 3, -9, 3, -1, 4]);
  });

  it('keeps a hyphenated compound as one word in the sequence and lists its kept parts', () => {
    const table = new WordTable();
    const out = new GrowableInt32();
    table.appendDocument('Spin-orbit X-ray end-to-end state-of-the-art orbit', out);
    // parts are added as words (after their compound) but only written words enter the sequence
    expect(table.words).toEqual(['spin-orbit', 'spin', 'orbit', 'x-ray', 'ray', 'end-to-end', 'end']);
    expect(Array.from(out.toArray())).toEqual([0, 3, 5, -1, 2]);
    expect(table.parts.map((p) => (p ? Array.from(p) : null))).toEqual([[1, 2], null, null, [4], null, [6], null]);
  });
});
