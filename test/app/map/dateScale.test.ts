import { describe, expect, it } from 'vitest';
import { clampNote, dateDomain, domainPosition, formatDomainEnd } from '../../../src/app/map/dateScale.ts';
import { isoToDay } from '../../../src/schema/artifact.ts';

function days(isos: string[]): { day: Int32Array; precision: Uint8Array } {
  return { day: Int32Array.from(isos, (s) => (s ? isoToDay(s) : 0)), precision: Uint8Array.from(isos, (s) => (s ? 3 : 0)) };
}

describe('date colour domain', () => {
  it('clamps a few early stragglers, keeps the bulk to its first and last paper (whole months), and counts them', () => {
    // 2 papers in 2023-12 (under 1% of 300), 298 every other day from 2025-01-05 to 2026-08-22.
    const isos = ['2023-12-01', '2023-12-15'];
    for (let i = 0; i < 298; i++) isos.push(new Date(Date.UTC(2025, 0, 5) + i * 2 * 86_400_000).toISOString().slice(0, 10));
    const { day, precision } = days(isos);
    const d = dateDomain(day, precision)!;
    expect(d.unit).toBe('month');
    expect(formatDomainEnd(d, 'lo')).toBe('2025-01');
    expect(d.lo).toBe(isoToDay('2025-01-01'));
    expect(d.below).toBe(2);
    expect(d.above).toBe(0);
    // The 99th percentile (2026-08-18) and the last paper within its reach (2026-08-22) are in 2026-08.
    expect(d.hi).toBe(isoToDay('2026-08-31'));
    expect(clampNote(d)).toBe('dates before 2025-01 shown as 2025-01; 2 papers');
    expect(domainPosition(d, isoToDay('2023-12-01'))).toBe(0);
    expect(domainPosition(d, d.hi + 10)).toBe(1);
  });
  it('notes late stragglers too, keeps the last papers of the bulk, and ignores undated papers', () => {
    // 300 papers every 3 days from 2020-01-01 (the last on 2022-06-16; the top 1% above the
    // 99th percentile but within its reach), 2 papers years later, 2 undated.
    const isos: string[] = ['', ''];
    for (let i = 0; i < 300; i++) isos.push(new Date(Date.UTC(2020, 0, 1) + i * 3 * 86_400_000).toISOString().slice(0, 10));
    isos.push('2031-05-02', '2032-01-01');
    const { day, precision } = days(isos);
    const d = dateDomain(day, precision)!;
    expect(d.lo).toBe(isoToDay('2020-01-01'));
    expect(d.hi).toBe(isoToDay('2022-06-30'));
    expect(d.below).toBe(0);
    expect(d.above).toBe(2);
    expect(clampNote(d)).toBe('dates after 2022-06 shown as 2022-06; 2 papers');
  });
  it('keeps day ends on a corpus of a few weeks, and clamps nothing under 100 papers', () => {
    const { day, precision } = days(['2026-03-02', '2026-03-05', '2026-03-20', '2026-02-28']);
    const d = dateDomain(day, precision)!;
    expect(d).toEqual({ lo: isoToDay('2026-02-28'), hi: isoToDay('2026-03-20'), below: 0, above: 0, unit: 'day' });
    expect(formatDomainEnd(d, 'hi')).toBe('2026-03-20');
    expect(clampNote(d)).toBe('');
    expect(domainPosition(d, isoToDay('2026-03-10'))).toBeCloseTo(10 / 20, 10);
  });
  it('has no domain without dated papers', () => {
    const { day, precision } = days(['', '']);
    expect(dateDomain(day, precision)).toBeNull();
  });
});
