/**
 * Per-point colour buffers (plain and faded), computed once per (level, colour
 * mode), never per frame or per filter change.
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
