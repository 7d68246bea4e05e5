/**
 * Row-to-centres squared distances, the hot loop of seeding and Lloyd:
 * ‖x − b‖² = ‖x‖² + ‖b‖² − 2·x·b, two rows at a time. WebAssembly SIMD when
 * available (wasmDots.ts, ~3.4× the JavaScript kernel), else distance.ts.
 */
import { squaredDistancesToAllPair } from './distance.ts';
import { createWasmDots } from './wasmDots.ts';

export interface DistanceKernel {
  readonly kind: 'wasm-simd' | 'js';
  /** Loads m centres (m × d) and their squared norms. */
  setCentres(B: Float64Array, bNormSq: Float64Array, m: number): void;
  /** out0[j] = ‖X_i0 − B_j‖², out1[j] = ‖X_i1 − B_j‖² (clamped at 0); i0 may equal i1. */
  pair(i0: number, i1: number, out0: Float64Array, out1: Float64Array): void;
}

export function createKernel(
  X: Float32Array,
  n: number,
  d: number,
  maxCentres: number,
  normsSq: Float64Array,
  options: { wasm?: boolean } = {},
): DistanceKernel {
  const wasm = options.wasm === false ? null : createWasmDots(X, n, d, maxCentres);
  let B: Float64Array = new Float64Array(0);
  let bNorm: Float64Array = new Float64Array(0);
  let m = 0;
  if (!wasm) {
    // Same arithmetic order as the WebAssembly kernel is not guaranteed: bytes may differ from the wasm path.
    return {
      kind: 'js',
      setCentres(centres, norms, count) {
        B = centres;
        bNorm = norms;
        m = count;
      },
      pair(i0, i1, out0, out1) {
        squaredDistancesToAllPair(X, i0, i1, normsSq[i0], normsSq[i1], B, bNorm, m, d, out0, out1);
      },
    };
  }
  return {
    kind: 'wasm-simd',
    setCentres(centres, norms, count) {
      wasm.setCentres(centres, count);
      bNorm = norms;
      m = count;
    },
    pair(i0, i1, out0, out1) {
      wasm.dotsPair(i0, i1, out0, out1);
      const a0 = normsSq[i0];
      const a1 = normsSq[i1];
      for (let j = 0; j < m; j++) {
        const s0 = a0 + bNorm[j] - 2 * out0[j];
        const s1 = a1 + bNorm[j] - 2 * out1[j];
        out0[j] = s0 > 0 ? s0 : 0;
        out1[j] = s1 > 0 ? s1 : 0;
      }
    },
  };
}
