/**
 * Where the default time axis starts: where the bulk of the papers starts, not
 * at a straggler. Leading bins that are empty or low-coverage are skipped, and
 * so is a leading island of papers cut off from the rest by a run of at least
 * TAIL_GAP_BINS empty bins when it holds under TAIL_SHARE of the binned papers
 * (the bundled corpus: one paper in 2019 Q4, then nothing until 2022). The
 * skipped papers are counted, so the view can say what it leaves out.
 */
import type { TimeBin } from '../../schema/artifact.ts';

export const TAIL_GAP_BINS = 4;
export const TAIL_SHARE = 0.02;

export interface AxisWindow {
  /** First bin shown by default. */
  first: number;
  /** Papers in the bins before it. */
  hidden: number;
}

export function defaultAxisWindow(bins: readonly TimeBin[]): AxisWindow {
  const n = bins.length;
  let all = 0;
  for (const b of bins) all += b.total;
  const skipLow = (from: number) => {
    let b = from;
    while (b < n && (bins[b]!.total === 0 || bins[b]!.sparse)) b++;
    return b;
  };
  let first = skipLow(0);
  for (;;) {
    // The next run of >= TAIL_GAP_BINS empty bins after `first`, and the papers before it.
    let before = 0;
    let b = first;
    let next = -1;
    while (b < n) {
      if (bins[b]!.total === 0) {
        let z = b;
        while (z < n && bins[z]!.total === 0) z++;
        if (z - b >= TAIL_GAP_BINS && z < n) {
          next = z;
          break;
        }
        b = z;
      } else {
        before += bins[b]!.total;
        b++;
      }
    }
    if (next < 0) break;
    let hiddenSoFar = 0;
    for (let i = 0; i < next; i++) hiddenSoFar += bins[i]!.total;
    if (hiddenSoFar >= TAIL_SHARE * all || before === 0) break;
    first = skipLow(next);
  }
  if (first >= n) return { first: 0, hidden: 0 };
  let hidden = 0;
  for (let i = 0; i < first; i++) hidden += bins[i]!.total;
  return { first, hidden };
}
