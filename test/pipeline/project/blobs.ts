/**
 * Stand-in LSA vectors: unit vectors around `clusters` random unit centres. Each cluster
 * spreads along its own `intrinsicDim`-dimensional random subspace (plus 1% isotropic
 * noise), so neighbourhoods mean something, as in real topic data.
 */
import { gaussian, seededRandom } from '../../../src/pipeline/project/random.ts';

export interface Blobs {
  X: Float32Array;
  labels: Int32Array;
  n: number;
  d: number;
}

export function makeBlobs(n: number, d: number, clusters: number, spread: number, seed: number, intrinsicDim = 3): Blobs {
  const random = seededRandom(seed);
  const centres = new Float64Array(clusters * d);
  for (let c = 0; c < clusters; c++) {
    let norm = 0;
    for (let t = 0; t < d; t++) norm += (centres[c * d + t] = gaussian(random)) ** 2;
    norm = Math.sqrt(norm);
    for (let t = 0; t < d; t++) centres[c * d + t] /= norm;
  }
  const axes = new Float64Array(clusters * intrinsicDim * d);
  for (let i = 0; i < axes.length; i++) axes[i] = gaussian(random) / Math.sqrt(d);
  const X = new Float32Array(n * d);
  const labels = new Int32Array(n);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const c = i % clusters;
    labels[i] = c;
    let norm = 0;
    for (let t = 0; t < d; t++) row[t] = centres[c * d + t] + 0.01 * gaussian(random);
    for (let q = 0; q < intrinsicDim; q++) {
      const z = spread * gaussian(random);
      const base = (c * intrinsicDim + q) * d;
      for (let t = 0; t < d; t++) row[t] += z * axes[base + t];
    }
    for (let t = 0; t < d; t++) norm += row[t] ** 2;
    norm = Math.sqrt(norm);
    for (let t = 0; t < d; t++) X[i * d + t] = row[t] / norm;
  }
  return { X, labels, n, d };
}
