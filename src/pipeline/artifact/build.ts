/** Turns a pipeline result into the parts the artifact writer lays out on disk. */
import type { Paper, IngestReport } from '../ingest/types.ts';
import type { PipelineResult } from '../run.ts';
import type { ArtifactParts } from './write.ts';
import { encodeModel } from './model.ts';
import type { DocRecord, Manifest } from '../../schema/artifact.ts';

export const GENERATOR = 'topic-atlas preprocess 0.1.0';

export function toArtifactParts(
  papers: Paper[],
  result: PipelineResult,
  input: { file: string; sha256: string; format: string; report: IngestReport },
  timingsMs: Record<string, number>,
  search: Uint8Array,
): ArtifactParts {
  const { n, coords } = result;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  let xmin = Infinity;
  let ymin = Infinity;
  let xmax = -Infinity;
  let ymax = -Infinity;
  for (let i = 0; i < n; i++) {
    x[i] = coords[2 * i]!;
    y[i] = coords[2 * i + 1]!;
    xmin = Math.min(xmin, x[i]!);
    xmax = Math.max(xmax, x[i]!);
    ymin = Math.min(ymin, y[i]!);
    ymax = Math.max(ymax, y[i]!);
  }
  const columns: ArtifactParts['columns'] = {
    x,
    y,
    day: result.day,
    datePrecision: result.precision,
    bin: result.trends.bin,
    neighbors: result.nearest,
  };
  for (const lv of result.levels) columns[`cluster_${lv.name}`] = Uint16Array.from(lv.labels);
  const { report } = input;
  return {
    manifest: {
      generator: GENERATOR,
      input: { file: input.file, sha256: input.sha256, format: input.format },
      stats: {
        read: report.read,
        kept: report.kept,
        skipped: report.skipped as Record<string, number>,
        undated: report.undated,
        vocabulary: result.vectors.vocab.keys.length,
        nnz: result.vectors.counts.indptr[n]!,
        lsaDims: result.svd?.dims ?? 0,
        timingsMs,
      },
      params: result.resolved,
      vectors: vectorsOf(result),
      n,
      neighborsK: result.nearestK,
      bounds: [xmin, ymin, xmax, ymax],
      levels: result.levels.map((lv) => ({
        name: lv.name,
        k: lv.k,
        column: `cluster_${lv.name}`,
        inertia: lv.inertia,
        clusters: lv.clusters,
      })),
      defaultLevel: result.levels.findIndex((lv) => lv.name === 'default'),
      kScan: result.kScan?.points ?? null,
      kCriterion: result.kScan?.criterion ?? null,
      trends: result.trends.trends,
    },
    columns,
    titles: papers.map((p) => p.title),
    ids: papers.map((p) => p.id),
    search,
    docs: papers.map(docRecordOf),
    chunkSize: 500,
    // Without an LSA model new papers cannot be placed: --update refuses such an artifact (it reads `vectors`).
    ...(result.svd ? { model: encodeModel(result, result.svd) } : {}),
  };
}

function vectorsOf({ space }: PipelineResult): Manifest['vectors'] {
  return space.method === 'lsa' ? { method: 'lsa', dims: space.dims } : { method: 'user', dims: space.dims, source: space.source! };
}

/** A paper as the dashboard's abstracts chunks hold it (optional fields only when present, so old artifacts keep their bytes). */
export function docRecordOf(p: Paper): DocRecord {
  return {
    id: p.id,
    title: p.title,
    abstract: p.abstract,
    ...(p.titleFromAbstract ? { titleFromAbstract: true as const } : {}),
    date: p.date,
    ...(p.categories ? { categories: p.categories } : {}),
  };
}
