/**
 * How faithfully the 2-D map keeps each paper's neighbourhood.
 */
import { dot, validateMatrix } from './knn.ts';
import { seededRandom } from './random.ts';

/** Default number of papers scored when n is large (each costs one O(n d) scan). */
export const PRESERVATION_SAMPLE = 500;

/**
 * Mean share of each paper's k nearest neighbours in X (cosine) that are also among its
 * k nearest on the map. All papers when n ≤ 5000, else a fixed-seed sample of
 * `sampleSize` (default 500) papers, so the score is reproducible.
 */
export function neighbourPreservation(
  X: Float32Array, n: number, d: number, coords: Float32Array, k = 10, sampleSize?: number,
): number {
  validateMatrix('neighbourPreservation', X, n, d);
  if (coords.length !== n * 2) throw new Error(`neighbourPreservation: coords has length ${coords.length}, expected n × 2 = ${n * 2}`);
  if (!Number.isInteger(k) || k < 1 || k >= n) throw new Error(`neighbourPreservation: k must be in [1, ${n - 1}], got ${k}`);
  const size = Math.min(n, sampleSize ?? (n <= 5000 ? n : PRESERVATION_SAMPLE));
  const sample = sampleRows(n, size, 0x5eed);

  const highIdx = new Int32Array(k);
  const highDst = new Float64Array(k);
  const lowIdx = new Int32Array(k);
  const lowDst = new Float64Array(k);
  let total = 0;
  for (const i of sample) {
    highDst.fill(Infinity);
    lowDst.fill(Infinity);
    const a = i * d;
    const x = coords[i * 2], y = coords[i * 2 + 1];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      pushSorted(highIdx, highDst, k, j, 1 - dot(X, a, j * d, d));
      const dx = coords[j * 2] - x, dy = coords[j * 2 + 1] - y;
      pushSorted(lowIdx, lowDst, k, j, dx * dx + dy * dy);
    }
    let shared = 0;
    for (let p = 0; p < k; p++) if (lowIdx.includes(highIdx[p])) shared++;
    total += shared / k;
  }
  return total / sample.length;
}

function pushSorted(idx: Int32Array, dst: Float64Array, k: number, j: number, dist: number): void {
  if (!(dist < dst[k - 1])) return;
  let p = k - 1;
  while (p > 0 && dst[p - 1] > dist) {
    dst[p] = dst[p - 1];
    idx[p] = idx[p - 1];
    p--;
  }
  dst[p] = dist;
  idx[p] = j;
}

/** `size` distinct rows of [0, n), sorted; all rows when size = n. */
export function sampleRows(n: number, size: number, seed: number): Int32Array {
  if (size >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(seed);
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = perm[i]; perm[i] = perm[j]; perm[j] = t;
  }
  return perm.slice(0, size).sort();
}
