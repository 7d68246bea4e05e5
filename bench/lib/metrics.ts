/**
 * External clustering scores against ground-truth labels, as scikit-learn defines them:
 * NMI (arithmetic mean of the entropies), ARI, homogeneity / completeness / V-measure (β = 1).
 * Pure functions over label vectors; any comparable label type, natural logarithms.
 */

/** Dense codes 0..m-1 in first-seen order. */
export function encodeLabels<T>(labels: ArrayLike<T>): { codes: Int32Array; count: number } {
  const index = new Map<T, number>();
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let c = index.get(labels[i]);
    if (c === undefined) index.set(labels[i], (c = index.size));
    codes[i] = c;
  }
  return { codes, count: index.size };
}

export interface Contingency {
  n: number;
  /** rows = truth classes, columns = clusters; row-major. */
  table: Float64Array;
  classes: number;
  clusters: number;
  classSizes: Float64Array;
  clusterSizes: Float64Array;
}

export function contingency<T, U>(truth: ArrayLike<T>, predicted: ArrayLike<U>): Contingency {
  if (truth.length !== predicted.length) {
    throw new Error(`contingency: truth has ${truth.length} labels, predicted has ${predicted.length}`);
  }
  if (truth.length === 0) throw new Error('contingency: no labels');
  const a = encodeLabels(truth);
  const b = encodeLabels(predicted);
  const table = new Float64Array(a.count * b.count);
  const classSizes = new Float64Array(a.count);
  const clusterSizes = new Float64Array(b.count);
  for (let i = 0; i < truth.length; i++) {
    table[a.codes[i] * b.count + b.codes[i]]++;
    classSizes[a.codes[i]]++;
    clusterSizes[b.codes[i]]++;
  }
  return { n: truth.length, table, classes: a.count, clusters: b.count, classSizes, clusterSizes };
}

function entropy(sizes: Float64Array, n: number): number {
  let h = 0;
  for (const s of sizes) if (s > 0) h -= (s / n) * Math.log(s / n);
  return h;
}

function mutualInformation(c: Contingency): number {
  let mi = 0;
  for (let i = 0; i < c.classes; i++) {
    for (let j = 0; j < c.clusters; j++) {
      const nij = c.table[i * c.clusters + j];
      if (nij > 0) mi += (nij / c.n) * Math.log((c.n * nij) / (c.classSizes[i] * c.clusterSizes[j]));
    }
  }
  return Math.max(0, mi);
}

/** sklearn normalized_mutual_info_score(average_method='arithmetic'): MI / ((H(truth) + H(pred)) / 2). */
export function nmi<T, U>(truth: ArrayLike<T>, predicted: ArrayLike<U>): number {
  const c = contingency(truth, predicted);
  // Both partitions a single block (or both all-singletons): identical, sklearn returns 1.
  if ((c.classes === 1 && c.clusters === 1) || (c.classes === c.n && c.clusters === c.n)) return 1;
  const denom = (entropy(c.classSizes, c.n) + entropy(c.clusterSizes, c.n)) / 2;
  return denom > 0 ? mutualInformation(c) / denom : 0;
}

const pairs = (x: number) => (x * (x - 1)) / 2;

/** Adjusted Rand index (Hubert & Arabie), as sklearn adjusted_rand_score. */
export function ari<T, U>(truth: ArrayLike<T>, predicted: ArrayLike<U>): number {
  const c = contingency(truth, predicted);
  let sumCells = 0;
  for (const nij of c.table) sumCells += pairs(nij);
  let sumClasses = 0;
  for (const a of c.classSizes) sumClasses += pairs(a);
  let sumClusters = 0;
  for (const b of c.clusterSizes) sumClusters += pairs(b);
  const expected = (sumClasses * sumClusters) / pairs(c.n);
  const max = (sumClasses + sumClusters) / 2;
  if (max === expected) return 1; // both trivial partitions of the same kind
  return (sumCells - expected) / (max - expected);
}

export interface VMeasure {
  homogeneity: number;
  completeness: number;
  vMeasure: number;
}

/** Rosenberg & Hirschberg 2007, β = 1 (sklearn homogeneity_completeness_v_measure). */
export function vMeasure<T, U>(truth: ArrayLike<T>, predicted: ArrayLike<U>): VMeasure {
  const c = contingency(truth, predicted);
  const hClass = entropy(c.classSizes, c.n);
  const hCluster = entropy(c.clusterSizes, c.n);
  const mi = mutualInformation(c);
  const homogeneity = hClass > 0 ? mi / hClass : 1;
  const completeness = hCluster > 0 ? mi / hCluster : 1;
  const vMeasure = homogeneity + completeness > 0 ? (2 * homogeneity * completeness) / (homogeneity + completeness) : 0;
  return { homogeneity, completeness, vMeasure };
}

/** Mean and sample standard deviation (n − 1); sd 0 for a single value. */
export function meanSd(values: readonly number[]): { mean: number; sd: number } {
  if (values.length === 0) return { mean: NaN, sd: NaN };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  if (values.length === 1) return { mean, sd: 0 };
  const ss = values.reduce((s, v) => s + (v - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(ss / (values.length - 1)) };
}
