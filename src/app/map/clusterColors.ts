/**
 * The one place cluster colours come from: the map, its legend and PNG, the
 * cluster list, the paper panel and the trends chart all read this assignment
 * (through atlas.clusterColor), so a cluster has one colour everywhere.
 * Computed in the dashboard at load from the 2-D positions (a few ms for 136k
 * papers), so every artifact, old ones included, gets it without a re-run.
 */
import type { Bounds } from './scales.ts';
import { clusterAdjacency, type Edge } from './clusterAdjacency.ts';
import { assignColors } from './assignColors.ts';
import { PALETTE_COLORS } from './paletteColors.ts';

/** The first k palette colours (repeating past the palette's length: the assignment then keeps repeats apart). */
export function paletteFor(k: number): string[] {
  return Array.from({ length: k }, (_, i) => PALETTE_COLORS[i % PALETTE_COLORS.length]!);
}

export interface ClusterColoring {
  /** CSS colour per cluster. */
  colors: string[];
  /** The adjacency the colours were chosen for. */
  edges: Edge[];
}

/**
 * Colours for one clustering level. The adjacency grid is coarser for small
 * corpora (about three papers per cell, 6 to 48 cells a side), so that "near"
 * still means something on a sparse map. The palette offered is twice k (up to
 * the palette's length): room to move a cluster to an unused colour.
 */
export function colorClusters(x: Float32Array, y: Float32Array, labels: Uint16Array, k: number, bounds: Bounds): ClusterColoring {
  const pool = paletteFor(Math.max(k, Math.min(PALETTE_COLORS.length, 2 * k)));
  const cells = Math.max(6, Math.min(48, Math.round(Math.sqrt(labels.length / 3))));
  const edges = clusterAdjacency(x, y, labels, k, bounds, { cells });
  const index = assignColors(k, edges, pool);
  return { colors: Array.from(index, (p) => pool[p]!), edges };
}
