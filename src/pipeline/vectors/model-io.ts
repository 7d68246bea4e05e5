import type { ResolvedTextOptions, TextModel } from '../text/types.ts';
import type { SvdModel } from './transform.ts';

export const LSA_MODEL_FORMAT = 'topic-atlas/lsa-model';
export const LSA_MODEL_VERSION = 1;

/** The JSON half: everything but the numeric arrays, which live in the binary half at these byte offsets. */
export interface LsaModelJson {
  format: typeof LSA_MODEL_FORMAT;
  version: typeof LSA_MODEL_VERSION;
  options: ResolvedTextOptions;
  nDocs: number;
  keys: string[];
  display: string[];
  /** Indices into `keys` of the phrase terms. */
  phrases: number[];
  dims: number;
  /** Little-endian arrays in the binary half. */
  arrays: {
    df: { offset: number; length: number; dtype: 'int32' };
    idf: { offset: number; length: number; dtype: 'float64' };
    singularValues: { offset: number; length: number; dtype: 'float64' };
    components: { offset: number; length: number; dtype: 'float32' };
  };
}

/** The fitted text model and SVD components as a JSON object + one binary buffer (8-byte aligned sections). */
export function serializeLsaModel(text: TextModel, svd: SvdModel): { json: LsaModelJson; binary: Uint8Array } {
  const vocabSize = text.vocab.keys.length;
  if (svd.components.length !== svd.dims * vocabSize) throw new Error(`serializeLsaModel: components hold ${svd.components.length} values, expected dims × vocabulary = ${svd.dims} × ${vocabSize}`);
  const sections = [
    ['df', text.vocab.df, 'int32'],
    ['idf', text.idf, 'float64'],
    ['singularValues', svd.singularValues, 'float64'],
    ['components', svd.components, 'float32'],
  ] as const;
  let size = 0;
  const offsets: number[] = [];
  for (const [, array] of sections) {
    offsets.push(size);
    size += Math.ceil(array.byteLength / 8) * 8;
  }
  const binary = new Uint8Array(size);
  const view = new DataView(binary.buffer);
  sections.forEach(([, array, dtype], s) => {
    const o = offsets[s];
    for (let i = 0; i < array.length; i++) {
      if (dtype === 'int32') view.setInt32(o + i * 4, array[i], true);
      else if (dtype === 'float64') view.setFloat64(o + i * 8, array[i], true);
      else view.setFloat32(o + i * 4, array[i], true);
    }
  });
  const ref = (s: number) => ({ offset: offsets[s], length: sections[s][1].length });
  const phrases: number[] = [];
  text.vocab.phrase.forEach((f, j) => f && phrases.push(j));
  return {
    json: {
      format: LSA_MODEL_FORMAT,
      version: LSA_MODEL_VERSION,
      options: text.options,
      nDocs: text.nDocs,
      keys: text.vocab.keys,
      display: text.vocab.display,
      phrases,
      dims: svd.dims,
      arrays: {
        df: { ...ref(0), dtype: 'int32' },
        idf: { ...ref(1), dtype: 'float64' },
        singularValues: { ...ref(2), dtype: 'float64' },
        components: { ...ref(3), dtype: 'float32' },
      },
    },
    binary,
  };
}

/** Inverse of serializeLsaModel; validates the shapes and names the field that is wrong. */
export function deserializeLsaModel(json: LsaModelJson, binary: Uint8Array): { text: TextModel; svd: SvdModel } {
  if (json?.format !== LSA_MODEL_FORMAT) throw new Error(`lsa model: format is ${JSON.stringify(json?.format)}, expected "${LSA_MODEL_FORMAT}"`);
  if (json.version !== LSA_MODEL_VERSION) throw new Error(`lsa model: version ${json.version} is not supported (expected ${LSA_MODEL_VERSION})`);
  const m = json.keys?.length;
  if (!Array.isArray(json.keys) || !Array.isArray(json.display) || json.display.length !== m) throw new Error('lsa model: keys and display must be arrays of equal length');
  const view = new DataView(binary.buffer, binary.byteOffset, binary.byteLength);
  const read = <T extends Int32Array | Float64Array | Float32Array>(name: keyof LsaModelJson['arrays'], make: (n: number) => T, expected: number): T => {
    const ref = json.arrays?.[name];
    if (!ref || ref.length !== expected) throw new Error(`lsa model: arrays.${name} has length ${ref?.length}, expected ${expected}`);
    const width = ref.dtype === 'float64' ? 8 : 4;
    if (ref.offset < 0 || ref.offset + ref.length * width > binary.byteLength) throw new Error(`lsa model: arrays.${name} lies outside the ${binary.byteLength}-byte binary`);
    const out = make(ref.length);
    for (let i = 0; i < ref.length; i++) {
      const o = ref.offset + i * width;
      out[i] = ref.dtype === 'int32' ? view.getInt32(o, true) : ref.dtype === 'float64' ? view.getFloat64(o, true) : view.getFloat32(o, true);
    }
    return out;
  };
  const phrase = new Uint8Array(m);
  for (const j of json.phrases ?? []) {
    if (!(j >= 0 && j < m)) throw new Error(`lsa model: phrases holds index ${j} outside the vocabulary of ${m}`);
    phrase[j] = 1;
  }
  const vocab = { keys: json.keys, display: json.display, phrase, df: read('df', (n) => new Int32Array(n), m) };
  // Models written before compoundParts existed were fitted without it.
  const options = { ...json.options, compoundParts: json.options?.compoundParts ?? false };
  const text: TextModel = { options, nDocs: json.nDocs, vocab, idf: read('idf', (n) => new Float64Array(n), m) };
  const svd: SvdModel = {
    dims: json.dims,
    singularValues: read('singularValues', (n) => new Float64Array(n), json.dims),
    components: read('components', (n) => new Float32Array(n), json.dims * m),
  };
  return { text, svd };
}
