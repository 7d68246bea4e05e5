/**
 * Share of papers matching the keyword filter per period, overall and within
 * each cluster, from the per-paper bins and the keyword clause's mask. One pass
 * over n (reading one byte per paper when no other filter is active).
 */
import { countByClusterBin, populationTest, type BinCounts, type Population } from './binCounts.ts';

/**
 * Papers per (cluster, bin) of the whole corpus, per labels column (one per
 * granularity), cached: the denominators of keywordTrend when no other filter
 * is active. Exported so the view can count them while idle, before the first keystroke.
 */
const allCounts = new WeakMap<Uint16Array, { bin: Int16Array; bc: BinCounts }>();
export function countsOfAll(bin: Int16Array, labels: Uint16Array, k: number, nBins: number): BinCounts {
  const hit = allCounts.get(labels);
  if (hit && hit.bin === bin && hit.bc.k === k && hit.bc.nBins === nBins) return hit.bc;
  const bc = countByClusterBin(bin, labels, k, nBins, null);
  allCounts.set(labels, { bin, bc });
  return bc;
}

export interface KeywordTrend {
  k: number;
  nBins: number;
  /** Matching papers per bin (all clusters). */
  matches: Int32Array;
  /** Papers per bin in the base population (denominator). */
  totals: Int32Array;
  /** matches / totals per bin; NaN where the bin has no papers (nothing to take a share of). */
  share: Float64Array;
  /** Per cluster, layout [c * nBins + b]. */
  clusterMatches: Int32Array;
  clusterTotals: Int32Array;
  clusterShare: Float64Array;
}

/**
 * @param keywordMask 1 = the paper matches the keyword filter.
 * @param base the population to take shares of (other filters), null = all papers.
 */
export function keywordTrend(
  bin: Int16Array,
  labels: Uint16Array,
  k: number,
  nBins: number,
  keywordMask: Uint8Array,
  base: Population,
): KeywordTrend {
  const n = bin.length;
  if (labels.length !== n || keywordMask.length !== n) {
    throw new RangeError(`keywordTrend: columns disagree on the number of papers (bin ${n}, labels ${labels.length}, keyword ${keywordMask.length})`);
  }
  const t = populationTest(base, n, 'keywordTrend');
  // Denominators: with no other filter (the usual case) they do not depend on the
  // keyword and are counted once; a keystroke only counts the matches.
  const denominators = t === null ? countsOfAll(bin, labels, k, nBins) : countByClusterBin(bin, labels, k, nBins, base);
  const totals = denominators.totals.slice();
  const clusterTotals = denominators.counts.slice();
  const matches = new Int32Array(nBins);
  const clusterMatches = new Int32Array(k * nBins);
  for (let i = 0; i < n; i++) {
    if (keywordMask[i] === 0) continue;
    if (t !== null && ((t.bytes[i]! & t.bits) ^ t.flip) !== 0) continue;
    const b = bin[i]!;
    if (b < 0 || b >= nBins) continue;
    const c = labels[i]!;
    if (c >= k) continue;
    matches[b]!++;
    clusterMatches[c * nBins + b]!++;
  }
  const share = new Float64Array(nBins);
  for (let b = 0; b < nBins; b++) share[b] = totals[b] === 0 ? NaN : matches[b]! / totals[b]!;
  const clusterShare = new Float64Array(k * nBins);
  for (let j = 0; j < k * nBins; j++) clusterShare[j] = clusterTotals[j] === 0 ? NaN : clusterMatches[j]! / clusterTotals[j]!;
  return { k, nBins, matches, totals, share, clusterMatches, clusterTotals, clusterShare };
}
