/**
 * x^b for a fixed b, by table lookup on the bits of x with linear interpolation
 * (relative error ≈ 1e-6 at b ≈ 0.9; measured in the tests).
 *
 * The layout loop evaluates d^b once per edge sample and once per negative sample
 * (~2·10⁹ times at 150k papers). Math.pow, or Math.exp(b·Math.log x), was 60% of its
 * time; umap-learn compiles the same loop with fastmath for the same reason.
 */
const LOW_BINADE = -40; // x < 2^-40 or x ≥ 2^20 falls back to Math.pow
const HIGH_BINADE = 20;
const MANTISSA_BITS = 8;
const SLOTS = 1 << MANTISSA_BITS;
const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);

export type PowFn = (x: number) => number;

export function makeFastPow(b: number): PowFn {
  const binades = HIGH_BINADE - LOW_BINADE;
  const table = new Float64Array(binades * SLOTS + 1);
  for (let e = 0; e < binades; e++) {
    for (let s = 0; s < SLOTS; s++) table[e * SLOTS + s] = Math.pow(2 ** (e + LOW_BINADE) * (1 + s / SLOTS), b);
  }
  table[binades * SLOTS] = Math.pow(2 ** HIGH_BINADE, b);
  const lowKey = (LOW_BINADE + 1023) << MANTISSA_BITS;
  const size = binades * SLOTS;
  const shift = 20 - MANTISSA_BITS;
  const fracScale = 1 / (1 << shift);
  const fracMask = (1 << shift) - 1;
  return (x: number): number => {
    f64[0] = x;
    const hi = i32[1];
    const j = (hi >> shift) - lowKey;
    if (j < 0 || j >= size) return Math.pow(x, b);
    const t0 = table[j];
    return t0 + (table[j + 1] - t0) * ((hi & fracMask) * fracScale);
  };
}
