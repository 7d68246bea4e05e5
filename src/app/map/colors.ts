/**
 * Per-point colour buffers, computed once per (level, colour mode) and per filter
 * change, never per frame.
 */
import { clusterPalette, mixPacked, packCss, timeColor, UNDATED, BACKGROUND } from './palette.ts';

/**
 * Base colour per point (by cluster, or by date on a sequential scale, undated grey)
 * into `out`, and the same colour faded towards the background into `dimOut`.
 */
export function baseColors(
  labels: Uint16Array,
  k: number,
  mode: 'cluster' | 'time',
  day: Int32Array,
  datePrecision: Uint8Array,
  out: Uint32Array,
  dimOut: Uint32Array,
  dimAmount = 0.82,
): Uint32Array {
  const n = labels.length;
  if (mode === 'cluster') {
    const pal = clusterPalette(k).map(packCss);
    const dim = pal.map((c) => mixPacked(c, BG, dimAmount));
    for (let i = 0; i < n; i++) {
      const l = labels[i]!;
      out[i] = pal[l]!;
      dimOut[i] = dim[l]!;
    }
    return out;
  }
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!datePrecision[i]) continue;
    const d = day[i]!;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const steps = 256;
  const ramp = Array.from({ length: steps }, (_, s) => packCss(timeColor(s / (steps - 1))));
  const rampDim = ramp.map((c) => mixPacked(c, BG, dimAmount));
  const grey = packCss(UNDATED);
  const greyDim = mixPacked(grey, BG, dimAmount);
  const span = Math.max(1, hi - lo);
  for (let i = 0; i < n; i++) {
    if (datePrecision[i]) {
      const s = Math.round(((day[i]! - lo) / span) * (steps - 1));
      out[i] = ramp[s]!;
      dimOut[i] = rampDim[s]!;
    } else {
      out[i] = grey;
      dimOut[i] = greyDim;
    }
  }
  return out;
}

const BG = packCss(BACKGROUND);

/**
 * One pass per filter change: picks each point's colour (dimmed when it fails
 * `pass`) and writes the draw order, dimmed points first so passing ones sit on
 * top. Returns how many leading entries of `order` are dimmed.
 */
export function applyFilter(base: Uint32Array, dim: Uint32Array, pass: Uint8Array | null, color: Uint32Array, order: Uint32Array): number {
  const n = base.length;
  if (!pass) {
    color.set(base);
    for (let i = 0; i < n; i++) order[i] = i;
    return 0;
  }
  let front = 0;
  let back = n - 1;
  for (let i = 0; i < n; i++) {
    if (pass[i]) {
      color[i] = base[i]!;
      order[back--] = i;
    } else {
      color[i] = dim[i]!;
      order[front++] = i;
    }
  }
  return front;
}

/** Time range of the dated papers, for the colour legend. */
export function dayExtent(day: Int32Array, datePrecision: Uint8Array): [number, number] | null {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < day.length; i++) {
    if (!datePrecision[i]) continue;
    if (day[i]! < lo) lo = day[i]!;
    if (day[i]! > hi) hi = day[i]!;
  }
  return lo <= hi ? [lo, hi] : null;
}
