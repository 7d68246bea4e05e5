/**
 * Fixtures for user vectors: .npy bytes made by hand, and a 40-paper corpus
 * whose text has four topics while its planted vectors hold three groups that
 * cut across them (group = paper index mod 3). Each group has one word of its
 * own in every title ("glacier", "volcano", "desert"): clusters that follow the
 * vectors are then labelled by that word, which only the text holds.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../../src/pipeline/vectors/random.ts';

/** A .npy file as numpy.save writes it: magic, version, header length, the dict padded to 64 bytes with a newline, data. */
export function npyBytes(header: string, data: Uint8Array, version: 1 | 2 = 1): Uint8Array {
  const lengthBytes = version === 1 ? 2 : 4;
  const unpadded = 8 + lengthBytes + header.length + 1;
  const dict = header + ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const out = new Uint8Array(8 + lengthBytes + dict.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, dict.length, true);
  else view.setUint32(8, dict.length, true);
  out.set(new TextEncoder().encode(dict), 8 + lengthBytes);
  out.set(data, 8 + lengthBytes + dict.length);
  return out;
}

export function float32Npy(rows: number, cols: number, values: ArrayLike<number>): Uint8Array {
  return npyBytes(`{'descr': '<f4', 'fortran_order': False, 'shape': (${rows}, ${cols}), }`, new Uint8Array(Float32Array.from(values).buffer));
}

export const TOPICS = [
  ['neural', 'network', 'training', 'gradient', 'layers', 'optimizer', 'dropout', 'backpropagation'],
  ['protein', 'folding', 'molecular', 'enzyme', 'binding', 'residue', 'peptide', 'membrane'],
  ['galaxy', 'stellar', 'redshift', 'cosmic', 'telescope', 'luminosity', 'supernova', 'halo'],
  ['market', 'pricing', 'auction', 'equilibrium', 'trading', 'volatility', 'portfolio', 'demand'],
];
export const FLAVORS = ['glacier', 'volcano', 'desert'];
export const PAPERS = 40;
const DIMS = 8;
/** Record index of a duplicate row (of paper 3) that ingest skips: every later paper's record is its index + 1. */
export const DUPLICATE_AT = 20;

export const groupOf = (i: number): number => i % 3;
export const topicOf = (i: number): number => Math.floor(i / 10);


export interface PlantedRecord {
  id: string;
  title: string;
  abstract: string;
  date: string;
  label: string;
}

export function plantedPapers(): PlantedRecord[] {
  return Array.from({ length: PAPERS }, (_, i) => {
    const pool = TOPICS[topicOf(i)]!;
    const w = (k: number) => pool[(i + k) % pool.length]!;
    return {
      id: `p${i}`,
      title: `${FLAVORS[groupOf(i)]} ${w(0)} ${w(3)}`,
      abstract: `We study ${w(1)} and ${w(2)} with ${w(4)}. The ${w(5)} of ${w(6)} shapes ${w(0)} ${w(7)}.`,
      date: `2023-${String(1 + (i % 12)).padStart(2, '0')}-15`,
      label: FLAVORS[groupOf(i)]!,
    };
  });
}

/** One vector per paper: its group's centre (3 on one axis) plus Gaussian noise of sd 0.3. */
export function plantedVectors(seed = 7): Float32Array {
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const out = new Float32Array(PAPERS * DIMS);
  for (let i = 0; i < PAPERS; i++) {
    for (let j = 0; j < DIMS; j++) out[i * DIMS + j] = (j === groupOf(i) ? 3 : 0) + 0.3 * gauss();
  }
  return out;
}

/** The records as the input file holds them: the 40 papers with a duplicate of paper 3 at DUPLICATE_AT. */
function withDuplicate<T>(rows: T[], duplicate: T): T[] {
  return [...rows.slice(0, DUPLICATE_AT), duplicate, ...rows.slice(DUPLICATE_AT)];
}

export interface PlantedFiles {
  /** JSONL corpus, 41 records (one a duplicate ingest skips). */
  input: string;
  /** 41 × 8 float32 .npy, row i = record i (the duplicate's row is far from every group). */
  npy: string;
  /** The corpus with each record's vector in an "embedding" field. */
  fieldInput: string;
  /** JSONL of {"id", "vector"} rows, shuffled, one extra id that is not in the corpus. */
  byId: string;
  dims: number;
}

export function writePlanted(dir: string): PlantedFiles {
  const papers = plantedPapers();
  const vectors = plantedVectors();
  const rowOf = (i: number) => Array.from(vectors.subarray(i * DIMS, (i + 1) * DIMS));
  const far = Array.from({ length: DIMS }, (_, j) => (j === DIMS - 1 ? 50 : 0));
  const records = withDuplicate(papers, papers[3]!);
  const matrix = withDuplicate(papers.map((_, i) => rowOf(i)), far);
  const files: PlantedFiles = {
    input: join(dir, 'planted.jsonl'),
    npy: join(dir, 'planted.npy'),
    fieldInput: join(dir, 'planted-field.jsonl'),
    byId: join(dir, 'planted-ids.jsonl'),
    dims: DIMS,
  };
  writeFileSync(files.input, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  writeFileSync(files.npy, float32Npy(matrix.length, DIMS, matrix.flat()));
  writeFileSync(files.fieldInput, records.map((r, i) => JSON.stringify({ ...r, embedding: matrix[i] })).join('\n') + '\n');
  const order = papers.map((_, i) => (i * 17) % PAPERS);
  const byId = [...order.map((i) => ({ id: papers[i]!.id, vector: rowOf(i) })), { id: 'not-in-corpus', vector: far }];
  writeFileSync(files.byId, byId.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return files;
}
