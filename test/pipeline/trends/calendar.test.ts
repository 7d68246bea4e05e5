import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, periodLabel, periodOf, periodStart } from '../../../src/pipeline/trends/calendar.ts';

describe('calendar', () => {
  it('matches Date.UTC day by day from 1890 to 2110', () => {
    const from = Date.UTC(1890, 0, 1) / 86_400_000;
    const to = Date.UTC(2110, 11, 31) / 86_400_000;
    for (let d = from; d <= to; d++) {
      const date = new Date(d * 86_400_000);
      const c = civilFromDays(d);
      if (c.year !== date.getUTCFullYear() || c.month !== date.getUTCMonth() + 1 || c.day !== date.getUTCDate()) {
        throw new Error(`day ${d}: ${JSON.stringify(c)} vs ${date.toISOString()}`);
      }
      if (daysFromCivil(c.year, c.month, c.day) !== d) throw new Error(`round trip failed at ${d}`);
    }
  });

  it('knows the epoch, leap days and century rules', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(daysFromCivil(2024, 3, 1) - daysFromCivil(2024, 2, 1)).toBe(29);
    expect(daysFromCivil(2023, 3, 1) - daysFromCivil(2023, 2, 1)).toBe(28);
    expect(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 1)).toBe(29);
    expect(daysFromCivil(1900, 3, 1) - daysFromCivil(1900, 2, 1)).toBe(28);
    expect(civilFromDays(daysFromCivil(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('numbers periods continuously across Dec → Jan', () => {
    const dec31 = daysFromCivil(2023, 12, 31);
    const jan1 = daysFromCivil(2024, 1, 1);
    expect(periodOf(jan1, 'month') - periodOf(dec31, 'month')).toBe(1);
    expect(periodOf(jan1, 'quarter') - periodOf(dec31, 'quarter')).toBe(1);
    expect(periodOf(jan1, 'year') - periodOf(dec31, 'year')).toBe(1);
    expect(periodStart(periodOf(dec31, 'quarter'), 'quarter')).toBe(daysFromCivil(2023, 10, 1));
    expect(periodStart(periodOf(dec31, 'month') + 1, 'month')).toBe(jan1);
    expect(periodLabel(periodOf(dec31, 'month'), 'month')).toBe('2023-12');
    expect(periodLabel(periodOf(dec31, 'quarter'), 'quarter')).toBe('2023 Q4');
    expect(periodLabel(periodOf(jan1, 'year'), 'year')).toBe('2024');
  });
});
