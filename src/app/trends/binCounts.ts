/**
 * Per-cluster, per-bin paper counts under a filter mask, computed in one pass
 * over the per-paper columns. Layout: counts[cluster * nBins + bin].
 */

export interface BinCounts {
  k: number;
  nBins: number;
  /** counts[c * nBins + b] = papers of cluster c in bin b passing the mask. */
  counts: Int32Array;
  /** Papers in bin b passing the mask (all clusters). */
  totals: Int32Array;
}

/**
 * Which papers to count: all (null), a 0/1 mask (1 = counted), or the shared
 * crossfilter's fail bits (FilterIndex.fails) with the bits that exclude a
 * paper — read in place, so a keystroke needs no n-sized mask per view.
 */
export type Population = Uint8Array | { fails: Uint8Array; bits: number } | null;

/** A paper i is out when ((bytes[i] & bits) ^ flip) !== 0. */
export interface PopulationTest {
  bytes: Uint8Array;
  bits: number;
  flip: number;
}

export function populationTest(p: Population, n: number, who: string): PopulationTest | null {
  if (p === null) return null;
  const bytes = p instanceof Uint8Array ? p : p.fails;
  if (bytes.length !== n) throw new RangeError(`${who}: mask has ${bytes.length} entries, expected ${n}`);
  return p instanceof Uint8Array ? { bytes, bits: 1, flip: 1 } : { bytes, bits: p.bits, flip: 0 };
}

/**
 * Counts papers by (cluster, bin) among `population` (all papers when null).
 * Papers with bin -1 (undated or imprecise) or a bin outside [0, nBins) are
 * not counted.
 */
export function countByClusterBin(
  bin: Int16Array,
  labels: Uint16Array,
  k: number,
  nBins: number,
  population: Population,
): BinCounts {
  if (bin.length !== labels.length) {
    throw new RangeError(`countByClusterBin: bin has ${bin.length} papers but labels has ${labels.length}`);
  }
  const t = populationTest(population, bin.length, 'countByClusterBin');
  const counts = new Int32Array(k * nBins);
  const totals = new Int32Array(nBins);
  const n = bin.length;
  for (let i = 0; i < n; i++) {
    if (t !== null && ((t.bytes[i]! & t.bits) ^ t.flip) !== 0) continue;
    const b = bin[i]!;
    if (b < 0 || b >= nBins) continue;
    const c = labels[i]!;
    if (c >= k) continue;
    counts[c * nBins + b]!++;
    totals[b]!++;
  }
  return { k, nBins, counts, totals };
}

/**
 * Share of each cluster among the papers of its bin: counts[c,b] / totals[b].
 * Empty bins give 0 (never NaN), so they draw as zero, not as a hole.
 */
export function shareOfBin(bc: BinCounts): Float64Array {
  const out = new Float64Array(bc.k * bc.nBins);
  for (let c = 0; c < bc.k; c++) {
    for (let b = 0; b < bc.nBins; b++) {
      const t = bc.totals[b]!;
      out[c * bc.nBins + b] = t === 0 ? 0 : bc.counts[c * bc.nBins + b]! / t;
    }
  }
  return out;
}

/** The row of one cluster as a plain array (for d3-shape). */
export function clusterRow(values: Int32Array | Float64Array, nBins: number, cluster: number): number[] {
  return Array.from(values.subarray(cluster * nBins, (cluster + 1) * nBins));
}

/** Papers per cluster summed over all bins. */
export function clusterTotals(bc: BinCounts): Int32Array {
  const out = new Int32Array(bc.k);
  for (let c = 0; c < bc.k; c++) {
    let s = 0;
    for (let b = 0; b < bc.nBins; b++) s += bc.counts[c * bc.nBins + b]!;
    out[c] = s;
  }
  return out;
}
