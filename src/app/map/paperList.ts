/**
 * Which papers the document panel lists when no paper is open, and in what
 * order. Pure: the panel passes the manifest's clusters, the date columns and a
 * pass test.
 */

export interface ClusterReps {
  size: number;
  /** Paper indices closest to the centroid, best first. */
  representatives: number[];
}

/**
 * The most representative papers of the largest clusters: `perCluster` per
 * cluster (best first), clusters largest first (ties by id), up to `limit`.
 */
export function representativePapers(clusters: readonly ClusterReps[], perCluster = 2, limit = 40): number[] {
  const order = clusters.map((_, c) => c).sort((a, b) => clusters[b]!.size - clusters[a]!.size || a - b);
  const out: number[] = [];
  const seen = new Set<number>();
  for (const c of order) {
    let taken = 0;
    for (const r of clusters[c]!.representatives) {
      if (taken >= perCluster || out.length >= limit) break;
      if (seen.has(r)) continue;
      seen.add(r);
      out.push(r);
      taken++;
    }
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * Every paper, newest first: dated before undated, ties in corpus order. Sorted
 * once per artifact, so listing the newest papers passing a filter is a walk
 * that stops after `limit` hits instead of a pass over the corpus per keystroke.
 */
export function newestFirst(day: ArrayLike<number>, precision: ArrayLike<number>): Uint32Array {
  const n = day.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!precision[i]) continue;
    lo = Math.min(lo, day[i]!);
    hi = Math.max(hi, day[i]!);
  }
  const order = new Uint32Array(n);
  const span = hi >= lo ? hi - lo + 1 : 0;
  if (span > 4 * n + 1024) {
    for (let i = 0; i < n; i++) order[i] = i;
    const key = (i: number) => (precision[i] ? day[i]! : -Infinity);
    return order.sort((a, b) => key(b) - key(a) || a - b);
  }
  // Counting sort on the day (stable, so ties keep corpus order): O(n + days),
  // a few ms at 150k papers where a comparator sort takes ~50 ms.
  // Bucket 0 = newest day, bucket span = undated.
  const bucket = (i: number) => (precision[i] ? hi - day[i]! : span);
  const start = new Uint32Array(span + 2);
  for (let i = 0; i < n; i++) start[bucket(i) + 1]!++;
  for (let b = 1; b < start.length; b++) start[b]! += start[b - 1]!;
  for (let i = 0; i < n; i++) order[start[bucket(i)]!++] = i;
  return order;
}

/**
 * Papers passing `passes`: first the given `lead` papers that pass (e.g. the
 * selected clusters' representatives, best first), then the rest in `order`
 * (from newestFirst), up to `limit`.
 */
export function newestPassing(order: ArrayLike<number>, passes: (i: number) => boolean, lead: readonly number[] = [], limit = 40): number[] {
  const n = order.length;
  const out: number[] = [];
  const taken = new Set<number>();
  for (const i of lead) {
    if (out.length >= limit) return out;
    if (i >= 0 && i < n && !taken.has(i) && passes(i)) {
      taken.add(i);
      out.push(i);
    }
  }
  for (let j = 0; j < n && out.length < limit; j++) {
    const i = order[j]!;
    if (!taken.has(i) && passes(i)) out.push(i);
  }
  return out;
}
