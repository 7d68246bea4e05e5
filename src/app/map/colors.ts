/**
 * Per-point colour buffers (plain and faded), computed once per (level, colour
 * mode), never per frame or per filter change.
 */
import { mixPacked, packCss, timeColor, UNDATED, BACKGROUND } from './palette.ts';
import { domainPosition, type DateDomain } from './dateScale.ts';

const BG = packCss(BACKGROUND);

/**
 * Base colour per point into `out` (by cluster from `clusterColors`, or by date
 * on the sequential ramp over `dates`, clamped at its ends, undated grey), and
 * the same colour faded towards the background into `dimOut`.
 */
export function baseColors(
  labels: Uint16Array,
  clusterColors: readonly string[],
  mode: 'cluster' | 'time',
  day: Int32Array,
  datePrecision: Uint8Array,
  dates: DateDomain | null,
  out: Uint32Array,
  dimOut: Uint32Array,
  dimAmount = 0.82,
): Uint32Array {
  const n = labels.length;
  if (mode === 'cluster' || !dates) {
    const pal = clusterColors.map(packCss);
    const dim = pal.map((c) => mixPacked(c, BG, dimAmount));
    for (let i = 0; i < n; i++) {
      const l = labels[i]!;
      out[i] = pal[l]!;
      dimOut[i] = dim[l]!;
    }
    return out;
  }
  const steps = 256;
  const ramp = Array.from({ length: steps }, (_, s) => packCss(timeColor(s / (steps - 1))));
  const rampDim = ramp.map((c) => mixPacked(c, BG, dimAmount));
  const grey = packCss(UNDATED);
  const greyDim = mixPacked(grey, BG, dimAmount);
  for (let i = 0; i < n; i++) {
    if (datePrecision[i]) {
      const s = Math.round(domainPosition(dates, day[i]!) * (steps - 1));
      out[i] = ramp[s]!;
      dimOut[i] = rampDim[s]!;
    } else {
      out[i] = grey;
      dimOut[i] = greyDim;
    }
  }
  return out;
}
