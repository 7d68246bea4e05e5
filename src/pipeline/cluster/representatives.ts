/** The papers closest (cosine) to each centroid: what to show as examples of a cluster. */
import { checkLabels, checkMatrix } from './validate.ts';

export function representatives(
  X: Float32Array,
  n: number,
  d: number,
  labels: Int32Array,
  centroids: Float32Array,
  k: number,
  m = 5,
): Int32Array[] {
  checkMatrix(X, n, d, 'representatives');
  checkLabels(labels, n, k, 'representatives');
  if (centroids.length !== k * d) throw new RangeError(`representatives: centroids has ${centroids.length} values, expected k × d = ${k * d}`);
  const centroidNorm = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let t = 0; t < d; t++) s += centroids[c * d + t] * centroids[c * d + t];
    centroidNorm[c] = Math.sqrt(s) || 1;
  }
  // Per cluster, the best m so far: rows and similarities, sorted best first.
  const bestRow = Array.from({ length: k }, () => new Int32Array(m));
  const bestSim = Array.from({ length: k }, () => new Float64Array(m));
  const filled = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    let dot = 0;
    let norm = 0;
    for (let t = 0; t < d; t++) {
      const x = X[i * d + t];
      dot += x * centroids[c * d + t];
      norm += x * x;
    }
    const sim = dot / ((Math.sqrt(norm) || 1) * centroidNorm[c]);
    const rows = bestRow[c];
    const sims = bestSim[c];
    let pos = filled[c];
    if (pos === m && !(sim > sims[m - 1])) continue; // ties keep the earlier row
    if (pos < m) filled[c]++;
    else pos = m - 1;
    while (pos > 0 && sim > sims[pos - 1]) {
      rows[pos] = rows[pos - 1];
      sims[pos] = sims[pos - 1];
      pos--;
    }
    rows[pos] = i;
    sims[pos] = sim;
  }
  return bestRow.map((rows, c) => rows.slice(0, filled[c]));
}
