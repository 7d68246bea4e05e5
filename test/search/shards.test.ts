import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  matchQuery,
  parseQuery,
  SearchIndex,
  ShardedIndex,
  shardsForQuery,
  shardsForPrefix,
  splitSearchIndex,
} from '../../src/search/index.ts';
import { mulberry32 as rng } from '../../src/pipeline/vectors/random.ts';

describe('splitSearchIndex', () => {
  const texts = ['Graph models\nGraphs of models.', 'Diffusion\nthe diffusion of graphs', 'agent agentic agents policy', 'network net graph model'];
  const bytes = buildSearchIndex(texts, { minPairDf: 1 });
  const whole = SearchIndex.decode(bytes);

  it('cuts the sorted keys into consecutive shards that cover each key once', () => {
    // 1 byte per shard: every key gets a shard of its own.
    const { directory, shards } = splitSearchIndex(bytes, 1);
    expect(directory.keys).toBe(whole.vocabularySize);
    expect(directory.shards.map((s) => s.first)).toEqual(whole.vocabulary);
    expect(directory.shards.map((s) => s.firstId)).toEqual(whole.vocabulary.map((_, i) => i));
    expect(shards).toHaveLength(whole.vocabularySize);
    const shard = SearchIndex.decode(shards[whole.keyId('graph')]!);
    expect(shard.firstId).toBe(whole.keyId('graph'));
    expect(shard.vocabulary).toEqual(['graph']);
    expect([...shard.postings(whole.keyId('graph'))]).toEqual([0, 1, 3]);
  });

  it('puts everything in one shard when the target is large', () => {
    const { directory, shards } = splitSearchIndex(bytes, 1e9);
    expect(directory.shards).toEqual([{ first: whole.vocabulary[0], firstId: 0 }]);
    const one = SearchIndex.decode(shards[0]!);
    expect(one.vocabulary).toEqual(whole.vocabulary);
    expect(one.pairCount).toBe(whole.pairCount);
  });

  it('writes nothing for an empty corpus', () => {
    const { directory, shards } = splitSearchIndex(buildSearchIndex([]), 100);
    expect(directory).toEqual({ n: 0, keys: 0, minPairDf: 2, shards: [] });
    expect(shards).toEqual([]);
    expect([...matchQuery(new ShardedIndex(directory), parseQuery('graph'))!]).toEqual([]);
  });

  it('a prefix spans the shard it sorts into and the following ones starting with it', () => {
    const { directory } = splitSearchIndex(bytes, 1);
    const key = (s: number) => directory.shards[s]!.first;
    expect(whole.vocabulary.slice(0, 7)).toEqual(['agent', 'agentic', 'diffusion', 'graph', 'model', 'net', 'network']);
    expect(shardsForPrefix(directory, 'ag').map(key)).toEqual(['agent', 'agentic']);
    expect(shardsForPrefix(directory, 'gr').map(key)).toEqual(['diffusion', 'graph']);
    expect(shardsForPrefix(directory, 'ne').map(key)).toEqual(['model', 'net', 'network']);
    expect(shardsForPrefix(directory, 'zz').map(key)).toEqual([whole.vocabulary.at(-1)]);
  });

  it('refuses a shard of another index or place', () => {
    const { directory, shards } = splitSearchIndex(bytes, 1);
    const index = new ShardedIndex(directory);
    expect(() => index.add(1, shards[0]!)).toThrow(/not shard 1 of this index/);
    expect(() => index.add(0, shards[0]!.slice(0, shards[0]!.length - 1))).toThrow(/size mismatch/);
  });
});

describe('a sharded index answers exactly as the whole one, loading only the shards the query names', () => {
  const words = ['graph', 'graphs', 'model', 'Models', 'agent', 'agentic', 'of', 'the', 'policy', 'policies', 'net', 'network', 'fine-tuning', 'x', 'zeta', 'alpha', 'beta'];
  const random = rng(7);
  const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const texts = Array.from({ length: 400 }, () => Array.from({ length: 1 + Math.floor(random() * 12) }, () => pick(words)).join(random() < 0.2 ? ', ' : ' '));
  const bytes = buildSearchIndex(texts, { minPairDf: 2 });
  const whole = SearchIndex.decode(bytes);

  for (const target of [1, 64, 400]) {
    it(`with shards of ~${target} bytes, on 300 random queries`, () => {
      const { directory, shards } = splitSearchIndex(bytes, target);
      expect(shards.length).toBeGreaterThan(target === 400 ? 1 : 5);
      for (let k = 0; k < 300; k++) {
        const parts = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
          const r = random();
          if (r < 0.25) return `"${pick(words)} ${pick(words)}${random() < 0.3 ? ' ' + pick(words) : ''}"`;
          if (r < 0.35) return pick(['gr*', 'ag*', 'pol*', 'ne*', 'a*', 'mo*']);
          if (r < 0.45) return `-${pick(words)}`;
          if (r < 0.5) return 'OR';
          return pick(words);
        });
        // An unfinished last word ("agen", "pol") is matched as a prefix.
        const q = parts.join(' ') + (random() < 0.5 ? ' ' : random() < 0.5 ? ' agen' : '');
        const parsed = parseQuery(q);
        const index = new ShardedIndex(directory);
        for (const s of shardsForQuery(directory, parsed)) index.add(s, shards[s]!);
        expect(matchQuery(index, parsed), q).toEqual(matchQuery(whole, parsed));
      }
    });
  }
});
