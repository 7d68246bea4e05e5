/**
 * Date normalisation for ingest. Every accepted form is reduced to the calendar
 * date *as written* ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD'): a time zone never shifts
 * the day, because the day a source printed is the day its readers saw.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6,
  jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Every four-digit year parses; whether it is plausible is `dateOutOfRange`'s question. */
const MIN_YEAR = 0;
const MAX_YEAR = 9999;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** 'YYYY-MM-DD' (or shorter when month/day are absent); undefined for impossible dates. */
function calendarDate(year: number, month?: number, day?: number): string | undefined {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return undefined;
  const yyyy = String(year).padStart(4, '0');
  if (month === undefined) return yyyy;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (day === undefined) return `${yyyy}-${pad2(month)}`;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${yyyy}-${pad2(month)}-${pad2(day)}`;
}

function validTime(h?: string, m?: string, s?: string): boolean {
  if (h === undefined) return true;
  if (Number(h) > 23 || Number(m) > 59) return false;
  return s === undefined || Number(s) <= 60; // 60: leap second
}

// 2020-01-01, 2020-01-01T23:30:00-05:00, 2020-01-01 23:30:00.123Z, 2020/01/01
const ISO_DAY =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?$/i;
const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;
const YEAR = /^(\d{4})$/;
// 4/2/2007, 04/02/2007 19:18 (US order, as spreadsheet exports write it)
const US_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*[AP]M)?)?$/i;
// Mon, 2 Apr 2007 19:18:42 GMT  (RFC 2822; weekday and time optional)
const RFC2822 =
  /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?(?:\s+(?:[+-]\d{4}|[a-z]{1,5}))?$/i;

/**
 * Normalise a date field. Returns 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD';
 * null when the value is absent or empty; undefined when present but unparseable
 * (including impossible dates such as 2023-02-30 or month 13).
 */
export function normalizeDate(raw: unknown): string | null | undefined {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') {
    return Number.isInteger(raw) ? calendarDate(raw) : undefined;
  }
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  if (s === '') return null;

  let m = YEAR.exec(s);
  if (m) return calendarDate(Number(m[1]));
  m = ISO_MONTH.exec(s);
  if (m) return calendarDate(Number(m[1]), Number(m[2]));
  m = ISO_DAY.exec(s);
  if (m) return validTime(m[4], m[5], m[6]) ? calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  m = US_DAY.exec(s);
  if (m) return validTime(m[4], m[5], m[6]) ? calendarDate(Number(m[3]), Number(m[1]), Number(m[2])) : undefined;
  m = RFC2822.exec(s);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    if (month === undefined || !validTime(m[4], m[5], m[6])) return undefined;
    return calendarDate(Number(m[3]), month, Number(m[1]));
  }
  return undefined;
}

/**
 * The earliest year a paper may carry. Scholarly periodicals begin in 1665
 * (Journal des sçavans, Philosophical Transactions); 1600 leaves room for the
 * printed books of early modern science a digitised historical corpus may hold
 * (Kepler 1609, Galileo 1610), while the usual typos of a modern corpus
 * (0999, 1019 for 2019, 1202 for 2021) fall below it.
 */
export const EARLIEST_YEAR = 1600;

/**
 * The plausible dates of a run: from EARLIEST_YEAR to one calendar year after
 * today. The margin admits what real corpora hold (conference and issue dates
 * announced months ahead, time-zone skew) and is wide enough that the same input
 * gives the same artifact on any later day unless it holds a date more than a
 * year in the future, which is a typo (2204 for 2024) or a placeholder (9999-12-31).
 */
export interface DateRange {
  earliestYear: number;
  /** 'YYYY-MM-DD', inclusive. */
  latest: string;
}

/**
 * Today (UTC) as the run sees it: SOURCE_DATE_EPOCH (seconds, the
 * reproducible-builds convention) when set, else the clock.
 */
export function runDate(env: Record<string, string | undefined> = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch.trim()) * 1000);
  return new Date();
}

/** The plausible dates for a run on `today` (UTC calendar day; 29 February + 1 year = 28 February). */
export function acceptedDateRange(today: Date = runDate()): DateRange {
  const year = today.getUTCFullYear() + 1;
  const month = today.getUTCMonth() + 1;
  const day = Math.min(today.getUTCDate(), daysInMonth(year, month));
  return { earliestYear: EARLIEST_YEAR, latest: `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}` };
}

let processRange: DateRange | undefined;

/** acceptedDateRange() fixed at first use, so that one run never straddles midnight. */
export function processDateRange(): DateRange {
  processRange ??= acceptedDateRange();
  return processRange;
}

/**
 * Why a normalised date is implausible, e.g. 'is after 2027-12-04 (a year from
 * today)' or 'is before 1600'; null when it is in range. A year or month counts
 * from its first day, so '2027' is in range on any day of 2026.
 */
export function dateOutOfRange(date: string, range: DateRange): string | null {
  if (Number(date.slice(0, 4)) < range.earliestYear) return `is before ${range.earliestYear}`;
  const firstDay = date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
  if (firstDay > range.latest) return `is after ${range.latest} (a year from today)`;
  return null;
}

const NEW_STYLE_ID = /^(?:arxiv:)?(\d{2})(\d{2})\.\d{4,5}(?:v\d+)?$/i;
const OLD_STYLE_ID = /^(?:arxiv:)?[a-z-]+(?:\.[a-z-]+)?\/(\d{2})(\d{2})\d{3}(?:v\d+)?$/i;

/**
 * The month an arXiv id was assigned ('2310.04965' → '2023-10',
 * 'quant-ph/9501001' → '1995-01'); null when the id is not an arXiv id.
 * Old-style ids run from 1991 to 2007, so YY >= 91 is the 1900s.
 */
export function dateFromArxivId(id: string): string | null {
  const s = id.trim();
  let m = NEW_STYLE_ID.exec(s);
  if (m) {
    const yy = Number(m[1]);
    if (yy < 7) return null; // new-style ids start at 0704
    return calendarDate(2000 + yy, Number(m[2])) ?? null;
  }
  m = OLD_STYLE_ID.exec(s);
  if (m) {
    const yy = Number(m[1]);
    return calendarDate(yy >= 91 ? 1900 + yy : 2000 + yy, Number(m[2])) ?? null;
  }
  return null;
}

const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 UTC of the first day the date covers, and its precision
 * (0 none, 1 year, 2 month, 3 day). Undated → { day: 0, precision: 0 }.
 * Throws on strings that are not normalised dates (a programming error, not user input).
 */
export function dayAndPrecision(date: string | null): { day: number; precision: 0 | 1 | 2 | 3 } {
  if (date === null) return { day: 0, precision: 0 };
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) throw new Error(`dayAndPrecision: not a normalised date: ${JSON.stringify(date)}`);
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const precision = m[3] !== undefined ? 3 : m[2] !== undefined ? 2 : 1;
  return { day: Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY), precision };
}
