/**
 * Starting positions for the layout.
 *
 * `pcaInit`: projection of X onto its top two principal axes, scaled so the largest
 * coordinate is ±10 (umap-learn's spectral-init scale) plus N(0, 1e-4) seeded jitter so
 * duplicate papers do not start on the same spot. Cheap (one d × d covariance) and
 * deterministic, and keeps the global arrangement of topics that a random start loses.
 * `randomInit`: uniform in [-10, 10), drawn exactly as umap-js does.
 */
import { gaussian, type RandomFn } from './random.ts';

export function randomInit(n: number, random: RandomFn): Float64Array {
  const out = new Float64Array(n * 2);
  for (let i = 0; i < n * 2; i++) out[i] = random() * 20 + -10;
  return out;
}

export function pcaInit(X: Float32Array, n: number, d: number, random: RandomFn): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) mean[t] += X[i * d + t];
  for (let t = 0; t < d; t++) mean[t] /= n;

  // Upper triangle of the covariance, accumulated row by row.
  const cov = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) row[t] = X[i * d + t] - mean[t];
    for (let s = 0; s < d; s++) {
      const rs = row[s];
      if (rs === 0) continue;
      const base = s * d;
      for (let t = s; t < d; t++) cov[base + t] += rs * row[t];
    }
  }
  for (let s = 0; s < d; s++) for (let t = 0; t < s; t++) cov[s * d + t] = cov[t * d + s];

  const axes = topEigenvectors(cov, d, 2);
  const out = new Float64Array(n * 2);
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 2; c++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += (X[i * d + t] - mean[t]) * axes[c * d + t];
      out[i * 2 + c] = s;
      if (Math.abs(s) > maxAbs) maxAbs = Math.abs(s);
    }
  }
  const scale = maxAbs > 0 ? 10 / maxAbs : 1;
  for (let i = 0; i < n * 2; i++) out[i] = out[i] * scale + 1e-4 * gaussian(random);
  return out;
}

/** Top `count` eigenvectors of a symmetric matrix by orthogonal (subspace) iteration; rows of the result. */
export function topEigenvectors(A: Float64Array, d: number, count: number, iterations = 300): Float64Array {
  const V = new Float64Array(count * d);
  // Fixed, non-degenerate start so the result is reproducible.
  for (let c = 0; c < count; c++) for (let t = 0; t < d; t++) V[c * d + t] = Math.sin(1 + (c + 1) * (t + 1) * 0.7);
  const W = new Float64Array(count * d);
  for (let it = 0; it < iterations; it++) {
    for (let c = 0; c < count; c++) {
      for (let s = 0; s < d; s++) {
        let acc = 0;
        for (let t = 0; t < d; t++) acc += A[s * d + t] * V[c * d + t];
        W[c * d + s] = acc;
      }
    }
    // Gram-Schmidt.
    for (let c = 0; c < count; c++) {
      for (let p = 0; p < c; p++) {
        let proj = 0;
        for (let t = 0; t < d; t++) proj += W[c * d + t] * W[p * d + t];
        for (let t = 0; t < d; t++) W[c * d + t] -= proj * W[p * d + t];
      }
      let norm = 0;
      for (let t = 0; t < d; t++) norm += W[c * d + t] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let t = 0; t < d; t++) W[c * d + t] /= norm;
    }
    V.set(W);
  }
  // Sign convention: largest-magnitude component positive.
  for (let c = 0; c < count; c++) {
    let best = 0;
    for (let t = 0; t < d; t++) if (Math.abs(V[c * d + t]) > Math.abs(best)) best = V[c * d + t];
    if (best < 0) for (let t = 0; t < d; t++) V[c * d + t] = -V[c * d + t];
  }
  return V;
}
