/**
 * Time bins: calendar months, quarters or years in UTC day numbers, contiguous
 * over the bulk of the corpus (see `binRange`), empty bins included (a gap in
 * the corpus shows as zero totals, never interpolated).
 */
import { dayToIso, type BinUnit, type DatePrecision, type TimeBin } from '../../schema/artifact.ts';
import { UserError } from '../ingest/types.ts';
import { monthEnd, periodLabel, periodOf, periodStart, yearEnd } from './calendar.ts';

/** Coarsest date precision that still places a paper in one bin of the unit. */
export const REQUIRED_PRECISION: Record<BinUnit, DatePrecision> = { month: 2, quarter: 2, year: 1 };

/**
 * How many days before a bin's last day the corpus may end with the bin still
 * counted as complete (weekends and holidays leave a few empty days at the end
 * of a complete month).
 */
export const PARTIAL_TOLERANCE_DAYS: Record<BinUnit, number> = { month: 3, quarter: 7, year: 14 };

/** Spans up to this many calendar months get month bins, then quarter bins; longer spans get year bins. */
export const MAX_MONTHS_FOR_MONTH_BINS = 36;
export const MAX_MONTHS_FOR_QUARTER_BINS = 144;

/**
 * Share of the dated papers trimmed from each end to measure the corpus's bulk
 * (nearest rank: floor(n · 0.01) papers a side, so none below 100 papers). A
 * handful of stray dates then cannot decide the bin unit or the bin range.
 */
export const BULK_TRIM = 0.01;

/**
 * Bins the range may run beyond the bulk on each side: half the bulk's bins,
 * at least MIN_OUTLIER_BINS. Papers further out are left unbinned and counted
 * as `outOfRange`, so a chart is never mostly empty years around one typo.
 */
export const MIN_OUTLIER_BINS = 12;

/**
 * Most bins a binning may have: 100 years of months. More would not show as
 * distinct bars on any screen (and the int16 bin column ends at 32,767); the
 * automatic unit never needs as many (year bins over 1600 to today are 428).
 */
export const MAX_BINS = 1200;

export interface BinOptions {
  /** Bin unit; chosen from the span of the dated papers when absent. */
  unit?: BinUnit;
  /** Overrides PARTIAL_TOLERANCE_DAYS[unit]. */
  partialToleranceDays?: number;
}

export interface Binning {
  unit: BinUnit;
  bins: TimeBin[];
  /** Bin i covers days [edges[i], edges[i+1]); length bins.length + 1 (empty when there are no bins). */
  edges: Int32Array;
  /** Bin per paper, -1 = not binned (undated or imprecise). */
  bin: Int16Array;
  undated: number;
  imprecise: number;
  /** Dated papers left unbinned because they lie far outside the bulk of the corpus (see `binRange`). */
  outOfRange: number;
}

function checkInputs(day: Int32Array, precision: Uint8Array): void {
  if (day.length !== precision.length) {
    throw new RangeError(`trends: day has ${day.length} papers but precision has ${precision.length}`);
  }
  for (let i = 0; i < precision.length; i++) {
    if (precision[i]! > 3) throw new RangeError(`trends: precision[${i}] = ${precision[i]}; expected 0 (undated) to 3 (day)`);
  }
}

/** First and last of the sorted values once BULK_TRIM of them is set aside at each end. */
export function bulkOf(sorted: ArrayLike<number>): [first: number, last: number] {
  const trim = Math.floor(sorted.length * BULK_TRIM);
  return [sorted[trim]!, sorted[sorted.length - 1 - trim]!];
}

/**
 * Month bins for bulks up to 3 years (36 calendar months), quarter bins up to
 * 12 years, year bins beyond; the bulk is the dated papers' span without the
 * earliest and latest 1% (BULK_TRIM). When fewer than half of the dated papers
 * carry a month, month/quarter bins would leave most papers imprecise, so year
 * bins are used instead.
 */
export function chooseBinUnit(day: Int32Array, precision: Uint8Array): BinUnit {
  checkInputs(day, precision);
  const days: number[] = [];
  let withMonth = 0;
  for (let i = 0; i < day.length; i++) {
    const p = precision[i]!;
    if (p === 0) continue;
    if (p >= 2) withMonth++;
    days.push(day[i]!);
  }
  const dated = days.length;
  if (dated === 0) return 'year';
  const [first, last] = bulkOf(Int32Array.from(days).sort());
  const months = periodOf(last, 'month') - periodOf(first, 'month') + 1;
  const unit: BinUnit = months <= MAX_MONTHS_FOR_MONTH_BINS ? 'month' : months <= MAX_MONTHS_FOR_QUARTER_BINS ? 'quarter' : 'year';
  if (unit !== 'year' && withMonth * 2 < dated) return 'year';
  return unit;
}

/** Last day a paper's date could denote: the day itself, the end of its month, or the end of its year. */
function coverageEnd(day: number, precision: number): number {
  if (precision === 3) return day;
  if (precision === 2) return monthEnd(day);
  return yearEnd(day);
}

