import { describe, expect, it } from 'vitest';
import { buildSearchIndex, matchQuery, parseQuery, SearchIndex, searchTokens, isStopword } from '../../src/search/index.ts';
import { mulberry32 as rng } from '../../src/pipeline/vectors/random.ts';

describe('SearchIndex encode/decode', () => {
  const texts = ['Graph models\nGraphs of models.', 'Diffusion\nthe diffusion of graphs', ''];

  it('round-trips vocabulary, sizes and postings', () => {
    const bytes = buildSearchIndex(texts, { minPairDf: 1 });
    const index = SearchIndex.decode(bytes);
    expect(index.n).toBe(3);
    expect(index.vocabulary).toEqual(['diffusion', 'graph', 'model', 'of', 'the']);
    expect(index.vocabularySize).toBe(5);
    expect([...index.postings(index.keyId('graph'))]).toEqual([0, 1]);
    expect([...index.postings(index.keyId('the'))]).toEqual([1]);
    // Pairs skip stopwords: (graph, model), (model, graph), (diffusion, diffusion), (diffusion, graph).
    expect(index.pairCount).toBe(4);
    expect([...index.pairPostings(index.keyId('model'), index.keyId('graph'))]).toEqual([0]);
    expect([...index.pairPostings(index.keyId('diffusion'), index.keyId('graph'))]).toEqual([1]);
    expect(index.keyId('graphs')).toBe(-1);
    expect(index.prefixRange('gr')).toEqual([1, 2]);
  });

  it('is deterministic', () => {
    expect(buildSearchIndex(texts)).toEqual(buildSearchIndex(texts));
  });

  it('drops pairs below minPairDf', () => {
    const index = SearchIndex.decode(buildSearchIndex(texts));
    expect(index.pairCount).toBe(0);
    expect([...matchQuery(index, parseQuery('"graph model"'))!]).toEqual([]);
  });

  it('handles an empty corpus', () => {
    const index = SearchIndex.decode(buildSearchIndex([]));
    expect(index.n).toBe(0);
    expect(index.vocabularySize).toBe(0);
    expect([...matchQuery(index, parseQuery('graph'))!]).toEqual([]);
  });

  it('rejects corrupt bytes with a clear error', () => {
    const bytes = buildSearchIndex(texts);
    const badMagic = bytes.slice();
    badMagic[0] = 0x58;
    expect(() => SearchIndex.decode(badMagic)).toThrow(/search index: bad magic "XASI"/);
    const badVersion = bytes.slice();
    badVersion[4] = 99;
    expect(() => SearchIndex.decode(badVersion)).toThrow(/search index: unsupported version 99/);
    expect(() => SearchIndex.decode(bytes.slice(0, bytes.length - 3))).toThrow(/search index: size mismatch/);
    expect(() => SearchIndex.decode(new Uint8Array(5))).toThrow(/search index: too short/);
  });
});


describe('matchQuery agrees with a brute-force scan', () => {
  const words = ['graph', 'graphs', 'model', 'Models', 'agent', 'agentic', 'of', 'the', 'policy', 'policies', 'net', 'network', 'fine-tuning', 'x'];
  const random = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const texts = Array.from({ length: 300 }, () => Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick(words)).join(random() < 0.2 ? ', ' : ' '));
  const minPairDf = 2;
  const index = SearchIndex.decode(buildSearchIndex(texts, { minPairDf }));
  const tokens = texts.map(searchTokens);

  const contentPairs = (keys: string[]) => {
    const content = keys.filter((k) => !isStopword(k));
    return content.slice(1).map((b, i) => `${content[i]} ${b}`);
  };
  const pairDf = new Map<string, number>();
  for (const keys of tokens) for (const p of new Set(contentPairs(keys))) pairDf.set(p, (pairDf.get(p) ?? 0) + 1);

  function brute(q: string): number[] {
    const parsed = parseQuery(q);
    const out: number[] = [];
    tokens.forEach((keys, i) => {
      const has = (k: string) => keys.includes(k);
      const prefixOk = (p: string) => keys.some((k) => k.startsWith(p));
      const pairs = new Set(contentPairs(keys));
      const termsOk = parsed.terms.every((t) => has(t) || (parsed.partial !== null && t === parsed.partial && parsed.partial.length >= 3 && !index.vocabulary.includes(t) && prefixOk(t)));
      const phrasesOk = parsed.phrases.every((ph) => {
        const content = ph.filter((k) => !isStopword(k));
        if (content.length <= 1) return (content.length === 1 ? content : ph).every(has);
        return contentPairs(ph).every((p) => pairs.has(p) && (pairDf.get(p) ?? 0) >= minPairDf);
      });
      if (termsOk && phrasesOk && parsed.prefixes.every(prefixOk)) out.push(i);
    });
    return out;
  }

  it('on 200 random queries', () => {
    for (let k = 0; k < 200; k++) {
      const parts = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const r = random();
        if (r < 0.3) return `"${pick(words)} ${pick(words)}${random() < 0.3 ? ' ' + pick(words) : ''}"`;
        if (r < 0.4) return pick(['gr*', 'ag*', 'pol*', 'ne*']);
        return pick(words);
      });
      const q = parts.join(' ') + (random() < 0.5 ? ' ' : '');
      expect([...matchQuery(index, parseQuery(q))!], q).toEqual(brute(q));
    }
  });
});
