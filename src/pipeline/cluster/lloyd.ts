/**
 * Lloyd iterations over flat typed arrays, with Hamerly's bounds (2010) so that
 * most point–centre distances are never computed once the clustering settles:
 *   upper[i] ≥ d(x_i, own centre), lower[i] ≤ d(x_i, any other centre);
 * a point is skipped when upper ≤ max(lower, ½·distance from its centre to the
 * nearest other centre). Points that cannot be skipped are rescanned against
 * all centres with the blocked kernel (kernel.ts).
 *
 * Same fixed points as plain Lloyd: assignments are nearest centres (lowest
 * index on ties), centroids are Float64 means of their rows. Sums are updated
 * incrementally when a row changes cluster and recomputed exactly at the end.
 */
import { rowNormsSq, squaredDistance } from './distance.ts';
import { createKernel, type DistanceKernel } from './kernel.ts';

export interface LloydOptions {
  maxIterations: number;
  /** Absolute threshold on the summed squared centroid shift of one iteration. */
  shiftTolerance: number;
}

export interface LloydResult {
  labels: Int32Array;
  centroids: Float64Array;
  inertia: number;
  iterations: number;
}

/**
 * @param centroids k × d starting centres (modified in place).
 * @param start optional starting assignment with its exact squared distances (e.g. from k-means++).
 */
export function lloyd(
  X: Float32Array,
  n: number,
  d: number,
  k: number,
  centroids: Float64Array,
  options: LloydOptions,
  start?: { labels: Int32Array; distanceSq: Float64Array },
  normsSq: Float64Array = rowNormsSq(X, n, d),
  kernel: DistanceKernel = createKernel(X, n, d, k, normsSq),
): LloydResult {
  const state: State = {
    kernel,
    X,
    n,
    d,
    k,
    C: centroids,
    normsSq,
    centerNormSq: new Float64Array(k),
    labels: new Int32Array(n),
    upper: new Float64Array(n),
    lower: new Float64Array(n), // 0 ⇒ must be checked
    halfNearest: new Float64Array(k),
    sums: new Float64Array(k * d),
    counts: new Int32Array(k),
    scratch: new Float64Array(k),
    scratch2: new Float64Array(k),
    pending: new Int32Array(n),
    newLabel: new Int32Array(n),
  };
  const { labels, upper, lower } = state;
  if (start) {
    labels.set(start.labels);
    for (let i = 0; i < n; i++) upper[i] = Math.sqrt(start.distanceSq[i]);
  } else {
    upper.fill(Infinity);
  }
  const previous = new Float64Array(k * d);
  const shift = new Float64Array(k);

  let iterations = 0;
  let stable = false;
  for (;;) {
    prepareCenters(state);
    const changed = assign(state, iterations === 0);
    // Labels stable since the last update: the centroids are already their means.
    if (iterations > 0 && changed === 0) {
      stable = true;
      break;
    }
    if (iterations >= options.maxIterations) break;

    previous.set(centroids);
    updateCentroids(state);
    iterations++;

    let totalShiftSq = 0;
    let maxShift = 0;
    let maxShiftCluster = -1;
    let secondShift = 0;
    for (let j = 0; j < k; j++) {
      const sq = squaredDistance(previous, j, centroids, j, d);
      totalShiftSq += sq;
      const s = Math.sqrt(sq);
      shift[j] = s;
      if (s > maxShift) {
        secondShift = maxShift;
        maxShift = s;
        maxShiftCluster = j;
      } else if (s > secondShift) {
        secondShift = s;
      }
    }
    for (let i = 0; i < n; i++) {
      const a = labels[i];
      upper[i] += shift[a];
      lower[i] -= a === maxShiftCluster ? secondShift : maxShift;
    }
    if (totalShiftSq <= options.shiftTolerance) {
      // Stopped on tolerance: one last assignment so labels match the final centres (as scikit-learn).
      prepareCenters(state);
      assign(state, false);
      break;
    }
  }
  if (stable) exactMeans(state);

  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += squaredDistance(X, i, centroids, labels[i], d);
  return { labels, centroids, inertia, iterations };
}

interface State {
  kernel: DistanceKernel;
  X: Float32Array;
  n: number;
  d: number;
  k: number;
  C: Float64Array;
  normsSq: Float64Array;
  centerNormSq: Float64Array;
  labels: Int32Array;
  upper: Float64Array;
  lower: Float64Array;
  halfNearest: Float64Array;
  sums: Float64Array;
  counts: Int32Array;
  scratch: Float64Array;
  scratch2: Float64Array;
  /** Rows to rescan in this step, and the label each rescan found. */
  pending: Int32Array;
  newLabel: Int32Array;
}

function prepareCenters({ C, k, d, centerNormSq, halfNearest }: State): void {
  halfNearest.fill(Infinity);
  for (let a = 0; a < k; a++) {
    let s = 0;
    for (let t = 0; t < d; t++) s += C[a * d + t] * C[a * d + t];
    centerNormSq[a] = s;
    for (let b = 0; b < a; b++) {
      const dist = Math.sqrt(squaredDistance(C, a, C, b, d));
      if (dist < halfNearest[a]) halfNearest[a] = dist;
      if (dist < halfNearest[b]) halfNearest[b] = dist;
    }
  }
  for (let a = 0; a < k; a++) halfNearest[a] *= 0.5;
}

