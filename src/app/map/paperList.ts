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
 * Papers passing `passes`: first the given `lead` papers that pass (e.g. the
 * selected clusters' representatives, best first), then the rest newest first
 * (dated before undated, ties in corpus order), up to `limit`. One pass over
 * the corpus with a bounded insertion list: no sort of every passing paper.
 */
export function newestPassing(
  n: number,
  passes: (i: number) => boolean,
  day: ArrayLike<number>,
  precision: ArrayLike<number>,
  lead: readonly number[] = [],
  limit = 40,
): number[] {
  const out: number[] = [];
  const taken = new Set<number>();
  for (const i of lead) {
    if (out.length >= limit) return out;
    if (i >= 0 && i < n && !taken.has(i) && passes(i)) {
      taken.add(i);
      out.push(i);
    }
  }
  const k = limit - out.length;
  if (k <= 0) return out;
  const idx: number[] = [];
  const key: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = precision[i] ? day[i]! : -Infinity;
    if (idx.length === k && !(v > key[k - 1]!)) continue;
    if (!passes(i) || taken.has(i)) continue;
    // Insert after every entry with a key >= v (keeps corpus order among ties).
    let p = idx.length;
    while (p > 0 && key[p - 1]! < v) p--;
    idx.splice(p, 0, i);
    key.splice(p, 0, v);
    if (idx.length > k) {
      idx.pop();
      key.pop();
    }
  }
  return out.concat(idx);
}
