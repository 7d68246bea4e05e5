/** runPipeline with user vectors: they replace LSA, the text still names the clusters. */
import { describe, expect, it } from 'vitest';
import { runPipeline, termlessWarning, type PipelineParams } from '../../../src/pipeline/run.ts';
import type { Progress } from '../../../src/pipeline/cli/progress.ts';
import type { Paper } from '../../../src/pipeline/ingest/types.ts';
import { normalizeRows } from '../../../src/pipeline/vectors/index.ts';
import { FLAVORS, PAPERS, groupOf, plantedPapers, plantedVectors } from './planted.ts';

const PARAMS: PipelineParams = {
  k: 3, kMin: 2, kMax: 6, seed: 3, restarts: 3, minDf: 2, maxDf: 0.5, phrases: true,
  lsaDims: 20, neighbors: 8, minDist: 0.1, epochs: 50, bin: 'auto',
};

function recording(): { progress: Progress; warnings: string[]; stages: string[] } {
  const warnings: string[] = [];
  const stages: string[] = [];
  const progress: Progress = {
    timings: {},
    peakRss: {},
    info: () => undefined,
    warn: (m) => warnings.push(m),
    stage: async (name, work) => {
      stages.push(name);
      return work(() => undefined);
    },
  };
  return { progress, warnings, stages };
}

const papers: Paper[] = plantedPapers().map((r, i) => ({ ...r, line: i + 1 }));
const data = normalizeRows(plantedVectors(), PAPERS, 8);
const user = { data, dims: 8, source: 'planted.npy', kind: 'file' as const, zero: 0 };

describe('runPipeline with user vectors', () => {
  it('runs no LSA, clusters and maps on the vectors, and labels each planted group by its word', async () => {
    const { progress, stages } = recording();
    const r = await runPipeline(papers, { ...PARAMS, userVectors: user }, progress);
    expect(stages).not.toContain('lsa');
    expect(r.svd).toBeNull();
    expect(r.space).toEqual({ X: data, dims: 8, method: 'user', source: 'planted.npy' });
    expect(r.resolved).toMatchObject({ lsaDims: null, vectors: 'user: planted.npy', vectorDims: 8 });
    const level = r.levels.find((lv) => lv.name === 'default')!;
    for (let g = 0; g < 3; g++) {
      const members = Array.from({ length: PAPERS }, (_, i) => i).filter((i) => groupOf(i) === g);
      const cluster = level.labels[members[0]!]!;
      expect(members.every((i) => level.labels[i] === cluster)).toBe(true);
      expect(level.clusters[cluster]!.terms[0]!.term).toBe(FLAVORS[g]);
    }
    expect(new Set(level.labels).size).toBe(3);
    // The kNN graph (nearest papers) is over the vectors: a paper's nearest share its group.
    for (let i = 0; i < PAPERS; i++) expect(groupOf(r.nearest[i * r.nearestK]!)).toBe(groupOf(i));
  });

  it('says that papers without terms are still placed by their vectors', () => {
    expect(termlessWarning(2, 0, 2, 0.5, true)).toBe(
      'text: 2 papers have no usable terms (2 with no word but numbers, stopwords or symbols); they are clustered and mapped by their vector but add nothing to the cluster labels and term trends',
    );
    expect(termlessWarning(0, 1, 2, 0.5, true)).toMatch(/; it is clustered and mapped by its vector but adds nothing/);
  });
});
