/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since
 * 1970-01-01). Pure integer maths (H. Hinnant's civil-from-days), so no result
 * can ever depend on the process's local time zone.
 */
import type { BinUnit } from '../../schema/artifact.ts';

export interface CivilDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Months in one period of the unit. */
export const MONTHS_PER: Record<BinUnit, number> = { month: 1, quarter: 3, year: 12 };

/**
 * The calendar period holding `days`, numbered continuously across years
 * (month: year·12 + month−1; quarter: year·4 + quarter−1; year: the year).
 */
export function periodOf(days: number, unit: BinUnit): number {
  const { year, month } = civilFromDays(days);
  const per = MONTHS_PER[unit];
  return year * (12 / per) + Math.floor((month - 1) / per);
}

/** First day of a period numbered as in `periodOf`. */
export function periodStart(period: number, unit: BinUnit): number {
  const perYear = 12 / MONTHS_PER[unit];
  const year = Math.floor(period / perYear);
  const index = period - year * perYear;
  return daysFromCivil(year, index * MONTHS_PER[unit] + 1, 1);
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

/** '2024-03', '2024 Q1', '2024'. */
export function periodLabel(period: number, unit: BinUnit): string {
  const perYear = 12 / MONTHS_PER[unit];
  const year = Math.floor(period / perYear);
  const index = period - year * perYear;
  if (unit === 'month') return `${pad(year, 4)}-${pad(index + 1, 2)}`;
  if (unit === 'quarter') return `${pad(year, 4)} Q${index + 1}`;
  return pad(year, 4);
}

/** Last day (inclusive) of the calendar month holding `days`. */
export function monthEnd(days: number): number {
  const { year, month } = civilFromDays(days);
  return month === 12 ? daysFromCivil(year + 1, 1, 1) - 1 : daysFromCivil(year, month + 1, 1) - 1;
}

/** Last day (inclusive) of the calendar year holding `days`. */
export function yearEnd(days: number): number {
  return daysFromCivil(civilFromDays(days).year + 1, 1, 1) - 1;
}
