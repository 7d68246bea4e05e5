/**
 * What `--update` needs to place new papers on an existing map without
 * refitting: the fitted text model, the LSA components, every paper's LSA
 * vector (for the new papers' neighbours), each level's centroids and the term
 * counts (to recount trends). Stored as named binary blobs under model/.
 */
import type { PipelineResult } from '../run.ts';
import type { Csr, TextModel } from '../text/types.ts';
import { ArtifactError } from '../../schema/artifact.ts';

export interface FittedModel {
  text: TextModel;
  /** dims × cols. */
  components: Float32Array;
  dims: number;
  /** n × dims, unit rows. */
  lsa: Float32Array;
  centroids: Record<string, Float32Array>;
  counts: Csr;
}

const utf8 = new TextEncoder();

function bytes(a: Float32Array | Int32Array | Float64Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

export function encodeModel(result: PipelineResult): Record<string, Uint8Array> {
  const { model } = result.vectors;
  const text = {
    options: model.options,
    nDocs: model.nDocs,
    vocab: { keys: model.vocab.keys, display: model.vocab.display, phrase: Array.from(model.vocab.phrase), df: Array.from(model.vocab.df) },
  };
  const out: Record<string, Uint8Array> = {
    text: utf8.encode(JSON.stringify(text)),
    meta: utf8.encode(JSON.stringify({ dims: result.svd.dims, cols: result.vectors.counts.cols, rows: result.n })),
    idf: bytes(model.idf),
    components: bytes(result.svd.components),
    lsa: bytes(result.svd.normalized),
    countsIndptr: bytes(result.vectors.counts.indptr),
    countsIndices: bytes(result.vectors.counts.indices),
    countsData: bytes(result.vectors.counts.data),
  };
  for (const lv of result.levels) out[`centroids_${lv.name}`] = bytes(lv.centroids);
  return out;
}

function view<T>(ctor: { new (b: ArrayBuffer): T }, b: Uint8Array | undefined, name: string): T {
  if (!b) throw new ArtifactError(`model/${name}: missing; rerun npm run preprocess without --update`);
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new ctor(copy.buffer);
}

export function decodeModel(files: Record<string, Uint8Array>): FittedModel {
  const utf = new TextDecoder();
  const text = JSON.parse(utf.decode(files.text)) as {
    options: TextModel['options'];
    nDocs: number;
    vocab: { keys: string[]; display: string[]; phrase: number[]; df: number[] };
  };
  const meta = JSON.parse(utf.decode(files.meta)) as { dims: number; cols: number; rows: number };
  const centroids: Record<string, Float32Array> = {};
  for (const [name, b] of Object.entries(files)) {
    if (name.startsWith('centroids_')) centroids[name.slice('centroids_'.length)] = view(Float32Array, b, name);
  }
  return {
    text: {
      options: text.options,
      nDocs: text.nDocs,
      vocab: { keys: text.vocab.keys, display: text.vocab.display, phrase: Uint8Array.from(text.vocab.phrase), df: Int32Array.from(text.vocab.df) },
      idf: view(Float64Array, files.idf, 'idf'),
    },
    components: view(Float32Array, files.components, 'components'),
    dims: meta.dims,
    lsa: view(Float32Array, files.lsa, 'lsa'),
    centroids,
    counts: {
      rows: meta.rows,
      cols: meta.cols,
      indptr: view(Int32Array, files.countsIndptr, 'countsIndptr'),
      indices: view(Int32Array, files.countsIndices, 'countsIndices'),
      data: view(Float32Array, files.countsData, 'countsData'),
    },
  };
}
