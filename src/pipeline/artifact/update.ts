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
import type { Csr } from '../text/types.ts';
import { buildTrends } from '../trends/index.ts';
import { classTermScores } from '../cluster/index.ts';
import { buildSearchIndex } from '../../search/index.ts';
import { corpusBlobs, decodeModel, type FittedModel } from './model.ts';
import { writeArtifact } from './write.ts';
import { concatCsr, placeBatch, type MapBase, type PlacedBatch } from './placeBatch.ts';
import { docRecordOf } from './build.ts';
import type { PipelineOptions } from '../cli/options.ts';
import type { Progress } from '../cli/progress.ts';

async function readManifest(dir: string, option: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch {
    throw new UserError(`${option} ${printable(dir)}: no manifest.json there; run npm run preprocess -- --input FILE --out ${printable(dir)} first`);
  }
  try {
    return validateManifest(JSON.parse(text));
  } catch (e) {
    throw new UserError(`${option} ${printable(dir)}: ${(e as Error).message}`);
  }
}

async function readColumn(dir: string, m: Manifest, name: string): Promise<TypedColumn> {
  const ref = m.columns[name]!;
  const b = await readFile(join(dir, ref.file));
  return decodeColumn(name, ref, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
}

function concat<T extends TypedColumn>(a: T, b: ArrayLike<number>): T {
  const out = new (a.constructor as { new (n: number): T })(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** An artifact opened to add papers to: what placing and committing them needs. */
export interface UpdateBase {
  dir: string;
  manifest: Manifest;
  /** The model/ blobs as read (rewritten with the grown corpus parts on commit). */
  modelFiles: Record<string, Uint8Array>;
  model: FittedModel;
  docs: DocRecord[];
  map: MapBase;
}

/** `docs: false` skips reading the abstracts: a shard's worker places papers without them. `option` names DIR in errors. */
export async function openForUpdate(dir: string, read: { docs: boolean; option?: string } = { docs: true }): Promise<UpdateBase> {
  const option = read.option ?? '--update';
  const m = await readManifest(dir, option);
  if (m.vectors?.method === 'user') {
    throw new UserError(
      `${option} ${printable(dir)}: the map was built on user vectors (${printable(m.vectors.source)}), and new papers can only be placed ` +
        'with the LSA model; rebuild it from the whole corpus with --vectors',
    );
  }
  if (!m.model) throw new UserError(`${option} ${printable(dir)}: the artifact has no fitted model; rerun npm run preprocess without --update`);
  const modelFiles: Record<string, Uint8Array> = {};
  for (const [name, file] of Object.entries(m.model)) modelFiles[name] = new Uint8Array(await readFile(join(dir, file)));
  const model = decodeModel(modelFiles);
  const docs: DocRecord[] = [];
  if (read.docs) for (const file of m.docs.files) docs.push(...(JSON.parse(await readFile(join(dir, file), 'utf8')) as DocRecord[]));
  const x = (await readColumn(dir, m, 'x')) as Float32Array;
  const y = (await readColumn(dir, m, 'y')) as Float32Array;
  const coords = new Float32Array(2 * m.n);
  for (let i = 0; i < m.n; i++) {
    coords[2 * i] = x[i]!;
    coords[2 * i + 1] = y[i]!;
  }
  const map: MapBase = {
    n: m.n,
    coords,
    neighborsK: m.neighborsK,
    nNeighbors: Number(m.params.neighbors ?? 15),
    levels: m.levels.map((lv) => lv.name),
  };
  return { dir, manifest: m, modelFiles, model, docs, map };
}

/** The papers not on the map yet: not the same id, nor the same title and abstract, as one already there or earlier in the input. */
export function freshPapers(base: UpdateBase, papers: Paper[]): { fresh: Paper[]; duplicates: number } {
  // A paper without an id has a content-derived one, and an artifact built
  // before that may hold the same paper under a line-number id: both checked.
  const knownIds = new Set(base.docs.map((d) => d.id));
  const knownContent = new Set(base.docs.map((d) => contentKey(d.title, d.abstract)));
  const fresh: Paper[] = [];
  let duplicates = 0;
  for (const p of papers) {
    const key = contentKey(p.title, p.abstract);
    if (knownIds.has(p.id) || knownContent.has(key)) duplicates++;
    else {
      knownIds.add(p.id);
      knownContent.add(key);
      fresh.push(p);
    }
  }
  return { fresh, duplicates };
}

export async function updateArtifact(
  dir: string,
  ingested: IngestResult,
  options: PipelineOptions,
  progress: Progress,
  beforeCommit?: () => Promise<void>,
): Promise<void> {
  const base = await openForUpdate(dir);
  const { fresh, duplicates } = freshPapers(base, ingested.papers);
  const input = printable(options.input);
  if (duplicates) progress.warn(`${input}: ${duplicates} paper(s) already on the map (same id, or same title and abstract), skipped`);
  if (fresh.length === 0) throw new UserError(`${input}: no new papers to add to ${printable(dir)}`);
  const batch = await placeBatch(base.model, base.map, fresh, { seed: options.seed, stage: (name, work) => progress.stage(name, work) });
  await commitUpdate(base, { file: ingested.report.file, read: ingested.report.read, undated: ingested.report.undated }, fresh, batch, progress, beforeCommit);
}

/** Writes the artifact of base + the placed papers (batch rows = fresh, in order): sizes, trends, search and abstracts over all. */
export async function commitUpdate(
  base: UpdateBase,
  source: { file: string; read: number; undated: number },
  fresh: Paper[],
  batch: PlacedBatch,
  progress: Progress,
  beforeCommit?: () => Promise<void>,
): Promise<void> {
  const { dir, manifest: m, model, modelFiles: files, docs: oldDocs } = base;
  if (batch.m !== fresh.length) throw new Error(`commitUpdate: ${batch.m} placed rows for ${fresh.length} papers`);
  const n = m.n;
  const mNew = fresh.length;
  const d = model.svd.dims;
  const placed = batch.coords;
  const newLabels = batch.labels;
  const counts = batch.counts;
  const newX = batch.lsa;
  const x = (await readColumn(dir, m, 'x')) as Float32Array;
  const y = (await readColumn(dir, m, 'y')) as Float32Array;
  const K = m.neighborsK;

  const dates = fresh.map((p) => dayAndPrecision(p.date));
  const day = concat((await readColumn(dir, m, 'day')) as Int32Array, dates.map((t) => t.day));
  const precision = concat((await readColumn(dir, m, 'datePrecision')) as Uint8Array, dates.map((t) => t.precision));
  const labels = await Promise.all(
    m.levels.map(async (lv, i) => Int32Array.from(concat((await readColumn(dir, m, lv.column)) as Uint16Array, newLabels[i]!))),
  );
  const allCounts = concatCsr([model.counts, counts]);
  const unit = m.trends.unit;
  const trends = await progress.stage('trends', () =>
    buildTrends(
      { day, precision, levels: m.levels.map((lv, i) => ({ name: lv.name, labels: labels[i]!, k: lv.k })), termCounts: allCounts, vocabulary: model.text.vocab },
      { unit, scoreClassTerms: classTermScores },
    ),
  );

  // Nearest papers of the new ones among the old (the existing rows keep theirs).
  const oldNeighbors = (await readColumn(dir, m, 'neighbors')) as Int32Array;
  const neighbors = new Int32Array((n + mNew) * K);
  neighbors.set(oldNeighbors);
  neighbors.set(batch.neighbors, n * K);

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
  const lsa = new Float32Array((n + mNew) * d);
  lsa.set(model.lsa);
  lsa.set(newX, n * d);
  const columns: Record<string, TypedColumn> = { x: allX, y: allY, day, datePrecision: precision, bin: trends.bin, neighbors };
  m.levels.forEach((lv, i) => (columns[lv.column] = Uint16Array.from(labels[i]!)));

  await progress.stage('write', () =>
    writeArtifact(dir, {
      manifest: {
        generator: m.generator,
        input: { ...m.input, file: `${m.input.file} + ${source.file}` },
        stats: { ...m.stats, read: m.stats.read + source.read, kept: n + mNew, undated: m.stats.undated + source.undated },
        params: { ...m.params, updatedWith: source.file, updatedPapers: mNew },
        ...(m.vectors ? { vectors: m.vectors } : {}),
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
      chunkSize: m.docs.chunkSize,
      model: { ...files, ...corpusBlobs(lsa, allCounts) },
    }, { beforeCommit }),
  );
  progress.info(`added ${mNew} papers to ${printable(dir)} (now ${n + mNew}); existing positions unchanged`);
}
