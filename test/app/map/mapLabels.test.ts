import { describe, expect, it } from 'vitest';
import { labelCandidates, paperLabelCandidates } from '../../../src/app/map/mapLabels.ts';
import type { Cluster, ClusteringLevel } from '../../../src/schema/artifact.ts';

const cl = (id: number, label: string, terms: string[], center: [number, number], size = 10): Cluster => ({
  id, label, size, terms: terms.map((term, i) => ({ term, score: 1 / (i + 1), phrase: term.includes(' ') })),
  representatives: [], center, meanDay: null, parent: null,
});
const levels: ClusteringLevel[] = [
  { name: 'default', k: 1, column: 'c0', inertia: 0, clusters: [cl(0, 'agents · tools', ['agents', 'tools', 'language model', 'planning'], [0, 0])] },
  { name: 'fine', k: 2, column: 'c1', inertia: 0, clusters: [cl(0, 'agents', ['agents'], [-1, 0], 6), cl(1, 'tools', ['tools'], [1, 0], 4)] },
];
const base = { levels, level: 0, affine: { sx: 10, ox: 100, sy: -10, oy: 100 }, labelOf: (c: number) => levels[0]!.clusters[c]!.label, measure: (t: string) => t.length * 6, matching: null };

describe('map label candidates', () => {
  it('offers only the current level at zoom 1', () => {
    const c = labelCandidates({ ...base, k: 1 });
    expect(c.map((x) => [x.kind, x.text, x.x, x.y])).toEqual([['cluster', 'agents · tools', 100, 100]]);
  });
  it('adds finer clusters from zoom 2 and unsaid top terms from zoom 3', () => {
    expect(labelCandidates({ ...base, k: 2 }).map((x) => x.kind)).toEqual(['cluster', 'fine', 'fine']);
    const c = labelCandidates({ ...base, k: 3 });
    expect(c.find((x) => x.kind === 'terms')?.text).toBe('language model · planning');
    expect(c.find((x) => x.kind === 'fine' && x.text === 'tools')).toMatchObject({ x: 110, y: 100, priority: 4 });
  });
});

describe('paper title labels', () => {
  it('sit right of the point, shortened, in visible order', () => {
    const c = paperLabelCandidates([1], Float32Array.from([0, 2]), Float32Array.from([0, 3]), { sx: 10, ox: 100, sy: -10, oy: 100 }, ['a', 'x'.repeat(50)], (t) => t.length * 2, 5, Infinity, 10);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ text: 'xxxxxxxxx…', kind: 'paper', x: 120 + 5 + 10, y: 70, width: 20 });
    const left = paperLabelCandidates([1], Float32Array.from([0, 2]), Float32Array.from([0, 3]), { sx: 10, ox: 100, sy: -10, oy: 100 }, ['a', 'x'.repeat(50)], (t) => t.length * 2, 5, 140, 10);
    expect(left[0]!.x).toBe(120 - 5 - 10);
  });
});
