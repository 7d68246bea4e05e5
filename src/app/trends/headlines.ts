/**
 * What the emerging / declining lists may say. A headline is a claim, so only
 * what the statistics support is headlined:
 *  - significant (q < alpha after Benjamini-Hochberg) rising or falling series;
 *  - a series absent from the early periods is "new since <period>" with its
 *    paper count, never a growth rate (a rate from zero is not a number to quote);
 *  - the rest (tested, not significant) go to a collapsed list with their
 *    interval; series too small to test (growth null) are only counted.
 */
import type { Growth, TimeBin } from '../../schema/artifact.ts';

/** A series is new when the fitted periods before its first paper hold at least this share of the fitted papers. */
export const NEW_SINCE_SHARE = 0.25;
/** Yearly changes above this many percent are shown as "> +500 %/yr". */
export const DISPLAY_CAP_PCT = 500;

export interface SeriesItem<T> {
  item: T;
  growth: Growth | null;
  /** Papers per bin (all bins). */
  counts: readonly number[];
}

export interface Headline<T> {
  item: T;
  growth: Growth;
  significant: boolean;
  /** Bin of the first paper when the series is new (see NEW_SINCE_SHARE), else null. */
  newSince: number | null;
  papers: number;
}

export interface Headlines<T> {
  /** Significant, rising, with a rate: the highest lower bound first. */
  rising: Headline<T>[];
  /** Significant, rising, new since a period (no rate to rank by): most papers first. */
  newcomers: Headline<T>[];
  falling: Headline<T>[];
  /** Tested, q ≥ alpha: smallest q first. */
  notSignificant: Headline<T>[];
  /** Series without a growth estimate (too few papers or periods to test). */
  untested: number;
}

/** Bins that enter the growth fits: complete, not low-coverage, with papers. */
export function fittedBins(bins: readonly TimeBin[]): boolean[] {
  return bins.map((b) => !b.partial && !b.sparse && b.total > 0);
}

/**
 * The bin of a series' first paper when the fitted periods before it hold at
 * least NEW_SINCE_SHARE of the fitted periods' papers; null otherwise (also
 * when the series has no paper in a fitted period).
 */
export function newSince(counts: readonly number[], bins: readonly TimeBin[], fitted: readonly boolean[] = fittedBins(bins)): number | null {
  let all = 0;
  for (let b = 0; b < bins.length; b++) if (fitted[b]) all += bins[b]!.total;
  let before = 0;
  for (let b = 0; b < bins.length; b++) {
    if (!fitted[b]) continue;
    if (counts[b]! > 0) return all > 0 && before >= NEW_SINCE_SHARE * all ? b : null;
    before += bins[b]!.total;
  }
  return null;
}

export function headlines<T>(series: readonly SeriesItem<T>[], bins: readonly TimeBin[], alpha: number): Headlines<T> {
  const fitted = fittedBins(bins);
  const out: Headlines<T> = { rising: [], newcomers: [], falling: [], notSignificant: [], untested: 0 };
  for (const s of series) {
    const g = s.growth;
    if (!g || !Number.isFinite(g.slope)) {
      out.untested++;
      continue;
    }
    const h: Headline<T> = {
      item: s.item,
      growth: g,
      significant: g.qValue < alpha,
      newSince: newSince(s.counts, bins, fitted),
      papers: s.counts.reduce((a, v) => a + v, 0),
    };
    if (!h.significant) out.notSignificant.push(h);
    else if (g.slope > 0) (h.newSince !== null ? out.newcomers : out.rising).push(h);
    else if (g.slope < 0) out.falling.push(h);
    else out.notSignificant.push(h);
  }
  // Ranked by the end of the interval nearest zero (the change the data is sure of), not by the
  // estimate: the steepest estimates are the rarest, noisiest series.
  out.rising.sort((a, b) => b.growth.ciLow - a.growth.ciLow || a.growth.qValue - b.growth.qValue);
  out.newcomers.sort((a, b) => b.papers - a.papers || a.growth.qValue - b.growth.qValue);
  out.falling.sort((a, b) => a.growth.ciHigh - b.growth.ciHigh || a.growth.qValue - b.growth.qValue);
  out.notSignificant.sort((a, b) => a.growth.qValue - b.growth.qValue || a.growth.pValue - b.growth.pValue);
  return out;
}

/** Yearly change of the share for a log-share slope, as a signed percentage, capped for display. */
export function formatPct(slope: number): string {
  const pct = (Math.exp(slope) - 1) * 100;
  if (pct > DISPLAY_CAP_PCT) return `> +${DISPLAY_CAP_PCT}`;
  // A share cannot fall by 100%; rounding must not say it did.
  if (pct <= -99.5) return '< −99';
  const r = Math.abs(pct) >= 10 ? Math.round(pct) : Math.round(pct * 10) / 10;
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r)}`;
}

/** "+35 %/yr" (the estimate alone). */
export function formatRate(g: Growth): string {
  return `${formatPct(g.slope)} %/yr`;
}

/** "95% CI −4 to +61 %/yr": the interval in the same unit. */
export function formatInterval(g: Growth): string {
  const lo = formatPct(g.ciLow);
  const hi = formatPct(g.ciHigh);
  if (lo === hi) return `95% CI all ${lo} %/yr`;
  return `95% CI ${lo} to ${hi} %/yr`;
}

export function formatQ(q: number): string {
  return q < 0.001 ? q.toExponential(1) : q.toFixed(3);
}

/** What a row says instead of a rate when the series is new: "new since 2026-03 · 22 papers". */
export function formatNewSince(h: Headline<unknown>, bins: readonly TimeBin[]): string {
  return `new since ${bins[h.newSince!]?.label ?? '?'} · ${h.papers.toLocaleString('en-US')} ${h.papers === 1 ? 'paper' : 'papers'}`;
}
