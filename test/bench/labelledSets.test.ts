import { describe, expect, it } from 'vitest';
import { LABELLED_SETS, pickLabelled, primaryCategory } from '../../bench/lib/labelledSets.ts';

const rows = [
  { id: 'a', categories: 'cs.CL cs.LG' },
  { id: 'b', categories: 'cs.CV' },
  { id: 'c', categories: ['cs.LG'] },
  { id: 'd', categories: 'cs.CL' },
  { id: 'e', categories: 'math.OC cs.CL' },
  { id: 'f', categories: null },
  { id: 'g', categories: 'cs.CL' },
];

describe('labelled sets', () => {
  it('labels by the first (primary) category', () => {
    expect(rows.map(primaryCategory)).toEqual(['cs.CL', 'cs.CV', 'cs.LG', 'cs.CL', 'math.OC', null, 'cs.CL']);
  });
  it('keeps at most perLabel of each label, in input order, with the same draw for the same seed', () => {
    const spec = { ...LABELLED_SETS.find((s) => s.name === 'cs-three')!, perLabel: 2 };
    const a = pickLabelled(rows, spec, 1);
    expect(a.filter((r) => r.label === 'cs.CL')).toHaveLength(2);
    expect(a.filter((r) => r.label === 'cs.CV').map((r) => r.id)).toEqual(['b']);
    expect(a.filter((r) => r.label === 'cs.LG').map((r) => r.id)).toEqual(['c']);
    expect(a.some((r) => r.id === 'e' || r.id === 'f')).toBe(false);
    expect(a.map((r) => r.id)).toEqual([...a.map((r) => r.id)].sort());
    expect(pickLabelled(rows, spec, 1)).toEqual(a);
    const draws = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => pickLabelled(rows, spec, seed).map((r) => r.id).join()));
    expect(draws.size).toBeGreaterThan(1);
  });
  it('maps archives for the distant set and leaves other categories out', () => {
    const distant = LABELLED_SETS.find((s) => s.name === 'distant-fields')!;
    expect(['cs.CL', 'cond-mat.str-el', 'math.OC', 'physics.ao-ph', 'physics.optics', 'quant-ph'].map(distant.labelOf)).toEqual([
      'cs', 'cond-mat', 'math', 'physics.ao-ph', null, 'quant-ph',
    ]);
  });
});
