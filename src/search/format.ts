/**
 * Binary layout of the search index (little-endian), version 1:
 *
 *   header   "TASI" magic, then u32: version, n (papers), vocabularySize, minPairDf,
 *            pairCount, and the byte lengths of the five sections below
 *   vocab    UTF-8 keys, sorted (JS string order), joined by "\n"
 *   termDir  one varint per key: byte length of its postings
 *   postings per key, a postings list (postingsCodec.ts)
 *   pairDir  one varint per key a: byte length of its pair group (0 = no pairs start with a)
 *   pairs    per key a, the pairs (a, b) of consecutive non-stopword keys seen in
 *            >= minPairDf papers: varint count, then per pair: varint (b - previous b - 1),
 *            varint byte length, postings list of *ranks within the postings of the
 *            rarer of a and b* (a on ties; often all of them: the list is then one varint)
 *
 * Lengths rather than offsets keep the directory at ~1-2 bytes per key; the offsets are
 * rebuilt with one prefix sum when the index is decoded.
 */

export const SEARCH_INDEX_MAGIC = 'TASI';

/**
 * One shard of an index (shards.ts): the same sections for the keys [firstId,
 * firstId + keyCount) only, after a header of "TASH" and u32: version, n, firstId,
 * keyCount, totalKeys, minPairDf, pairCount, then the five section lengths. Pair
 * groups name second keys by global id, so a shard's bytes are the whole index's.
 */
export const SHARD_MAGIC = 'TASH';
export const SHARD_VERSION = 1;
export const SHARD_HEADER_BYTES = 4 + 4 * 12;
export const SEARCH_INDEX_VERSION = 1;
export const HEADER_U32_FIELDS = 10;
export const HEADER_BYTES = 4 + 4 * HEADER_U32_FIELDS;

export interface SearchIndexHeader {
  version: number;
  n: number;
  vocabularySize: number;
  minPairDf: number;
  pairCount: number;
  vocabBytes: number;
  termDirBytes: number;
  postingsBytes: number;
  pairDirBytes: number;
  pairsBytes: number;
}
