import { describe, expect, it } from 'vitest';
import { applyRenames, asRecord, proposedRenames } from '../../../src/app/lib/renameProposal.ts';
import type { ClusteringLevel } from '../../../src/schema/artifact.ts';

const level = (name: ClusteringLevel['name'], labels: string[]): ClusteringLevel => ({
  name,
  k: labels.length,
  column: `cluster_${name}`,
  inertia: 0,
  clusters: labels.map((label, id) => ({ id, label, size: 1, terms: [], representatives: [], center: [0, 0], meanDay: null, parent: null })),
});
const levels = [level('coarse', ['AI', 'Physics']), level('default', ['agents', 'vision', 'robots'])];

describe('renames from a link', () => {
  it('proposes only renames that name a cluster of this artifact and change its label', () => {
    const fromLink = {
      'default:2': '=HYPERLINK("http://x","y")',
      'coarse:1': '  Physics  ',
      'default:0': 'Agents & tools',
      'default:3': 'no such cluster',
      'huge:0': 'no such level',
      'default:01': 'vision models',
      'coarse:0': '   ',
    };
    expect(proposedRenames(fromLink, {}, levels)).toEqual([
      { key: 'default:0', level: 'default', cluster: 0, from: 'agents', to: 'Agents & tools' },
      { key: 'default:1', level: 'default', cluster: 1, from: 'vision', to: 'vision models' },
      { key: 'default:2', level: 'default', cluster: 2, from: 'robots', to: '=HYPERLINK("http://x","y")' },
    ]);
  });

  it('compares with the user’s own names, so the user’s own link proposes nothing', () => {
    const mine = { 'default:0': 'My agents' };
    expect(proposedRenames(mine, mine, levels)).toEqual([]);
    expect(proposedRenames({ 'default:0': 'agents' }, mine, levels)).toEqual([
      { key: 'default:0', level: 'default', cluster: 0, from: 'My agents', to: 'agents' },
    ]);
  });

  it('applies proposals over the user’s names; one back to the artifact’s label drops the rename', () => {
    const mine = { 'default:0': 'My agents', 'coarse:1': 'Phys' };
    const p = proposedRenames({ 'default:0': 'agents', 'default:1': 'Seeing' }, mine, levels);
    expect(applyRenames(mine, p, levels)).toEqual({ 'coarse:1': 'Phys', 'default:1': 'Seeing' });
    expect(mine).toEqual({ 'default:0': 'My agents', 'coarse:1': 'Phys' });
    expect(asRecord(p)).toEqual({ 'default:0': 'agents', 'default:1': 'Seeing' });
  });
});
