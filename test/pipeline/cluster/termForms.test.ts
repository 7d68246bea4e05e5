import { describe, expect, it } from 'vitest';
import { chainOverlap, mergeChain, relateTerms, termKeys, termWords } from '../../../src/pipeline/cluster/termForms.ts';
import { labelParts, termDefects } from '../../../src/pipeline/cluster/termDefects.ts';

const rel = (a: string, b: string) => relateTerms(termKeys(a), termKeys(b));

describe('termForms', () => {
  it('splits words at spaces and hyphens, folds inflections and irregular plurals', () => {
    expect(termWords('Bose-Einstein  condensates')).toEqual(['bose', 'einstein', 'condensates']);
    expect(termKeys('density matrices')).toEqual(termKeys('density matrix'));
    expect(termKeys('vortices')).toEqual(termKeys('vortex'));
    expect(termKeys('condensates')).toEqual(termKeys('condensate'));
    expect(termKeys('models')).toEqual(['model']);
    expect(termKeys('planetary')).toEqual(termKeys('planets'));
    expect(termKeys('binary')).toEqual(['binari']);
  });

  it('relates terms: same, inside, contains, chain, or unrelated', () => {
    expect(rel('density matrix', 'density matrices')).toBe('same');
    expect(rel('matter', 'dark matter')).toBe('inside');
    expect(rel('bose-einstein', 'bose-einstein condensates')).toBe('inside');
    expect(rel('bose-einstein condensates', 'bose-einstein')).toBe('contains');
    expect(rel('neumann entropy', 'von neumann')).toBe('chain');
    expect(rel('dark matter', 'dark energy')).toBeNull();
    expect(rel('einstein', 'bose-einstein condensates')).toBe('inside');
    expect(rel('condensates', 'bose condensates')).toBe('inside');
  });

  it('merges chained terms keeping their separators', () => {
    expect(chainOverlap(termKeys('von neumann'), termKeys('neumann entropy'))).toBe(1);
    expect(chainOverlap(termKeys('neumann entropy'), termKeys('von neumann'))).toBe(0);
    expect(mergeChain('von neumann', 'neumann entropy', 1)).toBe('von neumann entropy');
    expect(mergeChain('x-ray', 'ray bursts', 1)).toBe('x-ray bursts');
    expect(mergeChain('dark matter', 'matter-antimatter asymmetry', 1)).toBe('dark matter-antimatter asymmetry');
  });
});

describe('termDefects', () => {
  const phrases = ['dark matter', 'artificial intelligence', 'x-ray emission'];
  it('finds the issue\'s labels: split, reversed, repeated phrases', () => {
    const defects = (label: string) => termDefects(labelParts(label), phrases).map((d) => [d.kind, ...d.terms]);
    expect(defects('dark · cosmological · matter')).toEqual([['split', 'dark', 'matter']]);
    expect(defects('intelligence · artificial · learning')).toEqual([['split', 'intelligence', 'artificial']]);
    expect(defects('bose-einstein condensates · bose-einstein')).toEqual([['repeat', 'bose-einstein condensates', 'bose-einstein']]);
    expect(defects('neumann entropy · von neumann')).toEqual([['repeat', 'neumann entropy', 'von neumann']]);
    expect(defects('density matrix · density matrices')).toEqual([['repeat', 'density matrix', 'density matrices']]);
    expect(defects('x-ray · gamma-ray · emission')).toEqual([['split', 'x-ray', 'emission']]);
    expect(defects('cross-modal · multimodal · multi-modal')).toEqual([['repeat', 'multimodal', 'multi-modal']]);
  });

  it('passes labels a reader would write', () => {
    expect(termDefects(labelParts('dark matter · dark energy · halo'), phrases)).toEqual([]);
    expect(termDefects(labelParts('artificial intelligence · agents'), phrases)).toEqual([]);
    expect(termDefects([], phrases)).toEqual([]);
  });
});
