/**
 * The keyword index in shards of consecutive keys, so a query fetches the postings
 * of its own keys and not the whole index. The directory (first key and first id of
 * each shard) is small and lives in the manifest; each shard is a file of
 * SHARD_MAGIC format (format.ts) that decodes to a SearchIndex over its keys.
 *
 * Answers stay exact: a query's keys, prefixes (which may run over several shards)
 * and phrase pairs (stored with their first key, relative to the postings of the
 * rarer key) name every shard they need before it is evaluated (`shardsForQuery`).
 */
import { normalizeWord } from './normalize.ts';
import { phraseContent, MIN_PARTIAL_PREFIX_LENGTH, MIN_PREFIX_LENGTH, type ParsedQuery, type QueryNode } from './query.ts';
import { SearchIndex, type KeyIndex } from './searchIndex.ts';

export interface ShardDirectory {
  n: number;
  keys: number;
  minPairDf: number;
  shards: { first: string; firstId: number }[];
}

/** Splits a whole index (buildSearchIndex's bytes) into shards of about `targetBytes` each. */
export function splitSearchIndex(bytes: Uint8Array, targetBytes: number): { directory: ShardDirectory; shards: Uint8Array[] } {
  const whole = SearchIndex.decode(bytes);
  const V = whole.vocabularySize;
  const directory: ShardDirectory = { n: whole.n, keys: V, minPairDf: whole.minPairDf, shards: [] };
  const shards: Uint8Array[] = [];
  let from = 0;
  let size = 0;
  for (let t = 0; t < V; t++) {
    size += whole.keyBytes(t);
    if (size >= targetBytes || t === V - 1) {
      directory.shards.push({ first: whole.vocabulary[from]!, firstId: from });
      shards.push(whole.shard(from, t + 1));
      from = t + 1;
      size = 0;
    }
  }
  return { directory, shards };
}

/** Index of the last entry of `shards` whose `key(entry)` is <= x (0 when none is). */
function lastAtMost<T>(shards: readonly T[], x: string | number, key: (s: T) => string | number): number {
  let lo = 0;
  let hi = shards.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(shards[mid]!) <= x) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** The shard that would hold `key`. */
export function shardForKey(dir: ShardDirectory, key: string): number {
  return lastAtMost(dir.shards, key, (s) => s.first);
}

/** The shards that may hold keys starting with `prefix`: consecutive, from the one `prefix` would sort into. */
export function shardsForPrefix(dir: ShardDirectory, prefix: string): number[] {
  const out = [shardForKey(dir, prefix)];
  for (let s = out[0]! + 1; s < dir.shards.length && dir.shards[s]!.first.startsWith(prefix); s++) out.push(s);
  return out;
}

/** Every shard evaluating `q` reads (excluded words included: they are evaluated too). */
export function shardsForQuery(dir: ShardDirectory, q: ParsedQuery): number[] {
  if (dir.shards.length === 0) return [];
  const need = new Set<number>();
  const prefix = (folded: string) => {
    for (const s of shardsForPrefix(dir, folded)) need.add(s);
    const key = normalizeWord(folded);
    if (key !== folded && key.length >= MIN_PREFIX_LENGTH) for (const s of shardsForPrefix(dir, key)) need.add(s);
  };
  const visit = (node: QueryNode): void => {
    switch (node.kind) {
      case 'and':
      case 'or':
        return node.children.forEach(visit);
      case 'not':
        return visit(node.child);
      case 'term':
        need.add(shardForKey(dir, node.key));
        if (node.partial !== null && node.partial.length >= MIN_PARTIAL_PREFIX_LENGTH) prefix(node.partial);
        return;
      case 'prefix':
        return prefix(node.folded);
      default:
        for (const key of phraseContent(node.keys)) need.add(shardForKey(dir, key));
    }
  };
  if (q.expr) visit(q.expr);
  return [...need].sort((a, b) => a - b);
}

/**
 * The loaded shards of an index, answering as the whole index would for any query
 * whose shards (`shardsForQuery`) are all loaded; asking for a key of a shard that
 * is not loaded throws.
 */
export class ShardedIndex implements KeyIndex {
  readonly n: number;
  readonly #dir: ShardDirectory;
  readonly #loaded = new Map<number, SearchIndex>();

  constructor(dir: ShardDirectory) {
    this.#dir = dir;
    this.n = dir.n;
  }

  has(s: number): boolean {
    return this.#loaded.has(s);
  }

  /** Adds shard s (decoded from its bytes; throws when they are not shard s of this index). */
  add(s: number, bytes: Uint8Array): void {
    const shard = SearchIndex.decode(bytes);
    const entry = this.#dir.shards[s];
    const end = this.#dir.shards[s + 1]?.firstId ?? this.#dir.keys;
    if (!entry || shard.firstId !== entry.firstId || shard.firstId + shard.vocabularySize !== end || shard.n !== this.n) {
      throw new Error(`search index: the file is not shard ${s} of this index (keys ${shard.firstId}+${shard.vocabularySize}, expected ${entry?.firstId ?? '?'}..${end})`);
    }
    this.#loaded.set(s, shard);
  }

  #shard(s: number): SearchIndex {
    const shard = this.#loaded.get(s);
    if (!shard) throw new Error(`search index: shard ${s} is not loaded`);
    return shard;
  }

  #byKey(key: string): SearchIndex {
    return this.#shard(shardForKey(this.#dir, key));
  }

  #byId(t: number): SearchIndex {
    return this.#shard(lastAtMost(this.#dir.shards, t, (s) => s.firstId));
  }

  keyId(key: string): number {
    return this.#dir.shards.length ? this.#byKey(key).keyId(key) : -1;
  }

  prefixRange(prefix: string): [number, number] {
    if (this.#dir.shards.length === 0) return [0, 0];
    const shards = shardsForPrefix(this.#dir, prefix);
    return [this.#shard(shards[0]!).prefixRange(prefix)[0], this.#shard(shards.at(-1)!).prefixRange(prefix)[1]];
  }

  df(t: number): number {
    return this.#byId(t).df(t);
  }

  postings(t: number): Uint32Array {
    return this.#byId(t).postings(t);
  }

  pairPostings(a: number, b: number): Uint32Array {
    return this.#byId(a).pairPostings(a, b, this);
  }
}
