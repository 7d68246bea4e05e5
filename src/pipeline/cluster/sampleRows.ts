import { createRng } from './random.ts';

/** `m` distinct rows of [0, n), ascending (partial Fisher–Yates). */
export function sampleRows(n: number, m: number, seed: number): Int32Array {
  const rng = createRng(seed);
  if (m >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < m; i++) {
    const j = i + rng.int(n - i);
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, m).sort();
}
