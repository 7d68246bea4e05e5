import { describe, expect, it } from 'vitest';
import { countByCluster, resolveClauses, withClause, type Clause } from '../../../src/app/state/crossfilter.ts';
import { queryTerms, titleMatcher } from '../../../src/app/state/keywordSearch.ts';

const clause = (source: Clause['source'], bits: number[]): Clause => ({ source, mask: Uint8Array.from(bits), description: source });

describe('crossfilter resolution', () => {
  const clauses = [clause('keyword', [1, 1, 0, 1]), clause('cluster', [1, 0, 0, 1]), clause('time', [0, 1, 1, 1])];
  it('ANDs all clauses', () => {
    expect(Array.from(resolveClauses(clauses, 4)!)).toEqual([0, 0, 0, 1]);
  });
  it('leaves out the asking view’s own clause', () => {
    expect(Array.from(resolveClauses(clauses, 4, 'cluster')!)).toEqual([0, 1, 0, 1]);
    expect(Array.from(resolveClauses(clauses, 4, 'keyword')!)).toEqual([0, 0, 0, 1]);
    expect(resolveClauses([clauses[0]!], 4, 'keyword')).toBeNull();
  });
  it('replaces a source’s clause and counts per cluster', () => {
    const next = withClause(clauses, 'keyword', clause('keyword', [1, 0, 0, 0]));
    expect(next.filter((c) => c.source === 'keyword').length).toBe(1);
    expect(Array.from(countByCluster(Uint16Array.from([0, 1, 1, 0]), 2, resolveClauses(next, 4, 'cluster')))).toEqual([0, 0]);
    expect(Array.from(countByCluster(Uint16Array.from([0, 1, 1, 0]), 2, null))).toEqual([2, 2]);
  });
});

describe('title fallback matcher', () => {
  const m = titleMatcher(['Language models as agents', 'Graph agents', 'Diffusion for proteins']);
  it('parses words and phrases', () => {
    expect(queryTerms('"Language Model" AND agents')).toEqual(['language model', 'agents']);
  });
  it('ANDs terms, null for empty', () => {
    expect(Array.from(m.match('agents')!)).toEqual([0, 1]);
    expect(Array.from(m.match('"language models" agents')!)).toEqual([0]);
    expect(m.match('  ')).toBeNull();
    expect(m.highlight('Graph agents', 'agent')).toEqual([[6, 11]]);
  });
});
