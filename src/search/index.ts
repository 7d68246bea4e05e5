/**
 * Keyword search over title + abstract, shared by the pipeline (build) and the
 * dashboard (decode + query). Browser-safe: no Node imports, typed arrays only.
 */
export { normalizeWord, foldWord } from './normalize.ts';
export { searchTokens, tokenSpans, type TokenSpan } from './tokenize.ts';
export { buildSearchIndex, DEFAULT_MIN_PAIR_DF, type BuildSearchIndexOptions } from './build.ts';
export { SearchIndex } from './searchIndex.ts';
export { SEARCH_INDEX_MAGIC, SEARCH_INDEX_VERSION, SHARD_MAGIC } from './format.ts';
export { parseQuery, matchQuery, isEmptyQuery, phraseContent, MIN_PREFIX_LENGTH, MIN_PARTIAL_PREFIX_LENGTH, type ParsedQuery, type QueryNode, type QueryAtom, type QueryProblem } from './query.ts';
export { highlightRanges } from './highlight.ts';
export { STOPWORDS, isStopword } from './stopwords.ts';
export { intersectSorted, intersectAll, unionAll, subtractSorted } from './intersect.ts';
export { splitSearchIndex, shardsForQuery, shardForKey, shardsForPrefix, ShardedIndex, type ShardDirectory } from './shards.ts';
export type { KeyIndex } from './searchIndex.ts';
