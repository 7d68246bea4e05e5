/**
 * The keyword filter's matcher. Uses the stem-aware index from src/search, fetched a
 * shard at a time: a query fetches the shards holding its keys (src/search/shards.ts)
 * before it is answered, exactly. Without an index it falls back to a plain
 * case-insensitive AND of words/"phrases" over titles, so the filter still works.
 */
import type { LoadedArtifact } from './loadArtifact.ts';
import { fetchDecoded } from './loadArtifact.ts';

export type Range = [number, number];

export interface KeywordMatcher {
  kind: 'index' | 'titles';
  /** Whether `match(query)` can answer now: the shards it needs are in. */
  ready(query: string): boolean;
  /** Fetches what `match(query)` needs; resolves when ready, rejects with "could not load search shard 3: ...". */
  load(query: string): Promise<void>;
  /** Why `query` cannot be answered (a shard it needs failed to load), or null. */
  failure(query: string): string | null;
  /** Sorted paper indices; null for an empty query. Only when ready(query). */
  match(query: string): Uint32Array | null;
  highlight(text: string, query: string): Range[];
  /** Parts of the query the matcher did not understand, to show under the input. */
  problems(query: string): QueryNote[];
}

/** A part of the query that was not understood, with its [start, end) in the query. */
export interface QueryNote {
  start: number;
  end: number;
  message: string;
}

type SearchModule = typeof import('../../search/index.ts');

// Resolved at build time; an empty record while src/search has no index.ts yet.
const searchModules = import.meta.glob('../../search/index.ts');

function normalizeRanges(raw: unknown): Range[] {
  if (!Array.isArray(raw)) return [];
  const out: Range[] = [];
  for (const r of raw) {
    if (Array.isArray(r) && typeof r[0] === 'number' && typeof r[1] === 'number') out.push([r[0], r[1]]);
    else if (r && typeof r === 'object' && 'start' in r && 'end' in r) out.push([Number(r.start), Number(r.end)]);
  }
  return out;
}

function normalizeNotes(raw: unknown): QueryNote[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((p): p is QueryNote => p && typeof p === 'object' && typeof p.start === 'number' && typeof p.end === 'number' && typeof p.message === 'string');
}

/** Words and "quoted phrases", lowercased. */
export function queryTerms(q: string): string[] {
  const terms: string[] = [];
  const re = /"([^"]*)"?|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(q.toLowerCase()))) {
    const t = (m[1] ?? m[2] ?? '').trim();
    if (t && t !== 'and') terms.push(t);
  }
  return terms;
}

export function titleMatcher(titles: readonly string[]): KeywordMatcher {
  const lower = titles.map((t) => t.toLowerCase());
  return {
    kind: 'titles',
    ready: () => true,
    load: () => Promise.resolve(),
    failure: () => null,
    match(q) {
      const terms = queryTerms(q);
      if (terms.length === 0) return null;
      const out: number[] = [];
      for (let i = 0; i < lower.length; i++) {
        const t = lower[i]!;
        if (terms.every((term) => t.includes(term))) out.push(i);
      }
      return Uint32Array.from(out);
    },
    highlight(text, q) {
      const lowerText = text.toLowerCase();
      const out: Range[] = [];
      for (const term of queryTerms(q)) {
        for (let at = lowerText.indexOf(term); at >= 0; at = lowerText.indexOf(term, at + term.length)) out.push([at, at + term.length]);
      }
      return out;
    },
    problems: () => [],
  };
}

/**
 * The best matcher the artifact allows. `degraded` hears why, in a sentence for
 * the page, when the index cannot be used and the filter falls back to titles.
 */
export async function loadKeywordMatcher(
  a: LoadedArtifact,
  titles: () => Promise<string[]>,
  degraded: (reason: string) => void = () => undefined,
): Promise<KeywordMatcher> {
  const loader = searchModules['../../search/index.ts'];
  const dir = a.manifest.search;
  if (loader && (dir.shards.length > 0 || a.n === 0)) {
    try {
      return shardedMatcher((await loader()) as SearchModule, a, degraded);
    } catch (e) {
      console.warn('topic-atlas: search index unavailable, matching titles only:', e);
      degraded((e as Error)?.message ?? String(e));
    }
  } else degraded('the artifact has no keyword index.');
  return titleMatcher(await titles());
}

function shardedMatcher(mod: SearchModule, a: LoadedArtifact, degraded: (reason: string) => void): KeywordMatcher {
  const dir = a.manifest.search;
  const index = new mod.ShardedIndex(dir);
  const pending = new Map<number, Promise<void>>();
  const errors = new Map<number, string>();
  let lastQ = '';
  let lastParsed = mod.parseQuery('');
  let lastShards: number[] = [];
  const parse = (q: string) => {
    if (q !== lastQ) {
      lastQ = q;
      lastParsed = mod.parseQuery(q);
      lastShards = mod.shardsForQuery(dir, lastParsed);
    }
    return lastParsed;
  };
  const shardsOf = (q: string) => (parse(q), lastShards);
  const loadShard = (s: number): Promise<void> => {
    let p = pending.get(s);
    if (!p) {
      const what = `search shard ${s}`;
      p = fetchDecoded(a, dir.shards[s]!.file, what, (bytes) => index.add(s, bytes));
      p.catch((e: Error) => errors.set(s, e.message));
      pending.set(s, p);
    }
    return p;
  };
  // Shards are checked when they load; a query that still throws (a bug, or a damage
  // the checks missed) must not break the filter: it answers nothing and says why.
  const guard = <T,>(f: () => T, alt: () => T): T => {
    try {
      return f();
    } catch (e) {
      console.warn('topic-atlas: search index failed on a query:', e);
      degraded(`The search index failed on a query: ${(e as Error)?.message ?? String(e)}`);
      return alt();
    }
  };
  return {
    kind: 'index',
    ready: (q) => shardsOf(q).every((s) => index.has(s)),
    load: async (q) => {
      await Promise.all(shardsOf(q).map(loadShard));
    },
    failure: (q) => {
      for (const s of shardsOf(q)) if (errors.has(s)) return errors.get(s)!;
      return null;
    },
    match: (q) => guard(() => (q.trim() ? mod.matchQuery(index, parse(q)) : null), () => new Uint32Array(0)),
    highlight: (text, q) => guard(() => (q.trim() ? normalizeRanges(mod.highlightRanges(text, parse(q))) : []), () => []),
    problems: (q) => normalizeNotes(parse(q).problems),
  };
}
