/**
 * Reader for NumPy's .npy format (numpy.save), versions 1-3: the magic
 * "\x93NUMPY", a major and minor version byte, the header length (uint16 LE in
 * version 1, uint32 LE after), then an ASCII Python dict literal such as
 * `{'descr': '<f4', 'fortran_order': False, 'shape': (40, 8), }` and the raw
 * data. Only 2-D float32/float64 matrices in C order are accepted: that is what
 * `numpy.save('vecs.npy', emb.astype('float32'))` writes for an embedding matrix.
 * https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html
 */
import { open } from 'node:fs/promises';
import { UserError } from '../ingest/types.ts';
import { describeFsError } from '../ingest/fsError.ts';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

export interface NpyHeader {
  /** Bytes per element: 4 (float32) or 8 (float64). */
  itemSize: 4 | 8;
  littleEndian: boolean;
  rows: number;
  cols: number;
  /** Where the data starts. */
  dataOffset: number;
}

export function hasNpyMagic(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

/** Bytes needed before the header dict can be read: the magic, the version and the length field. */
export const NPY_PREAMBLE_BYTES = 12;

/**
 * Reads the header from the file's first bytes (at least `NPY_PREAMBLE_BYTES`,
 * and the whole header when the length field says more). Throws a UserError
 * naming `file` for anything but a 2-D C-order float32/float64 matrix.
 */
function checkMagic(bytes: Uint8Array, file: string): void {
  if (bytes.length < 10 || !hasNpyMagic(bytes)) {
    throw new UserError(`${file}: not a .npy file (no \\x93NUMPY magic at the start); write it with numpy.save('vecs.npy', emb.astype('float32'))`);
  }
}

export function parseNpyHeader(bytes: Uint8Array, file: string): NpyHeader {
  checkMagic(bytes, file);
  const major = bytes[6]!;
  if (major < 1 || major > 3) throw new UserError(`${file}: .npy format version ${major}.${bytes[7]} is not supported (1, 2 or 3)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) throw new UserError(`${file}: truncated .npy header`);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataOffset = 8 + lengthBytes + headerLength;
  if (bytes.length < dataOffset) throw new UserError(`${file}: truncated .npy header (expected ${headerLength} header bytes)`);
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(8 + lengthBytes, dataOffset)).trim();
  if (!header.startsWith('{') || !header.endsWith('}')) throw new UserError(`${file}: .npy header is not a dict: ${header.slice(0, 80)}`);

  const descr = /['"]descr['"]\s*:\s*['"]([^'"]*)['"]/.exec(header)?.[1];
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(header)?.[1];
  const shape = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shape === undefined) {
    throw new UserError(`${file}: .npy header lacks a simple 'descr', 'fortran_order' or 'shape': ${header.slice(0, 80)}`);
  }
  const dtype = /^([<>|=])f([48])$/.exec(descr);
  if (!dtype || dtype[1] === '|') {
    throw new UserError(`${file}: dtype '${descr}' is not float32 or float64; save it with emb.astype('float32')`);
  }
  if (fortran === 'True') {
    throw new UserError(`${file}: the matrix is stored in Fortran (column-major) order; save numpy.ascontiguousarray(emb) instead`);
  }
  const dims = shape.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (dims.length !== 2 || !dims.every((s) => /^\d+$/.test(s))) {
    throw new UserError(`${file}: shape (${shape.trim()}) is not a 2-D matrix (papers × dimensions)`);
  }
  const [rows, cols] = dims.map(Number) as [number, number];
  if (rows === 0 || cols === 0) throw new UserError(`${file}: shape (${rows}, ${cols}) is empty`);
  return { itemSize: Number(dtype[2]) as 4 | 8, littleEndian: dtype[1] !== '>', rows, cols, dataOffset };
}

/** Bytes read per call while filling the matrix: large enough to be fast, small enough not to double the memory. */
const CHUNK_BYTES = 16 << 20;

/**
 * The matrix of a .npy file as float32 (float64 is rounded), rows × cols row-major.
 * The data is read straight into the result (no copy of the whole file), and its
 * size must be exactly what the header promises.
 */
export async function readNpyFile(path: string, file = path): Promise<{ rows: number; cols: number; data: Float32Array }> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw new UserError(`${file}: cannot read the vectors file (${describeFsError(e)})`);
  }
  try {
    const size = (await handle.stat()).size;
    const preamble = new Uint8Array(NPY_PREAMBLE_BYTES);
    const { bytesRead } = await handle.read(preamble, 0, preamble.length, 0);
    // The header length field is all that is needed to know how much more to read.
    const peek = parseHeaderLength(preamble.subarray(0, bytesRead), file);
    const head = new Uint8Array(Math.min(peek, size));
    await handle.read(head, 0, head.length, 0);
    const header = parseNpyHeader(head, file);
    const { rows, cols, itemSize, littleEndian, dataOffset } = header;
    const expected = rows * cols * itemSize;
    const actual = size - dataOffset;
    if (actual !== expected) {
      throw new UserError(
        `${file}: ${actual < expected ? 'truncated' : 'has trailing bytes'}: shape (${rows}, ${cols}) of ${itemSize * 8}-bit floats needs ${expected} data bytes, the file has ${actual}`,
      );
    }
    const data = new Float32Array(rows * cols);
    if (itemSize === 4 && littleEndian) {
      const target = new Uint8Array(data.buffer);
      for (let at = 0; at < expected; at += CHUNK_BYTES) {
        await handle.read(target, at, Math.min(CHUNK_BYTES, expected - at), dataOffset + at);
      }
    } else {
      // A chunk holds whole elements, so no element straddles two reads.
      const chunk = new Uint8Array(CHUNK_BYTES - (CHUNK_BYTES % itemSize));
      const view = new DataView(chunk.buffer);
      let element = 0;
      for (let at = 0; at < expected; at += chunk.length) {
        const length = Math.min(chunk.length, expected - at);
        await handle.read(chunk, 0, length, dataOffset + at);
        for (let b = 0; b < length; b += itemSize, element++) {
          data[element] = itemSize === 8 ? view.getFloat64(b, littleEndian) : view.getFloat32(b, littleEndian);
        }
      }
    }
    return { rows, cols, data };
  } finally {
    await handle.close();
  }
}

/** Magic + version + length field → the offset where the data starts (the whole header's size). */
function parseHeaderLength(preamble: Uint8Array, file: string): number {
  checkMagic(preamble, file);
  const view = new DataView(preamble.buffer, preamble.byteOffset, preamble.byteLength);
  const major = preamble[6]!;
  if (major === 1) return 10 + view.getUint16(8, true);
  if (preamble.length < 12) throw new UserError(`${file}: truncated .npy header`);
  return 12 + view.getUint32(8, true);
}