/**
 * The periods [first, last] the bins cover, given the sorted periods of the
 * binnable papers: from the earliest to the latest paper at most
 * max(half the bulk's bins, MIN_OUTLIER_BINS) periods outside the bulk
 * (BULK_TRIM). Throws a UserError when that is more than MAX_BINS bins.
 */
export function binRange(sortedPeriods: ArrayLike<number>, unit: BinUnit): [first: number, last: number] {
  const [bulkFirst, bulkLast] = bulkOf(sortedPeriods);
  const reach = Math.max(Math.ceil((bulkLast - bulkFirst + 1) / 2), MIN_OUTLIER_BINS);
  // The earliest and latest papers within reach: no empty bins before or after them.
  let lo = 0;
  while (sortedPeriods[lo]! < bulkFirst - reach) lo++;
  let hi = sortedPeriods.length - 1;
  while (sortedPeriods[hi]! > bulkLast + reach) hi--;
  const first = sortedPeriods[lo]!;
  const last = sortedPeriods[hi]!;
  const nBins = last - first + 1;
  if (nBins > MAX_BINS) {
    const advice = unit === 'month' ? 'use --bin quarter or --bin year' : unit === 'quarter' ? 'use --bin year' : 'check the dates';
    throw new UserError(
      `the dates run from ${periodLabel(first, unit)} to ${periodLabel(last, unit)}: ${nBins} ${unit} bins, more than the ${MAX_BINS} a trend chart can hold; ${advice}`,
    );
  }
  return [first, last];
}

/**
 * Assigns each paper to a calendar bin. Papers whose precision is coarser than
 * the unit are counted as `imprecise` and left unbinned (-1), never placed in
 * a made-up bin.
 *
 * Partial rule: only the last bin can be partial. It is partial when the
 * corpus's coverage end (the latest day any binned paper's date could denote:
 * its day, or its month's last day for month-precision dates) falls more than
 * `partialToleranceDays` (month 3, quarter 7, year 14) before the bin's last day.
 *
 * Range rule (`binRange`): the bins cover the bulk of the binnable papers and
 * reach at most half the bulk's width (at least MIN_OUTLIER_BINS bins) beyond
 * it on each side; papers further out keep their date but no bin, counted as
 * `outOfRange`.
 */
export function binPapers(day: Int32Array, precision: Uint8Array, options: BinOptions = {}): Binning {
  const unit = options.unit ?? chooseBinUnit(day, precision);
  checkInputs(day, precision);
  const need = REQUIRED_PRECISION[unit];
  const n = day.length;
  const bin = new Int16Array(n).fill(-1);
  let undated = 0;
  let imprecise = 0;
  const period = new Float64Array(n);
  const periods: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = precision[i]!;
    if (p === 0) {
      undated++;
      continue;
    }
    if (p < need) {
      imprecise++;
      continue;
    }
    period[i] = periodOf(day[i]!, unit);
    periods.push(period[i]!);
  }
  if (periods.length === 0) return { unit, bins: [], edges: new Int32Array(0), bin, undated, imprecise, outOfRange: 0 };

  const [firstPeriod, lastPeriod] = binRange(Float64Array.from(periods).sort(), unit);
  const nBins = lastPeriod - firstPeriod + 1;
  const edges = new Int32Array(nBins + 1);
  for (let b = 0; b <= nBins; b++) edges[b] = periodStart(firstPeriod + b, unit);
  const totals = new Int32Array(nBins);
  let outOfRange = 0;
  let coveredTo = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = precision[i]!;
    if (p === 0 || p < need) continue;
    const b = period[i]! - firstPeriod;
    if (b < 0 || b >= nBins) {
      outOfRange++;
      continue;
    }
    bin[i] = b;
    totals[b]!++;
    const c = coverageEnd(day[i]!, p);
    if (c > coveredTo) coveredTo = c;
  }
  const tolerance = options.partialToleranceDays ?? PARTIAL_TOLERANCE_DAYS[unit];
  const lastBinLastDay = edges[nBins]! - 1;
  const lastPartial = coveredTo < lastBinLastDay - tolerance;
  const bins: TimeBin[] = [];
  for (let b = 0; b < nBins; b++) {
    bins.push({
      start: dayToIso(edges[b]!),
      end: dayToIso(edges[b + 1]!),
      label: periodLabel(firstPeriod + b, unit),
      total: totals[b]!,
      partial: b === nBins - 1 && lastPartial,
    });
  }
  return { unit, bins, edges, bin, undated, imprecise, outOfRange };
}

/** Bin midpoints in years since 1970-01-01 (the time axis of the growth model). */
export function binMidYears(edges: Int32Array): Float64Array {
  const mid = new Float64Array(Math.max(0, edges.length - 1));
  for (let b = 0; b < mid.length; b++) mid[b] = (edges[b]! + edges[b + 1]!) / 2 / 365.2425;
  return mid;
}
