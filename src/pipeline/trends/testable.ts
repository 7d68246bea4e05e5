/**
 * Which series are worth a growth test at all. A slope fitted to 3 papers or
 * to 2 periods is a number, not evidence: it can only add noise to the
 * Benjamini-Hochberg family and, shown as "+577 %/yr", mislead. The rule looks
 * only at how many papers and periods the series has, never at its trend, so
 * leaving these series out does not bias the tests that remain.
 */

/** Fewest papers a series needs in the fitted periods to be tested. */
export const MIN_SERIES_PAPERS = 10;
/** Fewest fitted periods in which the series has at least one paper. */
export const MIN_SERIES_PERIODS = 4;

export interface SeriesRule {
  minPapers: number;
  minPeriods: number;
}

export const DEFAULT_SERIES_RULE: SeriesRule = { minPapers: MIN_SERIES_PAPERS, minPeriods: MIN_SERIES_PERIODS };

/** Papers and non-empty periods of a series over the bins that enter the fit (included, with papers). */
export function seriesSupport(counts: ArrayLike<number>, exposure: ArrayLike<number>, include: ArrayLike<number | boolean>): { papers: number; periods: number } {
  let papers = 0;
  let periods = 0;
  for (let b = 0; b < counts.length; b++) {
    if (!include[b] || !(exposure[b]! > 0)) continue;
    papers += counts[b]!;
    if (counts[b]! > 0) periods++;
  }
  return { papers, periods };
}

export function isTestable(
  counts: ArrayLike<number>,
  exposure: ArrayLike<number>,
  include: ArrayLike<number | boolean>,
  rule: SeriesRule = DEFAULT_SERIES_RULE,
): boolean {
  const s = seriesSupport(counts, exposure, include);
  return s.papers >= rule.minPapers && s.periods >= rule.minPeriods;
}
