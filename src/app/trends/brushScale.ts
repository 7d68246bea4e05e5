/**
 * Brush pixel ↔ bin mapping for the trends x-axis. The axis shows bins
 * first..nBins-1 (first = 0 unless the view starts after a sparse tail); bin i
 * occupies the pixel band [(i - first) * w, (i - first + 1) * w) with
 * w = width / (nBins - first) and its point sits at the band's centre, so a
 * line's vertex and its bin's brush band line up. Bin indices are always the
 * artifact's (absolute), whatever the first shown bin.
 */

export interface BinAxis {
  nBins: number;
  /** Plot width in pixels (x = 0 is the left edge of bin `first`). */
  width: number;
  /** First bin shown (default 0). */
  first?: number;
}

const firstOf = (axis: BinAxis) => Math.max(0, Math.min(axis.first ?? 0, axis.nBins - 1));

export function binWidth(axis: BinAxis): number {
  const shown = axis.nBins - firstOf(axis);
  return axis.nBins > 0 && shown > 0 ? axis.width / shown : 0;
}

/** Pixel x of bin b's left edge (negative for bins before the first shown). */
export function binLeft(axis: BinAxis, b: number): number {
  return (b - firstOf(axis)) * binWidth(axis);
}

/** Pixel x of bin b's centre. */
export function binCenter(axis: BinAxis, b: number): number {
  return (b - firstOf(axis) + 0.5) * binWidth(axis);
}

/** The bin under pixel x, clamped to the shown bins [first, nBins - 1]. */
export function binAt(axis: BinAxis, x: number): number {
  const w = binWidth(axis);
  const first = firstOf(axis);
  if (w === 0) return first;
  return Math.max(first, Math.min(axis.nBins - 1, first + Math.floor(x / w)));
}

/**
 * Bins selected by a brush over [x0, x1]: those whose centre lies inside the
 * selection; when the selection holds no centre, the bin under its midpoint.
 * Inclusive range; null when there are no bins.
 */
export function pixelsToBinRange(axis: BinAxis, x0: number, x1: number): [number, number] | null {
  const w = binWidth(axis);
  if (w === 0) return null;
  const first = firstOf(axis);
  const lo = Math.min(x0, x1);
  const hi = Math.max(x0, x1);
  let a = first + Math.ceil(lo / w - 0.5);
  let b = first + Math.floor(hi / w - 0.5);
  a = Math.max(first, a);
  b = Math.min(axis.nBins - 1, b);
  if (a > b) {
    const m = binAt(axis, (lo + hi) / 2);
    return [m, m];
  }
  return [a, b];
}

/** Pixel extent [left, right] covering the bins of an inclusive range (for snapping the brush), clipped to the plot. */
export function binRangeToPixels(axis: BinAxis, range: readonly [number, number]): [number, number] {
  const a = Math.min(range[0], range[1]);
  const b = Math.max(range[0], range[1]);
  const clip = (x: number) => Math.max(0, Math.min(axis.width, x));
  return [clip(binLeft(axis, a)), clip(binLeft(axis, b + 1))];
}
