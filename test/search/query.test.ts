import { describe, expect, it } from 'vitest';
import { buildSearchIndex, matchQuery, parseQuery, SearchIndex } from '../../src/search/index.ts';
import { QUERY_CORPUS } from './corpus.ts';

const corpus = QUERY_CORPUS.slice(0, 6);
const index = SearchIndex.decode(buildSearchIndex(corpus, { minPairDf: 1 }));
const match = (q: string) => (r => (r === null ? null : [...r]))(matchQuery(index, parseQuery(q)));

describe('parseQuery', () => {
  it('splits terms and phrases, normalises words', () => {
    expect(parseQuery('agents "language model" RL ')).toMatchObject({
      terms: ['agent', 'rl'], phrases: [['language', 'model']], prefixes: [], partial: null, raw: 'agents "language model" RL ', problems: [],
    });
  });

  it('marks the unfinished last word, forced prefixes, hyphenated phrases and unclosed quotes', () => {
    expect(parseQuery('fine-tuning agen')).toMatchObject({ terms: ['agen'], phrases: [['fine', 'tuning']], partial: 'agen' });
    expect(parseQuery('Learn* graph')).toMatchObject({ terms: ['graph'], prefixes: ['learn'], partial: 'graph' });
    expect(parseQuery('"large language mod')).toMatchObject({ terms: [], phrases: [['large', 'language', 'mod']], partial: null });
  });

  it('ignores LaTeX and punctuation-only chunks, and says so', () => {
    const q = parseQuery(' $\\alpha$ -- ');
    expect(q).toMatchObject({ expr: null, terms: [], phrases: [], prefixes: [] });
    expect(q.problems.map((p) => [p.start, p.end])).toEqual([[1, 9], [11, 12]]);
  });
});

describe('matchQuery', () => {
  it('returns null for an empty query', () => {
    expect(match('')).toBeNull();
    expect(match('  "" -- ')).toBeNull();
  });

  it('matches inflections but not derivations', () => {
    expect(match('agent ')).toEqual([0, 5]);
    expect(match('Agents ')).toEqual([0, 5]);
    expect(match('agentic ')).toEqual([1]);
  });

  it('ANDs several words', () => {
    expect(match('graph robustness ')).toEqual([4]);
    expect(match('model language ')).toEqual([0, 2, 4]);
    expect(match('graph agent ')).toEqual([]);
  });

  it('matches phrases on adjacent words only, inflections allowed', () => {
    // 2 matches through its stopword ("language for models"), 4 has the words in the other order.
    expect(match('"language model"')).toEqual([0, 2]);
    expect(match('"language models"')).toEqual([0, 2]);
    expect(match('"large language model"')).toEqual([0]);
    expect(match('"model language"')).toEqual([4]);
    expect(match('"graph model"')).toEqual([]);
    expect(match('"unseen words"')).toEqual([]);
  });

  it('treats hyphens as spaces, in the text and in the query', () => {
    expect(match('fine-tuning ')).toEqual([3]);
    expect(match('"fine tuning"')).toEqual([3]);
  });

  it('looks through stopwords inside phrases', () => {
    expect(match('"mixture of experts"')).toEqual([5]);
    expect(match('"mixture experts"')).toEqual([5]);
    expect(match('"language for models"')).toEqual([0, 2]);
    expect(match('"of the"')).toEqual([5]); // stopwords only: AND of the words
  });

  it('prefix-matches the unfinished last word only when it is not a key', () => {
    expect(match('agen')).toEqual([0, 1, 5]);
    expect(match('agent')).toEqual([0, 5]);
    expect(match('agent*')).toEqual([0, 1, 5]);
    expect(match('agen ')).toEqual([]);
    expect(match('robust')).toEqual([4]);
    expect(match('a')).toEqual([2, 5]);
    expect(match('ag')).toEqual([]); // two letters: exact only while typing...
    expect(match('ag*')).toEqual([0, 1, 5]); // ...prefix when forced
  });
});
