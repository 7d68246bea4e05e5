/**
 * Mean silhouette (Rousseeuw 1987) with Euclidean distance, as
 * scikit-learn's `silhouette_score(X, labels)`. On unit rows Euclidean
 * distance is √(2·cosine distance), so the ranking of k matches cosine.
 * s(i) = (b − a) / max(a, b); 0 for a row alone in its cluster.
 */
export function pairwiseDistances(X: Float32Array, n: number, d: number): Float64Array {
  const D = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) {
        const diff = X[i * d + t] - X[j * d + t];
        s += diff * diff;
      }
      const dist = Math.sqrt(s);
      D[i * n + j] = dist;
      D[j * n + i] = dist;
    }
  }
  return D;
}

/** Mean silhouette from a precomputed n × n distance matrix (reused across k). */
export function silhouetteFromDistances(D: Float64Array, n: number, labels: Int32Array, k: number): number {
  const size = new Int32Array(k);
  for (let i = 0; i < n; i++) size[labels[i]]++;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const row = i * n;
    for (let j = 0; j < n; j++) sums[labels[j]] += D[row + j];
    const own = labels[i];
    if (size[own] <= 1) continue;
    const a = sums[own] / (size[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own || size[c] === 0) continue;
      const mean = sums[c] / size[c];
      if (mean < b) b = mean;
    }
    if (b === Infinity) continue;
    const m = Math.max(a, b);
    total += m > 0 ? (b - a) / m : 0;
  }
  return total / n;
}

export function silhouette(X: Float32Array, n: number, d: number, labels: Int32Array, k: number): number {
  return silhouetteFromDistances(pairwiseDistances(X, n, d), n, labels, k);
}
