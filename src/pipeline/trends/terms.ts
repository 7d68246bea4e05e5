/**
 * Term trends: the share of binned documents containing a term, per bin,
 * tested for growth like a cluster's share.
 *
 * The family of tests is hierarchical (Yekutieli 2008, "Hierarchical false
 * discovery rate-controlling methodology"): a term is tested only when the
 * cluster holding most of its papers (its owner, fixed by text alone) passed
 * Benjamini-Hochberg among the clusters, and BH then runs within each such
 * cluster's terms. One BH over every term in >= minTermDocs papers (~5,400 at
 * 36k papers) asks a single rising term for p below 0.05/5,400 at best, so a
 * real rise is drowned; within a significant cluster's few hundred terms it
 * is not. Under no trend at all the clusters pass with probability <= alpha,
 * and with them the terms.
 */
import type { TermTrend } from '../../schema/artifact.ts';
import { kleinbergBursts, type BurstOptions } from './burst.ts';
import { benjaminiHochberg } from './fdr.ts';
import { fitGrowth, type GrowthFit } from './growth.ts';
import { DEFAULT_SERIES_RULE, isTestable, type SeriesRule } from './testable.ts';
import type { Vocabulary } from './types.ts';

/** Non-significant terms kept for the dashboard's "not significant" list (smallest p first). */
export const NEAR_MISSES = 10;

export interface TermFamilies {
  /** Owner cluster per term (termOwners), -1 = none. */
  owner: Int32Array;
  /** Per cluster: 1 when it passed BH, so its terms form a family. */
  selected: ArrayLike<number | boolean>;
}

export interface TermTrendOptions {
  /** Minimum binned documents containing a term for it to be tested (default 20). */
  minTermDocs?: number;
  /** FDR level for the q-values (default 0.05). */
  alpha?: number;
  burst?: BurstOptions;
  series?: SeriesRule;
  /** Non-significant terms to keep (default NEAR_MISSES). */
  nearMisses?: number;
}

export interface TermTrendResult {
  /** Significant terms (rising by slope descending, then falling by slope ascending), then the near misses by p. */
  terms: TermTrend[];
  /** Terms tested, summed over the families. */
  tested: number;
  /** Terms that met minTermDocs and the series rule, whatever their family. */
  eligible: number;
}

/**
 * `termDocs` is cols × nBins (see countTermDocBins); `totals` the binned papers
 * per bin; `t` the bin midpoints in years; `include` the bins that enter the
 * growth fit (partial and low-coverage bins out). Bursts use every bin.
 */
export function termTrends(
  termDocs: Int32Array,
  totals: Int32Array,
  t: Float64Array,
  include: Uint8Array,
  vocabulary: Vocabulary,
  families: TermFamilies,
  options: TermTrendOptions = {},
): TermTrendResult {
  const minTermDocs = options.minTermDocs ?? 20;
  const alpha = options.alpha ?? 0.05;
  const series = options.series ?? DEFAULT_SERIES_RULE;
  const nBins = totals.length;
  const nTerms = vocabulary.keys.length;
  if (termDocs.length !== nTerms * nBins) {
    throw new RangeError(`trends: term counts are ${termDocs.length} values, expected ${nTerms} terms × ${nBins} bins`);
  }
  if (families.owner.length !== nTerms) throw new RangeError(`trends: term owners are ${families.owner.length}, expected ${nTerms} terms`);
  if (nBins === 0) return { terms: [], tested: 0, eligible: 0 };

  const byFamily = new Map<number, { j: number; fit: GrowthFit; docs: number }[]>();
  let eligible = 0;
  for (let j = 0; j < nTerms; j++) {
    const row = termDocs.subarray(j * nBins, (j + 1) * nBins);
    let docs = 0;
    for (let b = 0; b < nBins; b++) docs += row[b]!;
    if (docs < minTermDocs || !isTestable(row, totals, include, series)) continue;
    eligible++;
    const c = families.owner[j]!;
    if (c < 0 || !families.selected[c]) continue;
    const fit = fitGrowth(row, totals, t, include);
    if (!fit) continue;
    let list = byFamily.get(c);
    if (!list) byFamily.set(c, (list = []));
    list.push({ j, fit, docs });
  }

  const tested: { j: number; fit: GrowthFit; docs: number; q: number; c: number }[] = [];
  for (const [c, list] of byFamily) {
    const q = benjaminiHochberg(list.map((x) => x.fit.pValue));
    list.forEach((x, i) => tested.push({ ...x, q: q[i]!, c }));
  }
  const toTrend = (x: (typeof tested)[number]): TermTrend => {
    const row = termDocs.subarray(x.j * nBins, (x.j + 1) * nBins);
    return {
      term: vocabulary.display[x.j] ?? vocabulary.keys[x.j]!,
      phrase: vocabulary.phrase[x.j] === 1,
      cluster: x.c,
      docCount: x.docs,
      counts: Array.from(row),
      growth: { slope: x.fit.slope, ciLow: x.fit.ciLow, ciHigh: x.fit.ciHigh, pValue: x.fit.pValue, qValue: x.q },
      bursts: kleinbergBursts(row, totals, options.burst),
    };
  };
  const significant = tested.filter((x) => x.q < alpha);
  significant.sort((x, y) => {
    const rx = x.fit.slope > 0;
    const ry = y.fit.slope > 0;
    if (rx !== ry) return rx ? -1 : 1;
    return (rx ? y.fit.slope - x.fit.slope : x.fit.slope - y.fit.slope) || x.j - y.j;
  });
  const misses = tested.filter((x) => !(x.q < alpha));
  misses.sort((x, y) => x.fit.pValue - y.fit.pValue || x.j - y.j);
  const terms = [...significant, ...misses.slice(0, options.nearMisses ?? NEAR_MISSES)].map(toTrend);
  return { terms, tested: tested.length, eligible };
}
