/**
 * Term trends: the share of binned documents containing a term, per bin,
 * tested for growth like a cluster's share. Only terms found in at least
 * `minTermDocs` binned documents are tested; Benjamini–Hochberg runs over all
 * of them, and those with q < alpha are returned, rising first.
 */
import type { TermTrend } from '../../schema/artifact.ts';
import { kleinbergBursts, type BurstOptions } from './burst.ts';
import { benjaminiHochberg } from './fdr.ts';
import { fitGrowth, type GrowthFit } from './growth.ts';
import type { Vocabulary } from './types.ts';

export interface TermTrendOptions {
  /** Minimum binned documents containing a term for it to be tested (default 20). */
  minTermDocs?: number;
  /** FDR level for the q-values (default 0.05). */
  alpha?: number;
  burst?: BurstOptions;
}

export interface TermTrendResult {
  /** Significant terms: rising by slope descending, then falling by slope ascending. */
  terms: TermTrend[];
  /** Terms tested (the size of the BH family). */
  tested: number;
}

/**
 * `termDocs` is cols × nBins (see countTermDocBins); `totals` the binned papers
 * per bin; `t` the bin midpoints in years; `include` the bins that enter the
 * growth fit (partial bins out). Bursts use every bin.
 */
export function significantTermTrends(
  termDocs: Int32Array,
  totals: Int32Array,
  t: Float64Array,
  include: Uint8Array,
  vocabulary: Vocabulary,
  options: TermTrendOptions = {},
): TermTrendResult {
  const minTermDocs = options.minTermDocs ?? 20;
  const alpha = options.alpha ?? 0.05;
  const nBins = totals.length;
  const nTerms = vocabulary.keys.length;
  if (termDocs.length !== nTerms * nBins) {
    throw new RangeError(`trends: term counts are ${termDocs.length} values, expected ${nTerms} terms × ${nBins} bins`);
  }
  if (nBins === 0) return { terms: [], tested: 0 };
  const tested: number[] = [];
  const fits: GrowthFit[] = [];
  const docCounts: number[] = [];
  for (let j = 0; j < nTerms; j++) {
    const row = termDocs.subarray(j * nBins, (j + 1) * nBins);
    let docs = 0;
    for (let b = 0; b < nBins; b++) docs += row[b]!;
    if (docs < minTermDocs) continue;
    const fit = fitGrowth(row, totals, t, include);
    if (!fit) continue;
    tested.push(j);
    fits.push(fit);
    docCounts.push(docs);
  }
  const q = benjaminiHochberg(fits.map((f) => f.pValue));
  const terms: TermTrend[] = [];
  for (let i = 0; i < tested.length; i++) {
    if (!(q[i]! < alpha)) continue;
    const j = tested[i]!;
    const fit = fits[i]!;
    const row = termDocs.subarray(j * nBins, (j + 1) * nBins);
    terms.push({
      term: vocabulary.display[j] ?? vocabulary.keys[j]!,
      phrase: vocabulary.phrase[j] === 1,
      docCount: docCounts[i]!,
      counts: Array.from(row),
      growth: { slope: fit.slope, ciLow: fit.ciLow, ciHigh: fit.ciHigh, pValue: fit.pValue, qValue: q[i]! },
      bursts: kleinbergBursts(row, totals, options.burst),
    });
  }
  terms.sort((x, y) => {
    const rx = x.growth.slope > 0;
    const ry = y.growth.slope > 0;
    if (rx !== ry) return rx ? -1 : 1;
    return rx ? y.growth.slope - x.growth.slope : x.growth.slope - y.growth.slope;
  });
  return { terms, tested: tested.length };
}
