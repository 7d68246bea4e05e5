/** The .npy reader on bytes made by hand and on two files numpy.save wrote. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseNpyHeader, readNpyFile } from '../../../src/pipeline/vectors/npy.ts';
import { UserError } from '../../../src/pipeline/ingest/types.ts';
import { float32Npy, npyBytes } from './planted.ts';

const dir = mkdtempSync(join(tmpdir(), 'atlas-npy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
function fileOf(bytes: Uint8Array): string {
  const path = join(dir, `m${count++}.npy`);
  writeFileSync(path, bytes);
  return path;
}

async function errorOf(bytes: Uint8Array): Promise<string> {
  try {
    await readNpyFile(fileOf(bytes), 'vecs.npy');
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error('expected a UserError');
}

const header = (descr: string, shape: string, fortran = 'False') => `{'descr': '${descr}', 'fortran_order': ${fortran}, 'shape': ${shape}, }`;

// numpy.save(b, numpy.array([[1.5, -2, 0.25], [3, 4, 1e-3]], dtype='<f4')) and the same with dtype='>f8'.
const NUMPY_F4 =
  'k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAMA/AAAAwAAAgD4AAEBAAACAQG8Sgzo=';
const NUMPY_BIG_F8 =
  'k05VTVBZAQB2AHsnZGVzY3InOiAnPmY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAo/+AAAAAAAAMAAAAAAAAAAP9AAAAAAAABACAAAAAAAAEAQAAAAAAAAP1BiTdLxqfw=';
const EXPECTED = [1.5, -2, 0.25, 3, 4, Math.fround(1e-3)];

describe('readNpyFile', () => {
  it('reads files numpy.save wrote (float32, and big-endian float64 rounded to float32)', async () => {
    for (const b64 of [NUMPY_F4, NUMPY_BIG_F8]) {
      const m = await readNpyFile(fileOf(new Uint8Array(Buffer.from(b64, 'base64'))));
      expect([m.rows, m.cols]).toEqual([2, 3]);
      expect(Array.from(m.data)).toEqual(EXPECTED);
    }
  });

  it('reads a hand-made float32 matrix, version 1 and version 2 headers', async () => {
    const values = [0.5, 1, -1, 2, 7, 8];
    for (const version of [1, 2] as const) {
      const bytes = npyBytes(header('<f4', '(3, 2)'), new Uint8Array(Float32Array.from(values).buffer), version);
      const m = await readNpyFile(fileOf(bytes));
      expect([m.rows, m.cols]).toEqual([3, 2]);
      expect(Array.from(m.data)).toEqual(values);
    }
  });

  it('converts float64 to float32', async () => {
    const values = [0.1, 1 / 3, -2.5, 1e-300];
    const m = await readNpyFile(fileOf(npyBytes(header('<f8', '(2, 2)'), new Uint8Array(Float64Array.from(values).buffer))));
    expect(Array.from(m.data)).toEqual(values.map(Math.fround));
  });

  it('says a file without the magic is not a .npy file', async () => {
    const bytes = float32Npy(1, 2, [1, 2]);
    bytes[1] = 0x58;
    expect(await errorOf(bytes)).toMatch(/^vecs\.npy: not a \.npy file \(no \\x93NUMPY magic/);
    expect(await errorOf(new TextEncoder().encode('[1, 2]\n'))).toMatch(/not a \.npy file/);
  });

  it('refuses Fortran order, other dtypes and shapes that are not 2-D, in one line naming the file', async () => {
    const data = new Uint8Array(16);
    expect(await errorOf(npyBytes(header('<f4', '(2, 2)', 'True'), data))).toBe(
      'vecs.npy: the matrix is stored in Fortran (column-major) order; save numpy.ascontiguousarray(emb) instead',
    );
    expect(await errorOf(npyBytes(header('<i4', '(2, 2)'), data))).toBe("vecs.npy: dtype '<i4' is not float32 or float64; save it with emb.astype('float32')");
    expect(await errorOf(npyBytes(header('<f2', '(4, 2)'), data))).toMatch(/dtype '<f2' is not float32/);
    expect(await errorOf(npyBytes(header('<f4', '(4,)'), data))).toBe('vecs.npy: shape (4,) is not a 2-D matrix (papers × dimensions)');
    expect(await errorOf(npyBytes(header('<f4', '(1, 2, 2)'), data))).toMatch(/shape \(1, 2, 2\) is not a 2-D matrix/);
    expect(await errorOf(npyBytes("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }", data))).toMatch(/lacks a simple 'descr'/);
  });

  it('says a truncated file is truncated, and counts the bytes', async () => {
    const whole = float32Npy(3, 4, Array.from({ length: 12 }, (_, i) => i));
    expect(await errorOf(whole.subarray(0, whole.length - 5))).toBe(
      'vecs.npy: truncated: shape (3, 4) of 32-bit floats needs 48 data bytes, the file has 43',
    );
    expect(await errorOf(whole.subarray(0, 40))).toMatch(/^vecs\.npy: truncated \.npy header/);
    expect(await errorOf(whole.subarray(0, 9))).toMatch(/not a \.npy file/);
    const longer = new Uint8Array(whole.length + 4);
    longer.set(whole);
    expect(await errorOf(longer)).toMatch(/has trailing bytes: .* needs 48 data bytes, the file has 52/);
  });

  it('names a file it cannot open', async () => {
    await expect(readNpyFile(join(dir, 'missing.npy'), 'missing.npy')).rejects.toThrow('missing.npy: cannot read the vectors file (no such file)');
  });
});

describe('parseNpyHeader', () => {
  it('gives the data offset: a multiple of 64, as numpy aligns it (128 for this header, as in the numpy-written file)', () => {
    const h = parseNpyHeader(float32Npy(5, 3, new Float32Array(15)), 'x.npy');
    expect(h).toEqual({ itemSize: 4, littleEndian: true, rows: 5, cols: 3, dataOffset: 128 });
    expect(parseNpyHeader(new Uint8Array(Buffer.from(NUMPY_F4, 'base64')), 'x.npy').dataOffset).toBe(128);
  });

  it('refuses an unknown format version', () => {
    const bytes = float32Npy(1, 1, [1]);
    bytes[6] = 4;
    expect(() => parseNpyHeader(bytes, 'x.npy')).toThrow('x.npy: .npy format version 4.0 is not supported (1, 2 or 3)');
  });
});
