import { describe, expect, it } from 'vitest';
import { dot, rowNormsSq, squaredDistance } from '../../../src/pipeline/cluster/distance.ts';
import { createKernel } from '../../../src/pipeline/cluster/kernel.ts';
import { createWasmDots } from '../../../src/pipeline/cluster/wasmDots.ts';
import { createRng } from '../../../src/pipeline/cluster/random.ts';

const n = 9;
const d = 6;
const m = 7; // one full block of four and a padded block
const rng = createRng(5);
const X = Float32Array.from({ length: n * d }, () => rng.next() - 0.5);
const B = Float64Array.from({ length: m * d }, () => rng.next() - 0.5);

describe('distance kernels', () => {
  it('WebAssembly dots equal the JavaScript dot product bit for bit', () => {
    const wasm = createWasmDots(X, n, d, m)!;
    expect(wasm).not.toBeNull();
    wasm.setCentres(B, m);
    const out0 = new Float64Array(m);
    const out1 = new Float64Array(m);
    wasm.dotsPair(2, 8, out0, out1);
    for (let j = 0; j < m; j++) {
      expect(out0[j]).toBe(dot(X, 2, B, j, d));
      expect(out1[j]).toBe(dot(X, 8, B, j, d));
    }
  });

  it('both kernels give squared distances', () => {
    const norms = rowNormsSq(X, n, d);
    const bNorms = rowNormsSq(B, m, d);
    for (const wasm of [true, false]) {
      const kernel = createKernel(X, n, d, m, norms, { wasm });
      expect(kernel.kind).toBe(wasm ? 'wasm-simd' : 'js');
      kernel.setCentres(B, bNorms, m);
      const out0 = new Float64Array(m);
      const out1 = new Float64Array(m);
      kernel.pair(4, 4, out0, out1);
      for (let j = 0; j < m; j++) {
        expect(out0[j]).toBeCloseTo(squaredDistance(X, 4, B, j, d), 12);
        expect(out1[j]).toBe(out0[j]);
      }
    }
  });

  it('declines odd widths (the kernel reads floats in pairs)', () => {
    expect(createWasmDots(new Float32Array(3), 1, 3, 4)).toBeNull();
  });
});
