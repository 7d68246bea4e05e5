/**
 * Blocked dot products in WebAssembly SIMD (f64x2), about twice the blocked
 * JavaScript kernel: two rows of X (Float32) against blocks of four centres
 * (Float64), Float64 accumulation. IEEE results are exact and unfused in
 * WebAssembly, so the bytes do not depend on the machine.
 *
 * The module is ~200 bytes, assembled below instruction by instruction (no
 * toolchain needed); `createWasmDots` returns null where SIMD is unavailable
 * and callers fall back to distance.ts. Memory layout: [centres | output | X].
 */

// --- a minimal assembler --------------------------------------------------
const uleb = (v: number): number[] => {
  const out: number[] = [];
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
};
const sleb = (v: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
};
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

const I32 = 0x7f;
const V128 = 0x7b;
const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (l: number) => [0x0c, ...uleb(l)],
  brIf: (l: number) => [0x0d, ...uleb(l)],
  get: (i: number) => [0x20, ...uleb(i)],
  set: (i: number) => [0x21, ...uleb(i)],
  i32: (v: number) => [0x41, ...sleb(v)],
  i32eqz: [0x45],
  i32ltu: [0x49],
  i32add: [0x6a],
  i32sub: [0x6b],
  i32shl: [0x74],
  f64add: [0xa0],
  f64store: (offset: number) => [0x39, 0x03, ...uleb(offset)],
  v128load: [0xfd, 0x00, 0x00, 0x00],
  v128load64zero: [0xfd, 0x5d, 0x00, 0x00],
  v128zero: [0xfd, 0x0c, ...new Array<number>(16).fill(0)],
  promoteLow: [0xfd, 0x5f],
  f64x2add: [0xfd, 0xf0, 0x01],
  f64x2mul: [0xfd, 0xf2, 0x01],
  extractLane: (l: number) => [0xfd, 0x21, l],
};

/**
 * dots2x4(xa, xb, c, blocks, d, out): for each of `blocks` blocks of four
 * centres (rows of d doubles from byte offset c), writes 8 doubles at out:
 * xa·c0..xa·c3, xb·c0..xb·c3, where xa, xb are byte offsets of two Float32
 * rows of even length d. Then c += 4 rows, out += 64 bytes.
 */
function assemble(): Uint8Array<ArrayBuffer> {
  // params 0 xa, 1 xb, 2 c, 3 blocks, 4 d, 5 out; locals 6 t, 7 tc, 8 stride, 9 endx, 10-12 c1..c3,
  // 13-20 accumulators s0..s3 r0..r3, 21 x, 22 y, 23 cv.
  const [XA, XB, C, BLOCKS, D, OUT, T, TC, STRIDE, ENDX] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const CK = [C, 10, 11, 12];
  const S = [13, 14, 15, 16];
  const R = [17, 18, 19, 20];
  const [XV, YV, CV] = [21, 22, 23];
  const body: number[] = [
    ...op.get(D), ...op.i32(3), ...op.i32shl, ...op.set(STRIDE),
    ...op.get(D), ...op.i32(2), ...op.i32shl, ...op.set(ENDX),
    ...op.block, ...op.loop,
    ...op.get(BLOCKS), ...op.i32eqz, ...op.brIf(1),
    ...[10, 11, 12].flatMap((l, m) => [...op.get(m === 0 ? C : l - 1), ...op.get(STRIDE), ...op.i32add, ...op.set(l)]),
    ...[...S, ...R].flatMap((l) => [...op.v128zero, ...op.set(l)]),
    ...op.i32(0), ...op.set(T), ...op.i32(0), ...op.set(TC),
    ...op.loop,
    ...op.get(XA), ...op.get(T), ...op.i32add, ...op.v128load64zero, ...op.promoteLow, ...op.set(XV),
    ...op.get(XB), ...op.get(T), ...op.i32add, ...op.v128load64zero, ...op.promoteLow, ...op.set(YV),
    ...[0, 1, 2, 3].flatMap((m) => [
      ...op.get(CK[m]), ...op.get(TC), ...op.i32add, ...op.v128load, ...op.set(CV),
      ...op.get(S[m]), ...op.get(XV), ...op.get(CV), ...op.f64x2mul, ...op.f64x2add, ...op.set(S[m]),
      ...op.get(R[m]), ...op.get(YV), ...op.get(CV), ...op.f64x2mul, ...op.f64x2add, ...op.set(R[m]),
    ]),
    ...op.get(T), ...op.i32(8), ...op.i32add, ...op.set(T),
    ...op.get(TC), ...op.i32(16), ...op.i32add, ...op.set(TC),
    ...op.get(T), ...op.get(ENDX), ...op.i32ltu, ...op.brIf(0),
    ...op.end,
    ...[...S, ...R].flatMap((l, m) => [
      ...op.get(OUT),
      ...op.get(l), ...op.extractLane(0), ...op.get(l), ...op.extractLane(1), ...op.f64add,
      ...op.f64store(8 * m),
    ]),
    ...op.get(C), ...op.get(STRIDE), ...op.i32(2), ...op.i32shl, ...op.i32add, ...op.set(C),
    ...op.get(OUT), ...op.i32(64), ...op.i32add, ...op.set(OUT),
    ...op.get(BLOCKS), ...op.i32(1), ...op.i32sub, ...op.set(BLOCKS),
    ...op.br(0),
    ...op.end, ...op.end,
    ...op.end,
  ];
  const locals = vec([[...uleb(7), I32], [...uleb(14), V128]]);
  const code = [...locals, ...body];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, ...vec(new Array(6).fill([I32])), 0x00]])),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(1)]])),
    ...section(3, vec([[0x00]])),
    ...section(7, vec([[...name('dots2x4'), 0x00, 0x00]])),
    ...section(10, vec([[...uleb(code.length), ...code]])),
  ]);
}

