/**
 * UMAP's stochastic layout optimisation over typed arrays (2-D only).
 *
 * A line-for-line port of umap-js 1.4.0 `optimizeLayoutStep` (itself a port of
 * umap-learn's `optimize_layout_euclidean`): per-edge epochs_per_sample, negative
 * sampling, gradient clipping at 4, linear learning-rate decay. Same arithmetic and
 * the same order of random draws, so with the same `random` it gives the same layout
 * as umap-js up to rounding: d^b comes from a table (fastPow.ts, ~1e-6 relative error),
 * 6× cheaper than Math.pow, so trajectories diverge from umap-js's after some epochs
 * but the layouts agree statistically (see the tests).
 */
import type { RandomFn } from './random.ts';
import { makeFastPow } from './fastPow.ts';

export interface LayoutEdges {
  /** Moving endpoint (row of headEmbedding). */
  head: Int32Array;
  /** Other endpoint (row of tailEmbedding). */
  tail: Int32Array;
  epochsPerSample: Float64Array;
}

export interface OptimizeOptions {
  a: number;
  b: number;
  nEpochs: number;
  /** Rows of tailEmbedding negative samples are drawn from. */
  nVertices: number;
  /** Pull the tail endpoint too (fit); false when placing new points. */
  moveOther: boolean;
  random: RandomFn;
  initialAlpha?: number;
  gamma?: number;
  negativeSampleRate?: number;
  onEpoch?: (epoch: number, total: number) => void;
}

/** umap-js `makeEpochsPerSample`: how many epochs between samples of each edge (-1 = never). */
export function epochsPerSample(weights: Float64Array, nEpochs: number): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < weights.length; i++) if (weights[i] > max) max = weights[i];
  const out = new Float64Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const nSamples = (weights[i] / max) * nEpochs;
    out[i] = nSamples > 0 ? nEpochs / nSamples : -1;
  }
  return out;
}

const CLIP = 4;

function clip(x: number): number {
  return x > CLIP ? CLIP : x < -CLIP ? -CLIP : x;
}

/** Runs all epochs in place on headEmbedding (and tailEmbedding when moveOther). */
export function optimizeLayout(
  headEmbedding: Float64Array, tailEmbedding: Float64Array, edges: LayoutEdges, o: OptimizeOptions,
): void {
  const { head, tail, epochsPerSample: eps } = edges;
  const { a, b, nEpochs, nVertices, moveOther, random } = o;
  const initialAlpha = o.initialAlpha ?? 1;
  const gamma = o.gamma ?? 1;
  const negativeSampleRate = o.negativeSampleRate ?? 5;
  const nEdges = eps.length;
  const epsNeg = new Float64Array(nEdges);
  for (let i = 0; i < nEdges; i++) epsNeg[i] = eps[i] / negativeSampleRate;
  const nextNeg = epsNeg.slice();
  const next = eps.slice();
  let alpha = initialAlpha;
  const powb = makeFastPow(b);

  for (let n = 0; n < nEpochs; n++) {
    for (let i = 0; i < nEdges; i++) {
      if (next[i] > n) continue;
      const j = head[i] * 2;
      const k = tail[i] * 2;
      const c0 = headEmbedding[j], c1 = headEmbedding[j + 1];
      const d0 = c0 - tailEmbedding[k], d1 = c1 - tailEmbedding[k + 1];
      const distSquared = d0 * d0 + d1 * d1;
      let gradCoeff = 0;
      if (distSquared > 0) {
        const powB = powb(distSquared); // d^(b-1) = d^b / d
        gradCoeff = (-2.0 * a * b * (powB / distSquared)) / (a * powB + 1.0);
      }
      // Dimension 0 then 1, each reading the other endpoint after the previous update (as umap-js).
      let g = clip(gradCoeff * d0);
      headEmbedding[j] = c0 + g * alpha;
      if (moveOther) tailEmbedding[k] += -g * alpha;
      g = clip(gradCoeff * (headEmbedding[j + 1] - tailEmbedding[k + 1]));
      headEmbedding[j + 1] += g * alpha;
      if (moveOther) tailEmbedding[k + 1] += -g * alpha;
      next[i] += eps[i];

      const nNeg = Math.floor((n - nextNeg[i]) / epsNeg[i]);
      const hi = head[i];
      for (let p = 0; p < nNeg; p++) {
        const kn = Math.floor(random() * nVertices);
        const q = kn * 2;
        const e0 = headEmbedding[j] - tailEmbedding[q];
        const e1 = headEmbedding[j + 1] - tailEmbedding[q + 1];
        const ds = e0 * e0 + e1 * e1;
        let coeff = 0;
        if (ds > 0) {
          coeff = (2.0 * gamma * b) / ((0.001 + ds) * (a * powb(ds) + 1));
        } else if (hi === kn) {
          continue;
        }
        headEmbedding[j] += (coeff > 0 ? clip(coeff * (headEmbedding[j] - tailEmbedding[q])) : 4) * alpha;
        headEmbedding[j + 1] += (coeff > 0 ? clip(coeff * (headEmbedding[j + 1] - tailEmbedding[q + 1])) : 4) * alpha;
      }
      nextNeg[i] += nNeg * epsNeg[i];
    }
    alpha = initialAlpha * (1.0 - n / nEpochs);
    o.onEpoch?.(n + 1, nEpochs);
  }
}
