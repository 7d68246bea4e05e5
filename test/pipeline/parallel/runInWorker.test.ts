import { describe, expect, it } from 'vitest';
import { runInWorker } from '../../../src/pipeline/parallel/runInWorker.ts';
import { clusterStage, type ClusterStageResult } from '../../../src/pipeline/clusterStage.ts';

/** Three tight groups of unit vectors in 4-D. */
function blobs(perGroup: number): Float32Array {
  const d = 4;
  const X = new Float32Array(3 * perGroup * d);
  let s = 7;
  const rand = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32 - 0.5) * 0.05;
  for (let g = 0; g < 3; g++) {
    for (let i = 0; i < perGroup; i++) {
      const row = (g * perGroup + i) * d;
      for (let j = 0; j < d; j++) X[row + j] = (j === g ? 1 : 0) + rand();
      const norm = Math.hypot(...X.subarray(row, row + d));
      for (let j = 0; j < d; j++) X[row + j]! /= norm;
    }
  }
  return X;
}

describe('runInWorker', () => {
  it('runs the cluster stage on a worker thread with the same result as on the main thread', async () => {
    const X = blobs(40);
    const params = { k: 3 as const, kMin: 2, kMax: 5, seed: 11, restarts: 2 };
    const inWorker = await runInWorker<ClusterStageResult>(new URL('../../../src/pipeline/clusterStage.ts', import.meta.url), 'clusterStage', [X, 120, 4, params]);
    const here = clusterStage(X, 120, 4, params);
    expect(Array.from(inWorker.levels.default.labels)).toEqual(Array.from(here.levels.default.labels));
    expect(Array.from(inWorker.levels.default.centroids)).toEqual(Array.from(here.levels.default.centroids));
    expect(new Set(here.levels.default.labels).size).toBe(3);
  });

  it('rejects with the task error instead of hanging', async () => {
    await expect(
      runInWorker(new URL('../../../src/pipeline/clusterStage.ts', import.meta.url), 'noSuchTask', []),
    ).rejects.toThrow(/noSuchTask|not a function/);
  });
});
