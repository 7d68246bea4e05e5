/** Synthetic inputs for the cluster tests and benchmark. */
import { createRng } from '../../../src/pipeline/cluster/random.ts';

/**
 * `k` random unit centres in d dimensions, `n` points spread round-robin over
 * them with Gaussian noise σ per coordinate, each row L2-normalised (like LSA output).
 */
export function unitBlobs(n: number, d: number, k: number, sigma: number, seed: number): { X: Float32Array; truth: Int32Array } {
  const rng = createRng(seed);
  const gauss = (): number => {
    const u = 1 - rng.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
  };
  const centres = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    let norm = 0;
    for (let t = 0; t < d; t++) {
      const v = gauss();
      centres[c * d + t] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (let t = 0; t < d; t++) centres[c * d + t] /= norm;
  }
  const X = new Float32Array(n * d);
  const truth = new Int32Array(n);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    truth[i] = c;
    let norm = 0;
    for (let t = 0; t < d; t++) {
      row[t] = centres[c * d + t] + sigma * gauss();
      norm += row[t] * row[t];
    }
    norm = Math.sqrt(norm);
    for (let t = 0; t < d; t++) X[i * d + t] = row[t] / norm;
  }
  return { X, truth };
}

/** Adjusted Rand index of two labelings. */
export function adjustedRand(a: Int32Array, b: Int32Array): number {
  const n = a.length;
  const table = new Map<string, number>();
  const rowSum = new Map<number, number>();
  const colSum = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]},${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rowSum.set(a[i], (rowSum.get(a[i]) ?? 0) + 1);
    colSum.set(b[i], (colSum.get(b[i]) ?? 0) + 1);
  }
  const pairs = (m: number): number => (m * (m - 1)) / 2;
  let index = 0;
  for (const v of table.values()) index += pairs(v);
  let sa = 0;
  for (const v of rowSum.values()) sa += pairs(v);
  let sb = 0;
  for (const v of colSum.values()) sb += pairs(v);
  const expected = (sa * sb) / pairs(n);
  const max = (sa + sb) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
