/**
 * The `--update` model stores per paper only the LSA vector; the term counts
 * are recounted from the papers' text, which is sound only if the recount
 * gives the fit's counts exactly. The vectors cannot be recomputed (a
 * truncated randomized SVD) nor quantised without moving new papers: the last
 * test measures both, to keep the reason for storing them in float32 checked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../../src/pipeline/ingest/index.ts';
import { runPipeline, type PipelineResult } from '../../../src/pipeline/run.ts';
import { parseOptions, type PipelineOptions } from '../../../src/pipeline/cli/options.ts';
import { createProgress } from '../../../src/pipeline/cli/progress.ts';
import { paperText } from '../../../src/pipeline/ingest/derive-title.ts';
import { transformTexts } from '../../../src/pipeline/vectors/index.ts';
import { decodeModel, encodeModel } from '../../../src/pipeline/artifact/model.ts';
import { newPointNeighbours, placeNewPoints } from '../../../src/pipeline/project/place.ts';
import type { Paper } from '../../../src/pipeline/ingest/types.ts';

let papers: Paper[];
const results = new Map<string, PipelineResult>();

beforeAll(async () => {
  papers = (await ingestFile('data/papers.jsonl')).papers;
  // Full rank (73 of 74 dimensions), and truncated (20), where the SVD is a randomized approximation.
  for (const dims of ['100', '20']) {
    const options = parseOptions(['--input', 'data/papers.jsonl', '--quiet', '--lsa-dims', dims]) as PipelineOptions;
    results.set(dims, await runPipeline(papers, options, createProgress({ quiet: true })));
  }
}, 120_000);

describe.each(['100', '20'])('the model with --lsa-dims %s', (dims) => {
  it('stores per paper the LSA vector only, as the fit made it', () => {
    const r = results.get(dims)!;
    const blobs = encodeModel(r, r.svd!);
    expect(Object.keys(blobs).sort()).toEqual(['centroids_coarse', 'centroids_default', 'centroids_fine', 'lsa', 'lsaModelBinary', 'lsaModelJson']);
    expect(blobs.lsa!.length).toBe(papers.length * r.svd!.dims * 4);
    expect([...decodeModel(blobs).lsa]).toEqual([...r.svd!.normalized]);
  });

  it("recounts the fit's term counts exactly from the text", () => {
    const r = results.get(dims)!;
    const model = decodeModel(encodeModel(r, r.svd!));
    const t = transformTexts(papers.map(paperText), model.text, model.svd);
    expect([...t.counts.indptr]).toEqual([...r.vectors.counts.indptr]);
    expect([...t.counts.indices]).toEqual([...r.vectors.counts.indices]);
    expect([...t.counts.data]).toEqual([...r.vectors.counts.data]);
  });

  it('recomputed or 16-bit vectors would move new papers: why the model keeps float32', () => {
    const r = results.get(dims)!;
    const d = r.svd!.dims;
    const n = 60;
    const m = papers.length - n;
    const full = r.svd!.normalized;
    const coords = r.coords.slice(0, 2 * n);
    const fresh = full.slice(n * d);
    const place = (old: Float32Array) => {
      const knn = newPointNeighbours(old, n, fresh, m, d, 10, 42);
      return placeNewPoints(old, coords, n, d, fresh, m, { nNeighbors: knn.k, seed: 42, knn });
    };
    const moved = (old: Float32Array) => {
      const a = place(full.slice(0, n * d));
      const b = place(old);
      return Math.max(...Array.from({ length: m }, (_, i) => Math.hypot(a[2 * i]! - b[2 * i]!, a[2 * i + 1]! - b[2 * i + 1]!)));
    };
    // The same vectors place the same way (the stored ones are these).
    expect(moved(full.slice(0, n * d))).toBe(0);
    const sixteenBit = full.slice(0, n * d).map((v) => Math.round(v * 32767) / 32767);
    const model = decodeModel(encodeModel(r, r.svd!));
    const recomputed = transformTexts(papers.slice(0, n).map(paperText), model.text, model.svd).normalized;
    if (dims === '20') {
      // Truncated: the text's projection is not the fit's vector, and 16 bits move a paper by over 5% of the map.
      let span = 0;
      for (let i = 0; i < 2 * n; i++) span = Math.max(span, Math.abs(coords[i]!));
      expect(Math.max(...recomputed.map((v, i) => Math.abs(v - full[i]!)))).toBeGreaterThan(1e-3);
      expect(moved(recomputed)).toBeGreaterThan(0.05 * span);
      expect(moved(sixteenBit)).toBeGreaterThan(0.05 * span);
    }
  });
});
