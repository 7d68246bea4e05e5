/**
 * Linked-view filtering in the shape of Mosaic's selections: every view publishes
 * one clause tagged with itself; a view is filtered by everybody's clauses but its
 * own (crossfilter), so e.g. the cluster list still shows the counts of clusters
 * that are not selected.
 */

export type ClauseSource = 'keyword' | 'cluster' | 'time' | 'map';

export interface Clause {
  source: ClauseSource;
  /** 1 = the paper passes this clause. Length n. */
  mask: Uint8Array;
  /** Human-readable, for the filter chips ("keyword: agents", "2024-Q1 – 2024-Q4"). */
  description: string;
}

/** AND of every clause except the one published by `exclude`; null when nothing filters. */
export function resolveClauses(clauses: readonly Clause[], n: number, exclude?: ClauseSource): Uint8Array | null {
  const active = clauses.filter((c) => c.source !== exclude);
  if (active.length === 0) return null;
  const out = new Uint8Array(n);
  out.set(active[0]!.mask);
  for (let c = 1; c < active.length; c++) {
    const mask = active[c]!.mask;
    for (let i = 0; i < n; i++) out[i]! &= mask[i]!;
  }
  return out;
}

/** Replaces the clause of `clause.source` (or removes it when `clause` is null). */
export function withClause(clauses: readonly Clause[], source: ClauseSource, clause: Clause | null): Clause[] {
  const rest = clauses.filter((c) => c.source !== source);
  return clause ? [...rest, clause] : rest;
}

/** Papers per cluster among those passing `mask` (all papers when mask is null). */
export function countByCluster(labels: Uint16Array, k: number, mask: Uint8Array | null): Int32Array {
  const counts = new Int32Array(k);
  if (mask === null) {
    for (let i = 0; i < labels.length; i++) counts[labels[i]!]!++;
  } else {
    for (let i = 0; i < labels.length; i++) if (mask[i]) counts[labels[i]!]!++;
  }
  return counts;
}

export function maskFromIndices(indices: ArrayLike<number>, n: number): Uint8Array {
  const mask = new Uint8Array(n);
  for (let i = 0; i < indices.length; i++) mask[indices[i]!] = 1;
  return mask;
}

export function countMask(mask: Uint8Array | null, n: number): number {
  if (mask === null) return n;
  let c = 0;
  for (let i = 0; i < mask.length; i++) c += mask[i]!;
  return c;
}
