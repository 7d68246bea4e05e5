/**
 * Per-point colour buffers, computed once per (level, colour mode) and per filter
 * change, never per frame.
 */
import { clusterPalette, mixPacked, packCss, timeColor, UNDATED, BACKGROUND } from './palette.ts';

/** Base colour per point: by cluster, or by date on a sequential scale (undated grey). */
export function baseColors(
  labels: Uint16Array,
  k: number,
  mode: 'cluster' | 'time',
  day: Int32Array,
  datePrecision: Uint8Array,
  out: Uint32Array,
): Uint32Array {
  const n = labels.length;
  if (mode === 'cluster') {
    const pal = clusterPalette(k).map(packCss);
    for (let i = 0; i < n; i++) out[i] = pal[labels[i]!]!;
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
  const grey = packCss(UNDATED);
  const span = Math.max(1, hi - lo);
  for (let i = 0; i < n; i++) {
    out[i] = datePrecision[i] ? ramp[Math.round(((day[i]! - lo) / span) * (steps - 1))]! : grey;
  }
  return out;
}

const BG = packCss(BACKGROUND);
const dimCache = new Map<number, number>();

/** Colours with dimming baked in for papers failing `pass`. */
export function applyDimming(base: Uint32Array, pass: Uint8Array | null, out: Uint32Array, amount = 0.82): Uint32Array {
  if (!pass) {
    out.set(base);
    return out;
  }
  for (let i = 0; i < base.length; i++) {
    const c = base[i]!;
    if (pass[i]) out[i] = c;
    else {
      let d = dimCache.get(c);
      if (d === undefined) {
        d = mixPacked(c, BG, amount);
        dimCache.set(c, d);
      }
      out[i] = d;
    }
  }
  return out;
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
