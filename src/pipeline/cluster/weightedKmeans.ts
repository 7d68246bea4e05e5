/**
 * Weighted k-means on a few points, in plain Float64 JavaScript: greedy
 * k-means++ seeding (draws ∝ weight × D²) and Lloyd with weighted means.
 *
 * The granularity levels use it on small inputs: the k default centroids
 * weighted by cluster size (→ coarse level), and the members of one cluster
 * (→ a split of the fine level). Pure: same inputs and seed, same bytes.
 */
import { squaredDistance } from './distance.ts';
import { createRng, deriveSeed, type Rng } from './random.ts';
import { drawProportional, seedingTrials } from './seeding.ts';

type Rows = Float32Array | Float64Array;

export interface WeightedKMeansOptions {
  seed: number;
  /** Independent seedings; the lowest weighted inertia wins (ties: lowest index). Default 1. */
  restarts?: number;
  /** Lloyd iterations per run. Default 300. */
  maxIterations?: number;
}

export interface WeightedKMeansResult {
  /** Group per point (index into `rows`), 0..k-1 in seeding order; no group is empty. */
  labels: Int32Array;
  /** k × d weighted means of the groups. */
  centroids: Float64Array;
  /** Σ weight × squared distance to the point's group mean. */
  inertia: number;
  iterations: number;
}

/**
 * @param P matrix the points are rows of (d wide).
 * @param rows the m points, as row indices of P.
 * @param weights per point (parallel to `rows`), > 0; null = all 1.
 */
export function weightedKMeans(
  P: Rows,
  rows: Int32Array,
  d: number,
  k: number,
  weights: Float64Array | null,
  options: WeightedKMeansOptions,
): WeightedKMeansResult {
  const m = rows.length;
  if (!Number.isInteger(k) || k < 1 || k > m) throw new RangeError(`weightedKMeans: k = ${k} must be in [1, ${m}]`);
  const w = weights ?? new Float64Array(m).fill(1);
  if (w.length !== m) throw new RangeError(`weightedKMeans: ${w.length} weights for ${m} points`);
  for (let i = 0; i < m; i++) if (!(w[i] > 0)) throw new RangeError(`weightedKMeans: weight ${i} is ${w[i]}, expected > 0`);
  const restarts = options.restarts ?? 1;
  const maxIterations = options.maxIterations ?? 300;
  let best: WeightedKMeansResult | null = null;
  for (let r = 0; r < restarts; r++) {
    const run = lloydWeighted(P, rows, d, k, w, seedWeighted(P, rows, d, k, w, createRng(deriveSeed(options.seed, r))), maxIterations);
    if (!best || run.inertia < best.inertia) best = run;
  }
  return best!;
}

/** Greedy k-means++ (scikit-learn's variant) with weights; returns k × d starting centres. */
function seedWeighted(P: Rows, rows: Int32Array, d: number, k: number, w: Float64Array, rng: Rng): Float64Array {
  const m = rows.length;
  const centres = new Float64Array(k * d);
  const chosen = new Uint8Array(m);
  const closestSq = new Float64Array(m);
  const cumulative = new Float64Array(m);
  const trials = seedingTrials(k);
  const candidateSq = new Float64Array(m);
  const bestSq = new Float64Array(m);

  const take = (c: number, p: number): void => {
    chosen[p] = 1;
    const src = rows[p] * d;
    for (let t = 0; t < d; t++) centres[c * d + t] = P[src + t];
  };
  let running = 0;
  for (let i = 0; i < m; i++) cumulative[i] = running += w[i];
  const first = drawProportional(cumulative, rng.next() * running);
  take(0, first);
  for (let i = 0; i < m; i++) closestSq[i] = squaredDistance(P, rows[i], P, rows[first], d);

  for (let c = 1; c < k; c++) {
    running = 0;
    for (let i = 0; i < m; i++) cumulative[i] = running += w[i] * closestSq[i];
    let pick = -1;
    if (running > 0) {
      let bestPotential = Infinity;
      for (let t = 0; t < trials; t++) {
        const p = drawProportional(cumulative, rng.next() * running);
        let potential = 0;
        for (let i = 0; i < m; i++) {
          const s = Math.min(closestSq[i], squaredDistance(P, rows[i], P, rows[p], d));
          candidateSq[i] = s;
          potential += w[i] * s;
        }
        if (potential < bestPotential) {
          bestPotential = potential;
          pick = p;
          bestSq.set(candidateSq);
        }
      }
    } else {
      // Every point coincides with a centre: take the first unchosen one (its group may end up empty; Lloyd refills it).
      pick = chosen.indexOf(0);
      for (let i = 0; i < m; i++) bestSq[i] = Math.min(closestSq[i], squaredDistance(P, rows[i], P, rows[pick], d));
    }
    take(c, pick);
    closestSq.set(bestSq);
  }
  return centres;
}

function lloydWeighted(P: Rows, rows: Int32Array, d: number, k: number, w: Float64Array, C: Float64Array, maxIterations: number): WeightedKMeansResult {
  const m = rows.length;
  const labels = new Int32Array(m).fill(-1);
  const distSq = new Float64Array(m);
  const counts = new Int32Array(k);
  let iterations = 0;
  for (;;) {
    let changed = 0;
    counts.fill(0);
    for (let i = 0; i < m; i++) {
      let bestC = 0;
      let bestS = Infinity;
      for (let c = 0; c < k; c++) {
        const s = squaredDistance(P, rows[i], C, c, d);
        if (s < bestS) {
          bestS = s;
          bestC = c;
        }
      }
      if (labels[i] !== bestC) changed++;
      labels[i] = bestC;
      distSq[i] = bestS;
      counts[bestC]++;
    }
    fillEmpty(labels, distSq, counts, w, k);
    if ((iterations > 0 && changed === 0) || iterations >= maxIterations) break;
    weightedMeans(P, rows, d, k, w, labels, C);
    iterations++;
  }
  weightedMeans(P, rows, d, k, w, labels, C);
  let inertia = 0;
  for (let i = 0; i < m; i++) inertia += w[i] * squaredDistance(P, rows[i], C, labels[i], d);
  return { labels, centroids: C, inertia, iterations };
}

/** An empty group takes the point with the largest weight × D² (ties: lowest index) from a group that keeps ≥ 1 point. */
function fillEmpty(labels: Int32Array, distSq: Float64Array, counts: Int32Array, w: Float64Array, k: number): void {
  for (let c = 0; c < k; c++) {
    if (counts[c] !== 0) continue;
    let pick = -1;
    for (let i = 0; i < labels.length; i++) {
      if (counts[labels[i]] > 1 && (pick < 0 || w[i] * distSq[i] > w[pick] * distSq[pick])) pick = i;
    }
    counts[labels[pick]]--;
    labels[pick] = c;
    distSq[pick] = 0;
    counts[c] = 1;
  }
}

function weightedMeans(P: Rows, rows: Int32Array, d: number, k: number, w: Float64Array, labels: Int32Array, C: Float64Array): void {
  const total = new Float64Array(k);
  C.fill(0);
  for (let i = 0; i < rows.length; i++) {
    const c = labels[i];
    const wi = w[i];
    total[c] += wi;
    const src = rows[i] * d;
    for (let t = 0; t < d; t++) C[c * d + t] += wi * P[src + t];
  }
  for (let c = 0; c < k; c++) for (let t = 0; t < d; t++) C[c * d + t] /= total[c];
}

