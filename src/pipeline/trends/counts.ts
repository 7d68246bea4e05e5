/**
 * Counting papers per (cluster, bin) and documents per (term, bin). Matrices
 * are row-major Int32Array: counts[row * nBins + bin].
 */
import { monthEnd, yearEnd } from './calendar.ts';
import type { Csr } from './types.ts';

function checkLabels(labels: Int32Array, k: number, bin: Int16Array): void {
  if (labels.length !== bin.length) throw new RangeError(`trends: labels has ${labels.length} papers but bin has ${bin.length}`);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]! >= k) throw new RangeError(`trends: labels[${i}] = ${labels[i]} is not a cluster of k = ${k}`);
  }
}

/** Papers per cluster per bin (k × nBins). Unbinned papers and negative labels (noise) are not counted. */
export function countClusterBins(labels: Int32Array, k: number, bin: Int16Array, nBins: number): Int32Array {
  checkLabels(labels, k, bin);
  const counts = new Int32Array(k * nBins);
  for (let i = 0; i < labels.length; i++) {
    const b = bin[i]!;
    const c = labels[i]!;
    if (b >= 0 && c >= 0) counts[c * nBins + b]!++;
  }
  return counts;
}

/** Binned papers per bin. */
export function countBinTotals(bin: Int16Array, nBins: number): Int32Array {
  const totals = new Int32Array(nBins);
  for (let i = 0; i < bin.length; i++) {
    const b = bin[i]!;
    if (b >= 0) totals[b]!++;
  }
  return totals;
}

/**
 * Documents containing each term, per group (cols × nGroups): per time bin, or
 * per cluster. A term counts once per document whatever its count; rows of
 * group -1 are left out.
 */
export function countTermDocBins(termCounts: Csr, group: Int16Array | Int32Array, nGroups: number): Int32Array {
  if (termCounts.rows !== group.length) throw new RangeError(`trends: term counts have ${termCounts.rows} rows but there are ${group.length} papers`);
  const { indptr, indices, data } = termCounts;
  const counts = new Int32Array(termCounts.cols * nGroups);
  for (let i = 0; i < termCounts.rows; i++) {
    const g = group[i]!;
    if (g < 0) continue;
    if (g >= nGroups) throw new RangeError(`trends: row ${i} is in group ${g}, beyond the ${nGroups} there are`);
    for (let p = indptr[i]!; p < indptr[i + 1]!; p++) {
      if (data[p]! > 0) counts[indices[p]! * nGroups + g]!++;
    }
  }
  return counts;
}

/**
 * Mean publication day per cluster over dated papers (VOSviewer's average
 * publication year overlay). A date denotes a period, so each paper counts at
 * the midpoint of its period (mid-month for a month, mid-year for a year-only
 * date) rather than its first day, which would pull coarse dates early.
 * Rounded to whole days; null when a cluster has no dated paper.
 */
export function meanDayByCluster(labels: Int32Array, k: number, day: Int32Array, precision: Uint8Array): (number | null)[] {
  if (labels.length !== day.length || day.length !== precision.length) {
    throw new RangeError(`trends: labels (${labels.length}), day (${day.length}) and precision (${precision.length}) differ in length`);
  }
  const sum = new Float64Array(k);
  const n = new Float64Array(k);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    const p = precision[i]!;
    if (c < 0 || p === 0) continue;
    if (c >= k) throw new RangeError(`trends: labels[${i}] = ${c} is not a cluster of k = ${k}`);
    const d = day[i]!;
    const mid = p === 3 ? d : (d + (p === 2 ? monthEnd(d) : yearEnd(d))) / 2;
    sum[c]! += mid;
    n[c]!++;
  }
  return Array.from(sum, (s, c) => (n[c]! > 0 ? Math.round(s / n[c]!) : null));
}

/**
 * The cluster holding most of the papers that contain each term (ties: the
 * lower cluster id; -1 when no clustered paper has the term). Dates play no
 * part, so the term families built on it are fixed before any trend is seen.
 */
export function termOwners(termCounts: Csr, labels: Int32Array, k: number): Int32Array {
  const byCluster = countTermDocBins(termCounts, labels, k);
  const owner = new Int32Array(termCounts.cols).fill(-1);
  for (let j = 0; j < termCounts.cols; j++) {
    let best = 0;
    for (let c = 0; c < k; c++) {
      const v = byCluster[j * k + c]!;
      if (v > best) {
        best = v;
        owner[j] = c;
      }
    }
  }
  return owner;
}
