import { describe, expect, it } from 'vitest';
import { highlightRanges, parseQuery } from '../../src/search/index.ts';

describe('highlightRanges', () => {
  it('highlights words by key, phrases as one run', () => {
    const text = 'Large Language Models as agents: agentic language modeling';
    expect(highlightRanges(text, parseQuery('agent "language model" '))).toEqual([[6, 21], [25, 31]]);
  });

  it('highlights a phrase through a hyphen and through stopwords', () => {
    expect(highlightRanges('A Mixture-of-Experts and a mixture of the experts', parseQuery('"mixture of experts"'))).toEqual([[2, 20], [27, 49]]);
  });

  it('highlights prefixes and the unfinished last word (exact and prefix)', () => {
    expect(highlightRanges('Learning learned learn', parseQuery('learn*'))).toEqual([[0, 8], [9, 16], [17, 22]]);
    expect(highlightRanges('agents agentic graph', parseQuery('agent'))).toEqual([[0, 6], [7, 14]]);
  });

  it('merges overlapping ranges and returns nothing for no match', () => {
    expect(highlightRanges('graph neural networks', parseQuery('"graph neural" neural '))).toEqual([[0, 12]]);
    expect(highlightRanges('graph neural networks', parseQuery('diffusion '))).toEqual([]);
  });
});
