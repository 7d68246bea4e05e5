import { describe, expect, it } from 'vitest';
import { searchTokens, tokenSpans } from '../../src/search/tokenize.ts';

describe('searchTokens', () => {
  it('lowercases, singularises and drops punctuation', () => {
    expect(searchTokens('Large Language Models: a Survey!')).toEqual(['large', 'language', 'model', 'a', 'survey']);
  });

  it('splits on hyphens and slashes', () => {
    expect(searchTokens('fine-tuning of encoder/decoder models')).toEqual(['fine', 'tuning', 'of', 'encoder', 'decoder', 'model']);
  });

  it('drops LaTeX commands and keeps the words and numbers inside math', () => {
    expect(searchTokens('an $\\mathcal{O}(n^2)$ bound via \\textbf{Graphs}')).toEqual(['an', 'o', 'n', '2', 'bound', 'via', 'graph']);
    expect(searchTokens('$\\alpha$-stable noise')).toEqual(['stable', 'noise']);
  });

  it('keeps inner apostrophes inside one word, strips possessives', () => {
    expect(searchTokens("the model's output doesn't")).toEqual(['the', 'model', 'output', 'doesnt']);
  });

  it('splits decimals and keeps unicode letters', () => {
    expect(searchTokens('GPT-3.5 in Zürich')).toEqual(['gpt', '3', '5', 'in', 'zurich']);
  });

  it('returns nothing for an empty or punctuation-only text', () => {
    expect(searchTokens('')).toEqual([]);
    expect(searchTokens(' -- $$ {} ')).toEqual([]);
  });
});

describe('tokenSpans', () => {
  it('gives UTF-16 ranges into the original text', () => {
    expect(tokenSpans('Agents, \\emph{agentic}!')).toEqual([
      { key: 'agent', start: 0, end: 6 },
      { key: 'agentic', start: 14, end: 21 },
    ]);
  });
});
