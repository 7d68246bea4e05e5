/**
 * Time bins: calendar months, quarters or years in UTC day numbers, contiguous
 * from the first to the last binned paper, empty bins included (a gap in the
 * corpus shows as zero totals, never interpolated).
 */
import { dayToIso, type BinUnit, type DatePrecision, type TimeBin } from '../../schema/artifact.ts';
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
}

function checkInputs(day: Int32Array, precision: Uint8Array): void {
  if (day.length !== precision.length) {
    throw new RangeError(`trends: day has ${day.length} papers but precision has ${precision.length}`);
  }
  for (let i = 0; i < precision.length; i++) {
    if (precision[i]! > 3) throw new RangeError(`trends: precision[${i}] = ${precision[i]}; expected 0 (undated) to 3 (day)`);
  }
}

/**
 * Month bins for spans up to 3 years (36 calendar months), quarter bins up to
 * 12 years, year bins beyond. When fewer than half of the dated papers carry
 * a month, month/quarter bins would leave most papers imprecise, so year bins
 * are used instead.
 */
export function chooseBinUnit(day: Int32Array, precision: Uint8Array): BinUnit {
  checkInputs(day, precision);
  let first = Infinity;
  let last = -Infinity;
  let dated = 0;
  let withMonth = 0;
  for (let i = 0; i < day.length; i++) {
    const p = precision[i]!;
    if (p === 0) continue;
    dated++;
    if (p >= 2) withMonth++;
    const d = day[i]!;
    if (d < first) first = d;
    if (d > last) last = d;
  }
  if (dated === 0) return 'year';
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
 * Assigns each paper to a calendar bin. Papers whose precision is coarser than
 * the unit are counted as `imprecise` and left unbinned (-1), never placed in
 * a made-up bin.
 *
 * Partial rule: only the last bin can be partial. It is partial when the
 * corpus's coverage end (the latest day any binned paper's date could denote:
 * its day, or its month's last day for month-precision dates) falls more than
 * `partialToleranceDays` (month 3, quarter 7, year 14) before the bin's last day.
 */
export function binPapers(day: Int32Array, precision: Uint8Array, options: BinOptions = {}): Binning {
  const unit = options.unit ?? chooseBinUnit(day, precision);
  checkInputs(day, precision);
  const need = REQUIRED_PRECISION[unit];
  const n = day.length;
  const bin = new Int16Array(n).fill(-1);
  let undated = 0;
  let imprecise = 0;
  let firstPeriod = Infinity;
  let lastPeriod = -Infinity;
  let coveredTo = -Infinity;
  const period = new Float64Array(n);
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
    const q = periodOf(day[i]!, unit);
    period[i] = q;
    if (q < firstPeriod) firstPeriod = q;
    if (q > lastPeriod) lastPeriod = q;
    const c = coverageEnd(day[i]!, p);
    if (c > coveredTo) coveredTo = c;
  }
  if (firstPeriod === Infinity) return { unit, bins: [], edges: new Int32Array(0), bin, undated, imprecise };

  const nBins = lastPeriod - firstPeriod + 1;
  if (nBins > 32_767) throw new RangeError(`trends: ${nBins} ${unit} bins do not fit the int16 bin column; use a coarser unit`);
  const edges = new Int32Array(nBins + 1);
  for (let b = 0; b <= nBins; b++) edges[b] = periodStart(firstPeriod + b, unit);
  const totals = new Int32Array(nBins);
  for (let i = 0; i < n; i++) {
    const p = precision[i]!;
    if (p === 0 || p < need) continue;
    const b = period[i]! - firstPeriod;
    bin[i] = b;
    totals[b]!++;
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
  return { unit, bins, edges, bin, undated, imprecise };
}

/** Bin midpoints in years since 1970-01-01 (the time axis of the growth model). */
export function binMidYears(edges: Int32Array): Float64Array {
  const mid = new Float64Array(Math.max(0, edges.length - 1));
  for (let b = 0; b < mid.length; b++) mid[b] = (edges[b]! + edges[b + 1]!) / 2 / 365.2425;
  return mid;
}
