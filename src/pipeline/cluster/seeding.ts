/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007) with scikit-learn's greedy
 * variant: at each step draw 2 + ⌊ln k⌋ candidates ∝ D², keep the one that
 * lowers the potential most.
 *
 * All candidates of a step are scored in one blocked pass over the rows; rows
 * that provably cannot move closer to any candidate are skipped (see below).
 */
import { rowNormsSq, squaredDistance } from './distance.ts';
import { createKernel, type DistanceKernel } from './kernel.ts';
import type { Rng } from './random.ts';

export interface Seeding {
  /** Row indices of X chosen as centres, in choice order. */
  centerRows: Int32Array;
  /** k × d copy of those rows. */
  centroids: Float64Array;
  /** Closest centre per row (lowest index on ties). */
  closest: Int32Array;
  /** Squared distance to that centre. */
  closestSq: Float64Array;
}

export function kmeansPlusPlus(
  X: Float32Array,
  n: number,
  d: number,
  k: number,
  rng: Rng,
  normsSq: Float64Array = rowNormsSq(X, n, d),
  kernel: DistanceKernel = createKernel(X, n, d, seedingTrials(k), normsSq),
): Seeding {
  const trials = seedingTrials(k);
  const centerRows = new Int32Array(k);
  const closest = new Int32Array(n);
  const closestSq = new Float64Array(n);
  const cumulative = new Float64Array(n);
  // Per trial: rows whose distance would drop, and their new squared distance.
  const changedRow: Int32Array[] = [];
  const changedSq: Float64Array[] = [];
  for (let t = 0; t < trials; t++) {
    changedRow.push(new Int32Array(n));
    changedSq.push(new Float64Array(n));
  }
  const changedCount = new Int32Array(trials);
  const candidates = new Float64Array(trials * d);
  const candidateRows = new Int32Array(trials);
  const candidateNormSq = new Float64Array(trials);
  const potentials = new Float64Array(trials);
  const toCandidates = new Float64Array(trials);
  const toCandidates2 = new Float64Array(trials);
  const candidateToCenterSq = new Float64Array(trials * k);
  const pending = new Int32Array(n);

  const first = rng.int(n);
  centerRows[0] = first;
  for (let i = 0; i < n; i++) closestSq[i] = squaredDistance(X, i, X, first, d);

  for (let c = 1; c < k; c++) {
    let running = 0;
    for (let i = 0; i < n; i++) {
      running += closestSq[i];
      cumulative[i] = running;
    }
    for (let t = 0; t < trials; t++) {
      const row = drawProportional(cumulative, rng.next() * running);
      candidateRows[t] = row;
      candidateNormSq[t] = normsSq[row];
      for (let u = 0; u < d; u++) candidates[t * d + u] = X[row * d + u];
    }
    changedCount.fill(0);
    potentials.fill(0);
    // One pass over the rows serves all trials; rows go two at a time through the blocked kernel.
    const record = (i: number, distances: Float64Array): void => {
      const current = closestSq[i];
      for (let t = 0; t < trials; t++) {
        const s = distances[t];
        if (s < current) {
          const m = changedCount[t]++;
          changedRow[t][m] = i;
          changedSq[t][m] = s;
          potentials[t] += s;
        } else {
          potentials[t] += current;
        }
      }
    };
    // Rows that no candidate can bring closer are skipped: d(c, a) ≥ 2·d(x, a) ⇒ d(x, c) ≥ d(x, a),
    // a = the row's closest centre (exact; after Raff 2021). Pays off when clusters are separated.
    for (let t = 0; t < trials; t++) {
      for (let j = 0; j < c; j++) candidateToCenterSq[t * k + j] = squaredDistance(candidates, t, X, centerRows[j], d);
    }
    let nPending = 0;
    let skippedPotential = 0;
    for (let i = 0; i < n; i++) {
      const a = closest[i];
      const reach = 4 * closestSq[i] * (1 + 1e-9);
      let needed = false;
      for (let t = 0; t < trials; t++) {
        if (candidateToCenterSq[t * k + a] < reach) {
          needed = true;
          break;
        }
      }
      if (needed) pending[nPending++] = i;
      else skippedPotential += closestSq[i];
    }
    kernel.setCentres(candidates, candidateNormSq, trials);
    for (let p = 0; p < nPending; p += 2) {
      const i0 = pending[p];
      const i1 = pending[p + 1 < nPending ? p + 1 : p];
      kernel.pair(i0, i1, toCandidates, toCandidates2);
      record(i0, toCandidates);
      if (p + 1 < nPending) record(i1, toCandidates2);
    }
    for (let t = 0; t < trials; t++) potentials[t] += skippedPotential;
    let bestTrial = 0;
    for (let t = 1; t < trials; t++) if (potentials[t] < potentials[bestTrial]) bestTrial = t;
    centerRows[c] = candidateRows[bestTrial];
    const rows = changedRow[bestTrial];
    const sqs = changedSq[bestTrial];
    for (let m = 0, count = changedCount[bestTrial]; m < count; m++) {
      closest[rows[m]] = c;
      closestSq[rows[m]] = sqs[m];
    }
  }

  const centroids = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    const src = centerRows[c] * d;
    for (let t = 0; t < d; t++) centroids[c * d + t] = X[src + t];
  }
  return { centerRows, centroids, closest, closestSq };
}

/** scikit-learn's number of greedy candidates per centre. */
export function seedingTrials(k: number): number {
  return 2 + Math.floor(Math.log(k));
}

/** First row whose cumulative weight exceeds `r` (never a zero-weight row unless all are). */
export function drawProportional(cumulative: Float64Array, r: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
