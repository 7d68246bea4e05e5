import { describe, expect, it } from 'vitest';
import { buildSearchIndex, matchQuery, parseQuery, SearchIndex, searchTokens, type QueryNode } from '../../src/search/index.ts';
import { parseTree } from '../../src/search/queryParse.ts';
import { QUERY_CORPUS } from './corpus.ts';

const corpus = QUERY_CORPUS.slice(0, 7);
const index = SearchIndex.decode(buildSearchIndex(corpus, { minPairDf: 1 }));
const match = (q: string) => (r => (r === null ? null : [...r]))(matchQuery(index, parseQuery(q)));
const problems = (q: string) => parseTree(q).problems.map((p) => `${q.slice(p.start, p.end)}: ${p.message}`);

/** The tree in a compact notation: words by key, "phrases", prefix*, -x, (a b), (a | b). */
function show(n: QueryNode | null): string {
  if (n === null) return '∅';
  switch (n.kind) {
    case 'term': return n.partial === null ? n.key : `${n.key}…`;
    case 'prefix': return `${n.folded}*`;
    case 'phrase': return `"${n.keys.join(' ')}"`;
    case 'not': return `-${show(n.child)}`;
    case 'and': return `(${n.children.map(show).join(' ')})`;
    case 'or': return `(${n.children.map(show).join(' | ')})`;
  }
}
const tree = (q: string) => show(parseTree(q).expr);

describe('query syntax', () => {
  it('excludes with a leading dash or NOT, keeping inner hyphens as phrases', () => {
    expect(tree('agents -quantum ')).toBe('(agent -quantum)');
    expect(tree('agents NOT quantum ')).toBe('(agent -quantum)');
    expect(tree('-"language model" fine-tuning ')).toBe('(-"language model" "fine tuning")');
    expect(tree('agents -learn* ')).toBe('(agent -learn*)');
  });

  it('binds OR looser than the implicit AND, and groups with parentheses', () => {
    expect(tree('a OR b c ')).toBe('(a | (b c))');
    expect(tree('a b OR c ')).toBe('((a b) | c)');
    expect(tree('(a OR b) c ')).toBe('((a | b) c)');
    expect(tree('agents -(quantum OR graph) ')).toBe('(agent -(quantum | graph))');
    expect(tree('a AND b ')).toBe('(a b)');
    expect(tree('NOT -a ')).toBe('--a');
  });

  it('takes the operators in capitals only, and notes the lower-case words', () => {
    expect(tree('agents or quantum ')).toBe('(agent or quantum)');
    expect(problems('agents or quantum ')).toEqual(['or: searched as a word; write OR in capitals for the operator']);
  });

  it('marks only a finished query\'s last plain word as unfinished', () => {
    expect(tree('agents OR quan')).toBe('(agent | quan…)');
    expect(tree('agents -quan')).toBe('(agent -quan…)');
    expect(tree('agents OR')).toBe('agent');
    expect(tree('(agents)')).toBe('agent');
  });

  it('reports what it does not understand, and parses the rest', () => {
    expect(problems('agents -')).toEqual(['-: "-" with nothing after it: ignored (write -word to exclude a word)']);
    expect(tree('agents -')).toBe('agent');
    expect(problems('agents OR')).toEqual(['OR: OR with nothing after it: ignored']);
    expect(problems('OR agents')).toEqual(['OR: OR with nothing before it: ignored']);
    expect(tree('OR agents')).toBe('agent…');
    expect(problems('a OR OR b')).toEqual(['OR: OR with nothing after it: ignored']);
    expect(tree('a OR OR b')).toBe('(a | b…)');
    expect(problems('agents NOT')).toEqual(['NOT: NOT with nothing after it: ignored (write NOT word to exclude a word)']);
    expect(problems('"language model')).toEqual(['"language model: unclosed quote: the phrase runs to the end']);
    expect(tree('"language model')).toBe('"language model"');
    expect(problems('(a OR b')).toEqual(['(: "(" without ")": closed at the end']);
    expect(tree('(a OR b')).toBe('(a | b…)');
    expect(problems('a) b ')).toEqual(['): ")" without "(": ignored']);
    expect(tree('a) b ')).toBe('(a b)');
    expect(problems('a AND ')).toEqual(['AND: AND with nothing on one side: ignored']);
    expect(problems('a* agents ')).toEqual(['a*: a prefix needs 2 letters; searched as a word']);
    expect(problems('agents , ')).toEqual([',: no searchable letters: ignored']);
    expect(problems('agents -quantum "x y" (a OR b) ')).toEqual([]);
  });

  it('highlights only what is not excluded', () => {
    expect(parseQuery('agents -quantum OR "graph neural" -learn* ')).toMatchObject({ terms: ['agent'], phrases: [['graph', 'neural']], prefixes: [] });
  });
});

