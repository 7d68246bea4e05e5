/**
 * `--update DIR --input NEW`: add papers to an existing map without refitting.
 * New papers are vectorised with the fitted vocabulary and LSA components,
 * assigned to the nearest centroid of every level, and placed on the map by
 * UMAP's transform (neighbours' positions, then a few epochs moving only the
 * new points). Existing coordinates, clusters and labels do not change; sizes,
 * trends, the search index and the abstracts are rebuilt over old + new.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  decodeColumn,
  validateManifest,
  ArtifactError,
  type DocRecord,
  type Manifest,
  type TypedColumn,
} from '../../schema/artifact.ts';
import { UserError, type Paper } from '../ingest/types.ts';
import { contentKey } from '../ingest/content-id.ts';
import { printable } from '../ingest/printable.ts';
import type { IngestResult } from '../ingest/index.ts';
import { dayAndPrecision } from '../ingest/dates.ts';
import { paperText } from '../ingest/derive-title.ts';
import type { Csr } from '../text/types.ts';
import { transformTexts } from '../vectors/index.ts';
import { newPointNeighbours, placeNewPoints } from '../project/place.ts';
import { buildTrends } from '../trends/index.ts';
import { classTermScores } from '../cluster/index.ts';
import { buildSearchIndex } from '../../search/index.ts';
import { corpusBlobs, decodeModel, type FittedModel } from './model.ts';
import { writeArtifact } from './write.ts';
import { docRecordOf } from './build.ts';
import { readDocs } from './readShards.ts';
import type { PipelineOptions } from '../cli/options.ts';
import type { Progress } from '../cli/progress.ts';

async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch {
    throw new UserError(`--update ${printable(dir)}: no manifest.json there; run npm run preprocess -- --input FILE --out ${printable(dir)} first`);
  }
  try {
    return validateManifest(JSON.parse(text));
  } catch (e) {
    throw new UserError(`--update ${printable(dir)}: ${(e as Error).message}`);
  }
}

async function readColumn(dir: string, m: Manifest, name: string): Promise<TypedColumn> {
  const ref = m.columns[name]!;
  const b = await readFile(join(dir, ref.file));
  return decodeColumn(name, ref, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
}

function nearestCentroid(X: Float32Array, m: number, d: number, centroids: Float32Array): Int32Array {
  const k = centroids.length / d;
  const labels = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    let best = 0;
    let bestD = Infinity;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (X[i * d + j]! - centroids[c * d + j]!) ** 2;
      if (s < bestD) {
        bestD = s;
        best = c;
      }
    }
    labels[i] = best;
  }
  return labels;
}

function concat<T extends TypedColumn>(a: T, b: ArrayLike<number>): T {
  const out = new (a.constructor as { new (n: number): T })(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export async function updateArtifact(
  dir: string,
  ingested: IngestResult,
  options: PipelineOptions,
  progress: Progress,
  beforeCommit?: () => Promise<void>,
): Promise<void> {
  const m = await readManifest(dir);
  if (!m.model) throw new UserError(`--update ${printable(dir)}: the artifact has no fitted model; rerun npm run preprocess without --update`);
  const files: Record<string, Uint8Array> = {};
  for (const [name, file] of Object.entries(m.model)) files[name] = new Uint8Array(await readFile(join(dir, file)));
  const model: FittedModel = decodeModel(files);

  const { docs: oldDocs, neighbors: oldNeighbors } = await readDocs(dir, m);
  // Already on the map: the same id, or the same title and abstract (a paper
  // without an id has a content-derived one, and an artifact built before that
  // may hold the same paper under a line-number id).
  const knownIds = new Set(oldDocs.map((d) => d.id));
  const knownContent = new Set(oldDocs.map((d) => contentKey(d.title, d.abstract)));
  const fresh: Paper[] = [];
  let duplicates = 0;
  for (const p of ingested.papers) {
    const key = contentKey(p.title, p.abstract);
    if (knownIds.has(p.id) || knownContent.has(key)) duplicates++;
    else {
      knownIds.add(p.id);
      knownContent.add(key);
      fresh.push(p);
    }
  }
  const input = printable(options.input);
  if (duplicates) progress.warn(`${input}: ${duplicates} paper(s) already on the map (same id, or same title and abstract), skipped`);
  if (fresh.length === 0) throw new UserError(`${input}: no new papers to add to ${printable(dir)}`);

  const n = m.n;
  const mNew = fresh.length;
  const d = model.svd.dims;
  // Term counts are not stored: the fitted vocabulary recounts every paper's text (rows are independent).
  const { counts: allCounts, normalized: vectors } = await progress.stage('tfidf', () =>
    transformTexts([...oldDocs.map(paperText), ...fresh.map(paperText)], model.text, model.svd),
  );
  const lsa = model.lsa;
  if (lsa.length !== n * d) throw new ArtifactError(`model: LSA vectors of ${lsa.length / d} papers, the map has ${n}; rerun npm run preprocess without --update`);
  const newX = vectors.slice(n * d);

  const x = (await readColumn(dir, m, 'x')) as Float32Array;
  const y = (await readColumn(dir, m, 'y')) as Float32Array;
  const coords = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    coords[2 * i] = x[i]!;
    coords[2 * i + 1] = y[i]!;
  }
  const K = m.neighborsK;
  const nNeighbors = Math.min(Number(m.params.neighbors ?? 15), n);
  const knn = newPointNeighbours(lsa, n, newX, mNew, d, Math.max(nNeighbors, K), options.seed);
  const placed = await progress.stage('umap', () =>
    placeNewPoints(lsa, coords, n, d, newX, mNew, { nNeighbors: knn.k, seed: options.seed, knn }),
  );

  const newLabels = m.levels.map((lv) => {
    const c = model.centroids[lv.name];
    if (!c) throw new ArtifactError(`model: no centroids for level ${lv.name}`);
    return nearestCentroid(newX, mNew, d, c);
  });

  const dates = fresh.map((p) => dayAndPrecision(p.date));
  const day = concat((await readColumn(dir, m, 'day')) as Int32Array, dates.map((t) => t.day));
  const precision = concat((await readColumn(dir, m, 'datePrecision')) as Uint8Array, dates.map((t) => t.precision));
  const labels = await Promise.all(
    m.levels.map(async (lv, i) => Int32Array.from(concat((await readColumn(dir, m, lv.column)) as Uint16Array, newLabels[i]!))),
  );
  const unit = m.trends.unit;
  const trends = await progress.stage('trends', () =>
    buildTrends(
      { day, precision, levels: m.levels.map((lv, i) => ({ name: lv.name, labels: labels[i]!, k: lv.k })), termCounts: allCounts, vocabulary: model.text.vocab },
      { unit, scoreClassTerms: classTermScores },
    ),
  );

  // Nearest papers of the new ones among the old (the existing rows keep theirs).
  const neighbors = new Int32Array((n + mNew) * K);
  neighbors.set(oldNeighbors);
  for (let i = 0; i < mNew; i++) neighbors.set(knn.indices.subarray(i * knn.k, i * knn.k + K), (n + i) * K);

  const allX = concat(x, Array.from({ length: mNew }, (_, i) => placed[2 * i]!));
  const allY = concat(y, Array.from({ length: mNew }, (_, i) => placed[2 * i + 1]!));
  const docs: DocRecord[] = [
    ...oldDocs,
    ...fresh.map(docRecordOf),
  ];
  const levels = m.levels.map((lv, i) => {
    const size = new Int32Array(lv.k);
    for (const c of labels[i]!) size[c]!++;
    return { ...lv, clusters: lv.clusters.map((c) => ({ ...c, size: size[c.id]!, meanDay: trends.meanDay[i]![c.id] ?? null })) };
  });
  let [xmin, ymin, xmax, ymax] = m.bounds;
  for (let i = 0; i < mNew; i++) {
    xmin = Math.min(xmin, placed[2 * i]!);
    xmax = Math.max(xmax, placed[2 * i]!);
    ymin = Math.min(ymin, placed[2 * i + 1]!);
    ymax = Math.max(ymax, placed[2 * i + 1]!);
  }
  const columns: Record<string, TypedColumn> = { x: allX, y: allY, day, datePrecision: precision, bin: trends.bin };
  m.levels.forEach((lv, i) => (columns[lv.column] = Uint16Array.from(labels[i]!)));

  await progress.stage('write', () =>
    writeArtifact(dir, {
      manifest: {
        generator: m.generator,
        input: { ...m.input, file: `${m.input.file} + ${ingested.report.file}` },
        stats: { ...m.stats, read: m.stats.read + ingested.report.read, kept: n + mNew, undated: m.stats.undated + ingested.report.undated },
        params: { ...m.params, updatedWith: ingested.report.file, updatedPapers: mNew },
        n: n + mNew,
        neighborsK: K,
        bounds: [xmin, ymin, xmax, ymax],
        levels,
        defaultLevel: m.defaultLevel,
        kScan: m.kScan,
        kCriterion: m.kCriterion,
        trends: trends.trends,
      },
      columns,
      titles: docs.map((doc) => doc.title),
      ids: docs.map((doc) => doc.id),
      search: buildSearchIndex(docs.map((doc) => `${doc.title}\n${doc.abstract}`)),
      docs,
      neighbors,
      shardBytes: options.shardKb * 1024,
      model: { ...files, ...corpusBlobs(concat(lsa, newX)) },
    }, { beforeCommit }),
  );
  progress.info(`added ${mNew} papers to ${printable(dir)} (now ${n + mNew}); existing positions unchanged`);
}
