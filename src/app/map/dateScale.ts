/**
 * The domain of the map's date colours, robust to stragglers: from the 1st to
 * the 99th percentile of the paper dates, extended by a tenth of that span on
 * each side to the last papers within it (like a box plot's whiskers), so a
 * few papers far from the bulk cannot squeeze everyone else into one colour,
 * while the bulk's own first and last weeks keep theirs. Papers outside take
 * the end colour and are counted for the legend. On a corpus spanning half a
 * year or more the ends are widened to whole months, so the legend's "before
 * 2025-01" is exact.
 */
import { dayToIso, isoToDay } from '../../schema/artifact.ts';

export interface DateDomain {
  /** First and last day of the colour ramp (inclusive). */
  lo: number;
  hi: number;
  /** Dated papers before `lo` and after `hi`, drawn in the end colours. */
  below: number;
  above: number;
  /** How the legend writes the ends. */
  unit: 'month' | 'day';
}

/** How far past the percentiles (as a share of the span between them) the domain reaches for papers. */
const WHISKER = 0.1;

/** Spans shorter than this keep day ends (a month would blur a corpus of a few weeks). */
const MONTH_SNAP_DAYS = 183;

export function dateDomain(day: Int32Array, datePrecision: Uint8Array, q = 0.01): DateDomain | null {
  let n = 0;
  for (let i = 0; i < day.length; i++) if (datePrecision[i]) n++;
  if (n === 0) return null;
  const dated = new Int32Array(n);
  for (let i = 0, j = 0; i < day.length; i++) if (datePrecision[i]) dated[j++] = day[i]!;
  dated.sort();
  const qlo = dated[Math.floor(q * (n - 1))]!;
  const qhi = dated[Math.ceil((1 - q) * (n - 1))]!;
  const reach = WHISKER * (qhi - qlo);
  let a = 0, b = n - 1;
  while (dated[a]! < qlo - reach) a++;
  while (dated[b]! > qhi + reach) b--;
  let lo = dated[a]!;
  let hi = dated[b]!;
  const unit = dated[n - 1]! - dated[0]! >= MONTH_SNAP_DAYS ? 'month' : 'day';
  if (unit === 'month') {
    lo = isoToDay(dayToIso(lo).slice(0, 7));
    const [y, m] = dayToIso(hi).split('-').map(Number);
    hi = Math.round(Date.UTC(y!, m!, 1) / 86_400_000) - 1;
  }
  let below = 0, above = 0;
  for (let j = 0; j < n; j++) {
    if (dated[j]! < lo) below++;
    else if (dated[j]! > hi) above++;
  }
  return { lo, hi, below, above, unit };
}

/** An end of the domain as the legend writes it. */
export function formatDomainEnd(d: DateDomain, end: 'lo' | 'hi'): string {
  const iso = dayToIso(d[end]);
  return d.unit === 'month' ? iso.slice(0, 7) : iso;
}

/** The legend's note on the clamped papers ('' when none are). */
export function clampNote(d: DateDomain): string {
  const papers = (c: number) => `${c.toLocaleString('en')} paper${c === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (d.below) parts.push(`dates before ${formatDomainEnd(d, 'lo')} shown as ${formatDomainEnd(d, 'lo')}; ${papers(d.below)}`);
  if (d.above) parts.push(`dates after ${formatDomainEnd(d, 'hi')} shown as ${formatDomainEnd(d, 'hi')}; ${papers(d.above)}`);
  return parts.join(' · ');
}

/** Where a day falls on the ramp, clamped to [0, 1]. */
export function domainPosition(d: DateDomain, day: number): number {
  const t = (day - d.lo) / Math.max(1, d.hi - d.lo);
  return t < 0 ? 0 : t > 1 ? 1 : t;
}
