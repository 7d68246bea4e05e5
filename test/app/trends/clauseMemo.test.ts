import { describe, expect, it } from 'vitest';
import { memoOnClauses, sameClauses } from '../../../src/app/trends/clauseMemo.ts';
import type { Clause } from '../../../src/app/state/crossfilter.ts';

const clause = (source: Clause['source']): Clause => ({ source, mask: new Uint8Array(1), description: source });

describe('memoOnClauses', () => {
  it('ignores changes of the ignored clause, recomputes on the others and on deps', () => {
    let runs = 0;
    const f = memoOnClauses(['time'], (rel) => {
      runs++;
      return rel.map((c) => c.source).join(',');
    });
    const kw = clause('keyword');
    expect(f([kw, clause('time')], 1)).toBe('keyword');
    expect(f([clause('time'), kw], 1)).toBe('keyword');
    expect(f([kw], 1)).toBe('keyword');
    expect(runs).toBe(1);
    expect(f([kw], 2)).toBe('keyword');
    expect(runs).toBe(2);
    expect(f([clause('keyword')], 2)).toBe('keyword');
    expect(runs).toBe(3);
    expect(f([], 2)).toBe('');
    expect(runs).toBe(4);
  });
  it('compares clause sets by identity, order-free', () => {
    const a = clause('keyword');
    const b = clause('map');
    expect(sameClauses([a, b], [b, a])).toBe(true);
    expect(sameClauses([a], [a, b])).toBe(false);
  });
});
