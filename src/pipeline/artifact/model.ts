/**
 * What `--update` needs to place new papers on an existing map without
 * refitting: the fitted text + LSA model (serialised by the vectors stage),
 * each level's centroids and every paper's LSA vector, stored as named binary
 * blobs under model/.
 *
 * Per paper only the LSA vector (float32). The term counts are not stored:
 * they are the fitted vocabulary applied to the paper's text, which the
 * abstracts shards hold, and `--update` recounts them exactly
 * (test/pipeline/artifact/model.test.ts). The vectors cannot be recomputed
 * that way: a truncated randomized SVD's projection of its training rows is
 * not its U·S, and UMAP's placement of new points is sensitive enough that
 * even 16-bit quantised vectors moved some new papers by 13% of the map.
 */
import type { PipelineResult } from '../run.ts';
import type { SvdResult } from '../vectors/svd.ts';
import type { TextModel } from '../text/types.ts';
import { deserializeLsaModel, serializeLsaModel, type LsaModelJson, type SvdModel } from '../vectors/index.ts';
import { ArtifactError } from '../../schema/artifact.ts';

export interface FittedModel {
  text: TextModel;
  svd: SvdModel;
  /** n × dims, unit rows. */
  lsa: Float32Array;
  centroids: Record<string, Float32Array>;
}

const utf8 = new TextEncoder();

/** The per-paper blob of the model: LSA vectors, n × dims float32. */
export function corpusBlobs(lsa: Float32Array): Record<string, Uint8Array> {
  return { lsa: bytesOf(lsa) };
}

export function bytesOf(a: Float32Array | Int32Array | Float64Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

export function encodeModel(result: PipelineResult, svd: SvdResult): Record<string, Uint8Array> {
  const { json, binary } = serializeLsaModel(result.vectors.model, svd);
  const out: Record<string, Uint8Array> = {
    lsaModelJson: utf8.encode(JSON.stringify(json)),
    lsaModelBinary: binary,
    ...corpusBlobs(svd.normalized),
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
  if (!json || !binary) throw new ArtifactError('model: incomplete; rerun npm run preprocess without --update');
  const { text, svd } = deserializeLsaModel(JSON.parse(utf.decode(json)) as LsaModelJson, binary);
  const centroids: Record<string, Float32Array> = {};
  for (const [name, b] of Object.entries(files)) {
    if (name.startsWith('centroids_')) centroids[name.slice('centroids_'.length)] = view(Float32Array, b, name);
  }
  const lsa = view(Float32Array, files.lsa, 'lsa');
  if (lsa.length % Math.max(1, svd.dims) !== 0) throw new ArtifactError(`model/lsa: ${lsa.length} values is not a whole number of ${svd.dims}-dimension rows; rerun npm run preprocess without --update`);
  return { text, svd, lsa, centroids };
}