describe('matching with operators', () => {
  it('excludes', () => {
    expect(match('agents ')).toEqual([0, 5, 6]);
    expect(match('agents -quantum ')).toEqual([0, 5]);
    expect(match('agents NOT quantum ')).toEqual([0, 5]);
    // 0 has "Models as Agents" (stopwords are looked through), 5 "model agents".
    expect(match('agents -"model agents" ')).toEqual([6]);
    expect(match('-agent ')).toEqual([1, 2, 3, 4]);
    expect(match('agent* -agentic ')).toEqual([0, 5, 6]);
  });

  it('unions, and follows precedence and parentheses', () => {
    expect(match('quantum OR agentic ')).toEqual([1, 6]);
    expect(match('quantum OR agentic planning ')).toEqual([1, 6]);
    expect(match('(quantum OR agentic) planning ')).toEqual([1]);
    expect(match('models -(graph OR diffusion) ')).toEqual([0, 2, 5]);
    expect(match('unseenword OR quantum ')).toEqual([6]);
    expect(match('-unseenword ')).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('is no filter when nothing is left to search', () => {
    expect(match('-')).toBeNull();
    expect(match('OR')).toBeNull();
    expect(match('( )')).toBeNull();
  });

  it('never hands out the index\'s own postings list', () => {
    const a = matchQuery(index, parseQuery('quantum '))!;
    a[0] = 99;
    expect(match('quantum ')).toEqual([6]);
  });
});

describe('operators agree with set arithmetic on a random corpus', () => {
  const words = ['graph', 'model', 'agent', 'policy', 'network', 'quantum', 'learning', 'x'];
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const texts = Array.from({ length: 200 }, () => Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(words)).join(' '));
  const idx = SearchIndex.decode(buildSearchIndex(texts, { minPairDf: 1 }));
  const sets = texts.map((t) => new Set(searchTokens(t)));
  const all = texts.map((_, i) => i);
  const m = (q: string) => [...matchQuery(idx, parseQuery(q + ' '))!];
  const brute = (pred: (s: Set<string>) => boolean) => all.filter((i) => pred(sets[i]!));

  it('on every pair of words', () => {
    for (const a of words) {
      for (const b of words) {
        const A = new Set(m(a));
        const B = new Set(m(b));
        expect(m(`${a} OR ${b}`), `${a} OR ${b}`).toEqual(all.filter((i) => A.has(i) || B.has(i)));
        expect(m(`${a} -${b}`), `${a} -${b}`).toEqual(all.filter((i) => A.has(i) && !B.has(i)));
        expect(m(`${a} NOT ${b}`)).toEqual(m(`${a} -${b}`));
        expect(m(`-${a}`)).toEqual(all.filter((i) => !A.has(i)));
        expect(m(`${a} ${b}`).length + m(`${a} OR ${b}`).length).toBe(A.size + B.size);
      }
    }
  });

  it('on random nested queries', () => {
    for (let k = 0; k < 200; k++) {
      const [a, b, c] = [pick(words), pick(words), pick(words)];
      const shape = k % 4;
      const q = [`${a} OR ${b} -${c}`, `(${a} OR ${b}) -${c}`, `-(${a} OR ${b}) ${c}`, `${a} NOT (${b} ${c})`][shape]!;
      const want = brute((s) => {
        const [x, y, z] = [s.has(a), s.has(b), s.has(c)];
        return [x || (y && !z), (x || y) && !z, !(x || y) && z, x && !(y && z)][shape]!;
      });
      expect(m(q), q).toEqual(want);
    }
  });
});
