/**
 * Brush pixel ↔ bin mapping for the trends x-axis. Bin i occupies the pixel
 * band [i * w, (i + 1) * w) with w = width / nBins and its point sits at the
 * band's centre, so a line's vertex and its bin's brush band line up.
 */

export interface BinAxis {
  nBins: number;
  /** Plot width in pixels (x = 0 is the left edge of bin 0). */
  width: number;
}

export function binWidth(axis: BinAxis): number {
  return axis.nBins > 0 ? axis.width / axis.nBins : 0;
}

/** Pixel x of bin b's centre. */
export function binCenter(axis: BinAxis, b: number): number {
  return (b + 0.5) * binWidth(axis);
}

/** The bin under pixel x, clamped to [0, nBins - 1]. */
export function binAt(axis: BinAxis, x: number): number {
  const w = binWidth(axis);
  if (w === 0) return 0;
  return Math.max(0, Math.min(axis.nBins - 1, Math.floor(x / w)));
}

/**
 * Bins selected by a brush over [x0, x1]: those whose centre lies inside the
 * selection; when the selection holds no centre, the bin under its midpoint.
 * Inclusive range; null when there are no bins.
 */
export function pixelsToBinRange(axis: BinAxis, x0: number, x1: number): [number, number] | null {
  const w = binWidth(axis);
  if (w === 0) return null;
  const lo = Math.min(x0, x1);
  const hi = Math.max(x0, x1);
  let a = Math.ceil(lo / w - 0.5);
  let b = Math.floor(hi / w - 0.5);
  a = Math.max(0, a);
  b = Math.min(axis.nBins - 1, b);
  if (a > b) {
    const m = binAt(axis, (lo + hi) / 2);
    return [m, m];
  }
  return [a, b];
}

/** Pixel extent [left, right] covering the bins of an inclusive range (for snapping the brush). */
export function binRangeToPixels(axis: BinAxis, range: readonly [number, number]): [number, number] {
  const w = binWidth(axis);
  const a = Math.min(range[0], range[1]);
  const b = Math.max(range[0], range[1]);
  return [a * w, (b + 1) * w];
}