/**
 * Hamerly assignment step; returns how many labels changed. On the first
 * step, sums and counts are built from scratch; afterwards they follow moves.
 */
function assign(state: State, first: boolean): number {
  const { X, n, d, k, C, centerNormSq, labels, upper, lower, halfNearest, sums, counts, scratch, scratch2, pending } = state;
  if (first) {
    sums.fill(0);
    counts.fill(0);
  }
  // Pass 1: bounds decide which rows need a rescan against every centre.
  let nPending = 0;
  for (let i = 0; i < n; i++) {
    const a = labels[i];
    const bound = halfNearest[a] > lower[i] ? halfNearest[a] : lower[i];
    if (upper[i] <= bound) continue;
    upper[i] = Math.sqrt(squaredDistance(X, i, C, a, d));
    if (upper[i] > bound) pending[nPending++] = i;
  }
  // Pass 2: rescans, two rows at a time through the blocked kernel.
  const newLabel = state.newLabel;
  state.kernel.setCentres(C, centerNormSq, k);
  for (let p = 0; p < nPending; p += 2) {
    const i0 = pending[p];
    const i1 = pending[p + 1 < nPending ? p + 1 : p];
    state.kernel.pair(i0, i1, scratch, scratch2);
    newLabel[p] = nearestTwo(scratch, k, i0, upper, lower);
    if (p + 1 < nPending) newLabel[p + 1] = nearestTwo(scratch2, k, i1, upper, lower);
  }
  // Pass 3: apply moves in row order (keeps the running sums deterministic).
  if (first) {
    for (let q = 0; q < nPending; q++) labels[pending[q]] = newLabel[q];
    for (let i = 0; i < n; i++) {
      counts[labels[i]]++;
      addRow(X, i, sums, labels[i], d, 1);
    }
    return n;
  }
  let changed = 0;
  for (let q = 0; q < nPending; q++) {
    const i = pending[q];
    const a = labels[i];
    const best = newLabel[q];
    if (best === a) continue;
    labels[i] = best;
    changed++;
    counts[a]--;
    counts[best]++;
    addRow(X, i, sums, a, d, -1);
    addRow(X, i, sums, best, d, 1);
  }
  return changed;
}

/** Nearest centre (lowest index on ties); sets the row's exact upper and lower bounds. */
function nearestTwo(distSq: Float64Array, k: number, i: number, upper: Float64Array, lower: Float64Array): number {
  let best = 0;
  let bestSq = Infinity;
  let secondSq = Infinity;
  for (let j = 0; j < k; j++) {
    const sq = distSq[j];
    if (sq < bestSq) {
      secondSq = bestSq;
      bestSq = sq;
      best = j;
    } else if (sq < secondSq) {
      secondSq = sq;
    }
  }
  upper[i] = Math.sqrt(bestSq);
  lower[i] = Math.sqrt(secondSq);
  return best;
}

function addRow(X: Float32Array, i: number, sums: Float64Array, c: number, d: number, sign: number): void {
  const o = c * d;
  const x = i * d;
  for (let t = 0; t < d; t++) sums[o + t] += sign * X[x + t];
}

/**
 * Centroids from the running sums. An empty cluster takes the row farthest
 * from its own centre (ties: lowest row) from a cluster that keeps at least
 * one row — deterministic, as scikit-learn.
 */
function updateCentroids(state: State): void {
  const { k, d, C, sums, counts } = state;
  for (let c = 0; c < k; c++) {
    if (counts[c] === 0) {
      relocateEmpty(state);
      break;
    }
  }
  for (let c = 0; c < k; c++) {
    const o = c * d;
    const inv = 1 / counts[c];
    for (let t = 0; t < d; t++) C[o + t] = sums[o + t] * inv;
  }
}

/** Means recomputed from scratch in row order (removes drift of the running sums). */
function exactMeans(state: State): void {
  const { X, n, d, k, labels, sums, counts, C } = state;
  sums.fill(0);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    counts[labels[i]]++;
    addRow(X, i, sums, labels[i], d, 1);
  }
  for (let c = 0; c < k; c++) {
    const inv = 1 / counts[c];
    for (let t = 0; t < d; t++) C[c * d + t] = sums[c * d + t] * inv;
  }
}

function relocateEmpty(state: State): void {
  const { X, n, d, k, labels, C, sums, counts, upper, lower } = state;
  const distSq = new Float64Array(n);
  for (let i = 0; i < n; i++) distSq[i] = squaredDistance(X, i, C, labels[i], d);
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => distSq[q] - distSq[p] || p - q);
  let next = 0;
  for (let c = 0; c < k; c++) {
    if (counts[c] !== 0) continue;
    while (counts[labels[order[next]]] <= 1) next++;
    const i = order[next++];
    const from = labels[i];
    counts[from]--;
    counts[c] = 1;
    addRow(X, i, sums, from, d, -1);
    sums.fill(0, c * d, c * d + d);
    addRow(X, i, sums, c, d, 1);
    labels[i] = c;
    upper[i] = 0;
    lower[i] = 0;
  }
}
