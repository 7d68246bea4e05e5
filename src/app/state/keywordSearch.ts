/**
 * The keyword filter's matcher. Uses the stem-aware index from src/search when that
 * module and the artifact's index are available; otherwise falls back to a plain
 * case-insensitive AND of words/"phrases" over titles, so the filter still works
 * on an artifact without an index.
 */
import type { LoadedArtifact } from './loadArtifact.ts';
import { loadSearchBytes } from './loadArtifact.ts';

export type Range = [number, number];

export interface KeywordMatcher {
  kind: 'index' | 'titles';
  /** Sorted paper indices; null for an empty query. */
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

interface SearchModule {
  SearchIndex: { decode(bytes: Uint8Array): unknown };
  parseQuery(q: string): unknown;
  matchQuery(index: unknown, parsed: unknown): Uint32Array | null;
  highlightRanges(text: string, parsed: unknown): unknown;
}

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
  if (loader) {
    try {
      const mod = (await loader()) as SearchModule;
      const bytes = await loadSearchBytes(a);
      if (bytes.byteLength > 0) {
        const index = mod.SearchIndex.decode(bytes);
        let lastQ = '';
        let lastParsed: unknown = mod.parseQuery('');
        const parse = (q: string) => {
          if (q !== lastQ) {
            lastQ = q;
            lastParsed = mod.parseQuery(q);
          }
          return lastParsed;
        };
        // A corrupt or outdated index must not break the filter: fall back to titles.
        let fallback: KeywordMatcher | null = null;
        void titles().then((t) => (fallback = titleMatcher(t)), () => undefined);
        let broken = false;
        const guard = <T,>(f: () => T, alt: () => T): T => {
          if (!broken) {
            try {
              return f();
            } catch (e) {
              broken = true;
              console.warn('topic-atlas: search index failed, matching titles only:', e);
              degraded(`The search index failed on a query: ${(e as Error)?.message ?? String(e)}`);
            }
          }
          return alt();
        };
        return {
          get kind() {
            return broken ? ('titles' as const) : ('index' as const);
          },
          match: (q) =>
            guard(
              () => (q.trim() ? mod.matchQuery(index, parse(q)) : null),
              () => (fallback ? fallback.match(q) : q.trim() ? new Uint32Array(0) : null),
            ),
          highlight: (text, q) =>
            guard(
              () => (q.trim() ? normalizeRanges(mod.highlightRanges(text, parse(q))) : []),
              () => (fallback ? fallback.highlight(text, q) : []),
            ),
          problems: (q) => guard(() => normalizeNotes((parse(q) as { problems?: unknown }).problems), () => []),
        };
      }
    } catch (e) {
      console.warn('topic-atlas: search index unavailable, matching titles only:', e);
      degraded((e as Error)?.message ?? String(e));
    }
  }
  return titleMatcher(await titles());
}
