/**
 * Which clusters meet on the map: the pairs whose colours must stay apart.
 * The map is cut into square cells; a cluster belongs to a cell when it holds
 * a fair share of the cell's points (a lone stray point inside another
 * cluster's region does not count), and two clusters are adjacent when they
 * share a cell or sit in touching cells (8-neighbourhood). The weight counts
 * such contacts: a long common border weighs more than a corner.
 */
import type { Bounds } from './scales.ts';

export interface Edge {
  a: number;
  b: number;
  /** Cell contacts between the two clusters. */
  w: number;
}

export interface AdjacencyOptions {
  /** Cells along the longer side of the bounds. */
  cells?: number;
  /** Share of a cell's points a cluster needs to belong to it. */
  minShare?: number;
}

/** Edges (a < b, sorted) between clusters whose regions touch or nearly touch. */
export function clusterAdjacency(
  x: Float32Array,
  y: Float32Array,
  labels: Uint16Array,
  k: number,
  bounds: Bounds,
  { cells = 48, minShare = 0.2 }: AdjacencyOptions = {},
): Edge[] {
  const [x0, y0, x1, y1] = bounds;
  const size = Math.max(x1 - x0, y1 - y0, 1e-9) / cells;
  const gx = Math.max(1, Math.ceil((x1 - x0) / size + 1e-9));
  const gy = Math.max(1, Math.ceil((y1 - y0) / size + 1e-9));
  const counts = new Uint32Array(gx * gy * k);
  const totals = new Uint32Array(gx * gy);
  for (let i = 0; i < labels.length; i++) {
    const cx = Math.min(gx - 1, Math.max(0, Math.floor((x[i]! - x0) / size)));
    const cy = Math.min(gy - 1, Math.max(0, Math.floor((y[i]! - y0) / size)));
    const cell = cy * gx + cx;
    totals[cell]!++;
    counts[cell * k + labels[i]!]!++;
  }
  const members: number[][] = new Array(gx * gy);
  for (let cell = 0; cell < gx * gy; cell++) {
    const m: number[] = [];
    const need = Math.max(1, minShare * totals[cell]!);
    if (totals[cell]) for (let c = 0; c < k; c++) if (counts[cell * k + c]! >= need) m.push(c);
    members[cell] = m;
  }
  const w = new Uint32Array(k * k);
  const touch = (p: number[], q: number[]) => {
    for (const a of p) for (const b of q) if (a !== b) w[Math.min(a, b) * k + Math.max(a, b)]!++;
  };
  for (let cy = 0; cy < gy; cy++) {
    for (let cx = 0; cx < gx; cx++) {
      const here = members[cy * gx + cx]!;
      if (here.length === 0) continue;
      // Each unordered pair once: within the cell (a < b), then four of the eight neighbours.
      for (let i = 0; i < here.length; i++) for (let j = i + 1; j < here.length; j++) w[here[i]! * k + here[j]!]!++;
      if (cx + 1 < gx) touch(here, members[cy * gx + cx + 1]!);
      if (cy + 1 < gy) {
        touch(here, members[(cy + 1) * gx + cx]!);
        if (cx + 1 < gx) touch(here, members[(cy + 1) * gx + cx + 1]!);
        if (cx > 0) touch(here, members[(cy + 1) * gx + cx - 1]!);
      }
    }
  }
  const edges: Edge[] = [];
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) if (w[a * k + b]) edges.push({ a, b, w: w[a * k + b]! });
  return edges;
}
