/**
 * What `--update` needs to place new papers on an existing map without
 * refitting: the fitted text + LSA model (serialised by the vectors stage),
 * every paper's LSA vector (for the new papers' neighbours), each level's
 * centroids and the term counts (to recount trends). Stored as named binary
 * blobs under model/.
 */
import type { PipelineResult } from '../run.ts';
import type { SvdResult } from '../vectors/svd.ts';
import type { Csr, TextModel } from '../text/types.ts';
import { deserializeLsaModel, serializeLsaModel, type LsaModelJson, type SvdModel } from '../vectors/index.ts';
import { ArtifactError } from '../../schema/artifact.ts';

export interface FittedModel {
  text: TextModel;
  svd: SvdModel;
  /** n × dims, unit rows. */
  lsa: Float32Array;
  centroids: Record<string, Float32Array>;
  counts: Csr;
}

const utf8 = new TextEncoder();

export function bytesOf(a: Float32Array | Int32Array | Float64Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** The blobs for the model's corpus-sized parts: LSA vectors and term counts. */
export function corpusBlobs(lsa: Float32Array, counts: Csr): Record<string, Uint8Array> {
  return {
    lsa: bytesOf(lsa),
    countsShape: utf8.encode(JSON.stringify({ rows: counts.rows, cols: counts.cols })),
    countsIndptr: bytesOf(counts.indptr),
    countsIndices: bytesOf(counts.indices),
    countsData: bytesOf(counts.data),
  };
}

export function encodeModel(result: PipelineResult, svd: SvdResult): Record<string, Uint8Array> {
  const { json, binary } = serializeLsaModel(result.vectors.model, svd);
  const out: Record<string, Uint8Array> = {
    lsaModelJson: utf8.encode(JSON.stringify(json)),
    lsaModelBinary: binary,
    ...corpusBlobs(svd.normalized, result.vectors.counts),
  };
  for (const lv of result.levels) out[`centroids_${lv.name}`] = bytesOf(lv.centroids);
  return out;
}

function view<T>(ctor: { new (b: ArrayBuffer): T }, b: Uint8Array | undefined, name: string): T {
  if (!b) throw new ArtifactError(`model/${name}: missing; rerun npm run preprocess without --update`);
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new ctor(copy.buffer);
}

export function decodeModel(files: Record<string, Uint8Array | undefined>): FittedModel {
  const utf = new TextDecoder();
  const json = files.lsaModelJson;
  const binary = files.lsaModelBinary;
  const shape = files.countsShape;
  if (!json || !binary || !shape) throw new ArtifactError('model: incomplete; rerun npm run preprocess without --update');
  const { text, svd } = deserializeLsaModel(JSON.parse(utf.decode(json)) as LsaModelJson, binary);
  const { rows, cols } = JSON.parse(utf.decode(shape)) as { rows: number; cols: number };
  const centroids: Record<string, Float32Array> = {};
  for (const [name, b] of Object.entries(files)) {
    if (name.startsWith('centroids_')) centroids[name.slice('centroids_'.length)] = view(Float32Array, b, name);
  }
  return {
    text,
    svd,
    lsa: view(Float32Array, files.lsa, 'lsa'),
    centroids,
    counts: {
      rows,
      cols,
      indptr: view(Int32Array, files.countsIndptr, 'countsIndptr'),
      indices: view(Int32Array, files.countsIndices, 'countsIndices'),
      data: view(Float32Array, files.countsData, 'countsData'),
    },
  };
}