let compiled: WebAssembly.Module | null | undefined;
function module(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      const bytes = assemble();
      compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

export interface WasmDots {
  /** X copied into the module's memory. */
  readonly X: Float32Array;
  /** Loads m centres (m × d) as the current right-hand side. */
  setCentres(B: Float64Array, m: number): void;
  /** out0[j] = X_i0 · B_j and out1[j] = X_i1 · B_j for j < m (the last block is zero-padded). */
  dotsPair(i0: number, i1: number, out0: Float64Array, out1: Float64Array): void;
}

/** Null when WebAssembly SIMD is unavailable or d is odd (the kernel reads floats in pairs). */
export function createWasmDots(X: Float32Array, n: number, d: number, maxCentres: number): WasmDots | null {
  const mod = module();
  if (!mod || d % 2 !== 0) return null;
  const maxBlocks = Math.ceil(maxCentres / 4);
  const centreBytes = align(maxBlocks * 4 * d * 8);
  const outBytes = align(maxBlocks * 64);
  const xOffset = centreBytes + outBytes;
  const total = xOffset + n * d * 4;
  if (total > 2 ** 31) return null; // i32 offsets
  const memory = new WebAssembly.Memory({ initial: Math.ceil(total / 65536) });
  const instance = new WebAssembly.Instance(mod, { env: { memory } });
  const dots2x4 = instance.exports.dots2x4 as (xa: number, xb: number, c: number, blocks: number, d: number, out: number) => void;
  const centres = new Float64Array(memory.buffer, 0, maxBlocks * 4 * d);
  const out = new Float64Array(memory.buffer, centreBytes, maxBlocks * 8);
  const inMemory = new Float32Array(memory.buffer, xOffset, n * d);
  inMemory.set(X);
  let blocks = 0;
  let m = 0;
  const rowBytes = d * 4;
  return {
    X: inMemory,
    setCentres(B, count) {
      if (count > maxCentres) throw new RangeError(`wasmDots: ${count} centres exceed the ${maxCentres} reserved`);
      m = count;
      blocks = Math.ceil(count / 4);
      centres.set(B.subarray(0, count * d));
      centres.fill(0, count * d, blocks * 4 * d);
    },
    dotsPair(i0, i1, out0, out1) {
      dots2x4(xOffset + i0 * rowBytes, xOffset + i1 * rowBytes, 0, blocks, d, centreBytes);
      for (let j = 0; j < m; j++) {
        const o = ((j >> 2) << 3) | (j & 3);
        out0[j] = out[o];
        out1[j] = out[o + 4];
      }
    },
  };
}

function align(bytes: number): number {
  return Math.ceil(bytes / 64) * 64;
}
