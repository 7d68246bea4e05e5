/**
 * Gives each cluster one of k palette colours so that clusters meeting on the
 * map get colours far apart for everyone: the distance between two colours is
 * their worst CIEDE2000 over normal vision, deuteranopia, protanopia and
 * tritanopia. A DSATUR-style greedy pass (the most-constrained cluster first,
 * taking the free colour farthest from its coloured neighbours), then pairwise
 * swaps while they lower a cost that is dominated by the closest neighbours.
 * Deterministic: no randomness, ties go to the lower index.
 */
import { deltaE2000, labAs, VISIONS, type Lab, type Vision } from './cvd.ts';
import type { Edge } from './clusterAdjacency.ts';

/** Worst-vision CIEDE2000 between every pair of `colors` (row-major, n × n). */
export function worstDistances(colors: readonly string[]): Float64Array {
  const n = colors.length;
  const labs = colors.map((c) => VISIONS.map((v) => labAs(c, v)));
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let m = Infinity;
      for (let v = 0; v < VISIONS.length; v++) m = Math.min(m, deltaE2000(labs[i]![v]!, labs[j]![v]!));
      d[i * n + j] = d[j * n + i] = m;
    }
  }
  return d;
}

// exp(-ΔE/3): a neighbour pair at ΔE 10 costs as much as five at 15, so the
// search works on the closest pairs first; contact weight counts only a little.
const COST_SCALE = 3;

/**
 * Colour per cluster, as an index into `pool` (at least k colours; each used
 * at most once, so every cluster keeps a colour of its own), for k clusters
 * with the given adjacency. A pool larger than k leaves room to move a
 * cluster to a colour no one has.
 */
export function assignColors(k: number, edges: readonly Edge[], pool: readonly string[]): Int32Array {
  const m = pool.length;
  if (m < k) throw new RangeError(`assignColors: ${m} colours for ${k} clusters`);
  const d = worstDistances(pool);
  const cost = d.map((x) => Math.exp(-x / COST_SCALE));
  const nbr: { c: number; w: number }[][] = Array.from({ length: k }, () => []);
  const degree = new Float64Array(k);
  for (const e of edges) {
    const w = 1 + Math.log(e.w);
    nbr[e.a]!.push({ c: e.b, w });
    nbr[e.b]!.push({ c: e.a, w });
    degree[e.a]! += w;
    degree[e.b]! += w;
  }
  const color = new Int32Array(k).fill(-1);
  /** Cluster holding each pool colour, or -1. */
  const owner = new Int32Array(m).fill(-1);
  const satur = new Float64Array(k);
  for (let step = 0; step < k; step++) {
    let pick = -1;
    for (let c = 0; c < k; c++) {
      if (color[c]! >= 0) continue;
      if (pick < 0 || satur[c]! > satur[pick]! || (satur[c] === satur[pick] && degree[c]! > degree[pick]!)) pick = c;
    }
    let best = -1, bestMin = -1, bestCost = Infinity;
    for (let p = 0; p < m; p++) {
      if (owner[p]! >= 0) continue;
      let min = Infinity, sum = 0;
      for (const { c, w } of nbr[pick]!) {
        if (color[c]! < 0) continue;
        min = Math.min(min, d[p * m + color[c]!]!);
        sum += w * cost[p * m + color[c]!]!;
      }
      if (min > bestMin || (min === bestMin && sum < bestCost)) {
        best = p;
        bestMin = min;
        bestCost = sum;
      }
    }
    color[pick] = best;
    owner[best] = pick;
    for (const { c, w } of nbr[pick]!) satur[c]! += w;
  }

  // Cost of cluster c's edges if it had colour p, with cluster `other` (if a neighbour) taking colour q.
  const local = (c: number, p: number, other: number, q: number) => {
    let s = 0;
    for (const { c: o, w } of nbr[c]!) s += w * cost[p * m + (o === other ? q : color[o]!)]!;
    return s;
  };
  for (let pass = 0; pass < 50; pass++) {
    let improved = false;
    for (let i = 0; i < k; i++) {
      if (nbr[i]!.length === 0) continue;
      for (let q = 0; q < m; q++) {
        const p = color[i]!;
        if (q === p) continue;
        const j = owner[q]!;
        // Move i to colour q; its holder j, if any, takes i's colour p.
        const before = local(i, p, -1, 0) + (j >= 0 ? local(j, q, i, p) : 0);
        const after = local(i, q, j, p) + (j >= 0 ? local(j, p, i, q) : 0);
        if (after < before - 1e-12) {
          color[i] = q;
          owner[q] = i;
          owner[p] = j;
          if (j >= 0) color[j] = p;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  raiseClosestPair(color, owner, edges, nbr, d, m);
  return color;
}

/**
 * The sum above can leave one pair close to spare many; this step works on the
 * closest adjacent pair alone: it moves one of its two clusters to another
 * colour (swapping with that colour's holder, if any) when that raises the two
 * smallest distances over all adjacent pairs (compared in that order), and
 * repeats until no move does.
 */
function raiseClosestPair(
  color: Int32Array,
  owner: Int32Array,
  edges: readonly Edge[],
  nbr: readonly { c: number }[][],
  d: Float64Array,
  m: number,
): void {
  if (edges.length === 0) return;
  const lowest = (): [number, number, number] => {
    let e1 = -1, d1 = Infinity, d2 = Infinity;
    for (let e = 0; e < edges.length; e++) {
      const v = d[color[edges[e]!.a]! * m + color[edges[e]!.b]!]!;
      if (v < d1) {
        d2 = d1;
        d1 = v;
        e1 = e;
      } else if (v < d2) d2 = v;
    }
    return [e1, d1, d2];
  };
  const move = (i: number, q: number) => {
    const p = color[i]!, j = owner[q]!;
    color[i] = q;
    owner[q] = i;
    owner[p] = j;
    if (j >= 0) color[j] = p;
  };
  const closestAround = (c: number) => {
    let v = Infinity;
    for (const { c: o } of nbr[c]!) v = Math.min(v, d[color[c]! * m + color[o]!]!);
    return v;
  };
  for (let round = 0; round < 4 * color.length; round++) {
    const [e, d1, d2] = lowest();
    let best: [number, number] | null = null, b1 = d1, b2 = d2;
    for (const i of [edges[e]!.a, edges[e]!.b]) {
      const p = color[i]!;
      for (let q = 0; q < m; q++) {
        if (q === p) continue;
        const j = owner[q]!;
        move(i, q);
        // The pair being raised is one of i's: a move whose own edges fall below it cannot win.
        if (closestAround(i) < b1 - 1e-9 || (j >= 0 && closestAround(j) < b1 - 1e-9)) {
          move(i, p);
          continue;
        }
        const [, n1, n2] = lowest();
        if (n1 > b1 + 1e-9 || (n1 > b1 - 1e-9 && n2 > b2 + 1e-9)) {
          best = [i, q];
          b1 = n1;
          b2 = n2;
        }
        move(i, p);
      }
    }
    if (!best) break;
    move(best[0], best[1]);
  }
}

/** ΔE2000 across each edge as seen with `vision`. */
export function edgeDeltaE(colors: readonly string[], edges: readonly Edge[], vision: Vision): Float64Array {
  const labs = new Map<string, Lab>();
  const lab = (c: string) => {
    let l = labs.get(c);
    if (!l) labs.set(c, (l = labAs(c, vision)));
    return l;
  };
  return Float64Array.from(edges, (e) => deltaE2000(lab(colors[e.a]!), lab(colors[e.b]!)));
}
