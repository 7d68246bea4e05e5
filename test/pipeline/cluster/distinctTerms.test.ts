import { describe, expect, it } from 'vitest';
import { distinctTerms, type RankedTerm } from '../../../src/pipeline/cluster/distinctTerms.ts';

const r = (term: string, score: number, count?: number): RankedTerm => ({ term, score, phrase: term.includes(' '), count });
const names = (ts: RankedTerm[]) => ts.map((t) => t.term);

describe('distinctTerms', () => {
  it('a phrase takes the place of its words where it accounts for them', () => {
    // dark 100, matter 90, dark matter 80 ≥ 0.2 × 100: the phrase goes where "dark" was, "matter" goes.
    const out = distinctTerms([r('dark', 3, 100), r('matter', 2.9, 90), r('cosmological', 2, 50), r('dark matter', 1.5, 80)], 10);
    expect(names(out)).toEqual(['dark matter', 'cosmological']);
    expect(out[0]!.score).toBe(3);
  });

  it('keeps a word that says more than a rare phrase containing it', () => {
    // quantum zeno 10 < 0.2 × 500: left out.
    expect(names(distinctTerms([r('quantum', 3, 500), r('measurement', 2, 80), r('quantum zeno', 1, 10)], 10))).toEqual(['quantum', 'measurement']);
  });

  it('skips inflections and parts of a listed phrase', () => {
    expect(names(distinctTerms([r('density matrix', 3), r('density matrices', 2), r('density', 1.5), r('states', 1)], 10))).toEqual([
      'density matrix',
      'states',
    ]);
    expect(names(distinctTerms([r('bose-einstein condensates', 3), r('bose-einstein', 2), r('vortices', 1), r('vortex', 0.5)], 10))).toEqual([
      'bose-einstein condensates',
      'vortices',
    ]);
  });

  it('joins chained phrases that occur together, else keeps the stronger one', () => {
    expect(names(distinctTerms([r('neumann entropy', 3, 40), r('von neumann', 2, 45), r('qubits', 1, 30)], 10))).toEqual([
      'von neumann entropy',
      'qubits',
    ]);
    expect(names(distinctTerms([r('black hole', 3, 300), r('mass', 2, 100), r('supermassive black', 1, 20)], 10))).toEqual([
      'black hole',
      'mass',
    ]);
  });

  it('mends a split with the vocabulary\'s phrase, or leaves the second half out', () => {
    const phrase = r('artificial intelligence', 0, 60);
    const phraseOf = (a: RankedTerm, b: RankedTerm) =>
      [a.term, b.term].sort().join('+') === 'artificial+intelligence' ? phrase : [a.term, b.term].sort().join('+') === 'learning+machine' ? null : undefined;
    const ranked = [r('intelligence', 3, 100), r('artificial', 2.5, 70), r('learning', 2, 90), r('machine', 1, 30)];
    expect(names(distinctTerms(ranked, 10, { phraseOf }))).toEqual(['artificial intelligence', 'learning']);
  });

  it('counts a term written as one word or two once', () => {
    expect(names(distinctTerms([r('multimodal', 3), r('cross-modal', 2), r('multi-modal', 1), r('data set', 0.9), r('datasets', 0.5)], 10))).toEqual([
      'multimodal',
      'cross-modal',
      'data set',
    ]);
  });

  it('stops at n', () => {
    expect(names(distinctTerms([r('a1', 3), r('b1', 2), r('c1', 1)], 2))).toEqual(['a1', 'b1']);
  });
});

describe('distinctTerms after a replacement', () => {
  it('mends a split that a phrase taking a word\'s place creates', () => {
    // "two-qubit" replaces "qubit"; it and "gates" are the words of "two-qubit gates", which then takes their place.
    const phrase = r('two-qubit gates', 0, 40);
    const phraseOf = (a: RankedTerm, b: RankedTerm) => ([a.term, b.term].sort().join('+') === 'gates+two-qubit' ? phrase : undefined);
    const ranked = [r('qubit', 3, 100), r('gates', 2.5, 90), r('two-qubit', 2, 60), r('circuit', 1, 30)];
    expect(names(distinctTerms(ranked, 10, { phraseOf }))).toEqual(['two-qubit gates', 'circuit']);
    // Where the phrase is not there to mend it, the later half goes.
    expect(names(distinctTerms(ranked, 10, { phraseOf: (a, b) => (phraseOf(a, b) === undefined ? undefined : null) }))).toEqual(['two-qubit', 'circuit']);
  });
});
