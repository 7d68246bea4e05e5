/**
 * Term trends: the share of binned documents containing a term, per bin,
 * tested for growth like a cluster's share.
 *
 * Two families of tests, each at alpha/2, and a term is flagged when either
 * flags it (the union's FDR is at most the sum of the two):
 *  - flat: BH over every term in >= minTermDocs papers (~5,400 at 36k papers).
 *    Alone, it asks a single rising term for p below 0.05/5,400 at best, so a
 *    rise confined to one theme is drowned;
 *  - hierarchical (Yekutieli 2008, "Hierarchical false discovery rate-
 *    controlling methodology"): the terms of each cluster that passed BH among
 *    the clusters, BH within each such cluster's terms (a term belongs to the
 *    cluster holding most of its papers, fixed by text alone). Within a
 *    significant cluster's few hundred terms a rise is not drowned; a term
 *    spread over many clusters (whose own clusters need not rise) is still
 *    found by the flat family.
 * The reported q is min(1, 2 · min(q_flat, q_family)): flagged iff q < alpha.
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
  /** Terms tested in the hierarchical families, summed over them. */
  tested: number;
  /** Terms that met minTermDocs and the series rule: the flat family. */
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

  const flat: { j: number; fit: GrowthFit; docs: number; c: number }[] = [];
  const byFamily = new Map<number, number[]>();
  for (let j = 0; j < nTerms; j++) {
    const row = termDocs.subarray(j * nBins, (j + 1) * nBins);
    let docs = 0;
    for (let b = 0; b < nBins; b++) docs += row[b]!;
    if (docs < minTermDocs || !isTestable(row, totals, include, series)) continue;
    const fit = fitGrowth(row, totals, t, include);
    if (!fit) continue;
    const c = families.owner[j]!;
    if (c >= 0 && families.selected[c]) {
      let list = byFamily.get(c);
      if (!list) byFamily.set(c, (list = []));
      list.push(flat.length);
    }
    flat.push({ j, fit, docs, c });
  }
  const qFlat = benjaminiHochberg(flat.map((x) => x.fit.pValue));
  const qFamily = new Float64Array(flat.length).fill(Infinity);
  let inFamilies = 0;
  for (const members of byFamily.values()) {
    const q = benjaminiHochberg(members.map((i) => flat[i]!.fit.pValue));
    members.forEach((i, r) => (qFamily[i] = q[r]!));
    inFamilies += members.length;
  }
  const tested = flat.map((x, i) => ({ ...x, q: Math.min(1, 2 * Math.min(qFlat[i]!, qFamily[i]!)) }));
  const toTrend = (x: (typeof tested)[number]): TermTrend => {
    const row = termDocs.subarray(x.j * nBins, (x.j + 1) * nBins);
    return {
      term: vocabulary.display[x.j] ?? vocabulary.keys[x.j]!,
      phrase: vocabulary.phrase[x.j] === 1,
      ...(x.c >= 0 ? { cluster: x.c } : {}),
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
  return { terms, tested: inFamilies, eligible: flat.length };
}
