import { describe, expect, it } from 'vitest';
import { median, p95, quantile, table } from '../../../bench/ui/stats.ts';

describe('bench stats', () => {
  it('uses nearest-rank quantiles', () => {
    const s = [5, 1, 4, 2, 3];
    expect(median(s)).toBe(3);
    expect(p95(s)).toBe(5);
    expect(quantile(Array.from({ length: 100 }, (_, i) => i + 1), 0.95)).toBe(95);
    expect(median([])).toBeNaN();
  });
  it('prints PASS/FAIL/— per row', () => {
    const t = table([
      { metric: 'a', value: '1 ms', target: '≤ 2 ms', pass: true },
      { metric: 'b', value: '3', target: '', pass: null },
    ]);
    expect(t.split('\n')[2]).toMatch(/PASS$/);
    expect(t.split('\n')[3]).toMatch(/—$/);
  });
});
