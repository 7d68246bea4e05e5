/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007) with scikit-learn's greedy
 * variant: at each step draw 2 + ⌊ln k⌋ candidates ∝ D², keep the one that
 * lowers the potential most.
 *
 * All candidates of a step are scored in one blocked pass over the rows.
 * (Triangle-inequality pruning was tried and never fired on 100-d unit rows:
 * centre–centre distances are rarely twice the point–centre ones.)
 */
import { rowNormsSq, squaredDistance, squaredDistancesToAll, squaredDistancesToAllPair } from './distance.ts';
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
): Seeding {
  const trials = 2 + Math.floor(Math.log(k));
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
    let i = 0;
    for (; i + 1 < n; i += 2) {
      squaredDistancesToAllPair(X, i, i + 1, normsSq[i], normsSq[i + 1], candidates, candidateNormSq, trials, d, toCandidates, toCandidates2);
      record(i, toCandidates);
      record(i + 1, toCandidates2);
    }
    if (i < n) {
      squaredDistancesToAll(X, i, normsSq[i], candidates, candidateNormSq, trials, d, toCandidates);
      record(i, toCandidates);
    }
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

/** First row whose cumulative weight exceeds `r` (never a zero-weight row unless all are). */
function drawProportional(cumulative: Float64Array, r: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
