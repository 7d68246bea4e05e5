/**
 * Low-coverage periods: bins whose paper total falls so far below the rest that
 * the drop says more about how the corpus was collected (a harvest gap, a
 * straggling tail of early papers) than about the field. They are flagged like
 * a partial bin: hatched in the dashboard and left out of growth fits.
 *
 * The rule reads the bins' paper totals only (never a cluster or a term): a bin
 * is low when it holds fewer than SPARSE_SHARE of the median of its nearest
 * SPARSE_NEIGHBOURS non-empty, complete bins on each side (fewer at the ends of
 * the axis; at least 2 in all), and that median is at least SPARSE_MIN_MEDIAN
 * papers: below that a low bin is as likely Poisson noise as a gap. The
 * reference is local, not the corpus median, so the small early years of a
 * growing archive are not flagged, only a drop against their own neighbours.
 * A bin next to a low bin holding no more papers than it is low too (a run of
 * low bins). Empty bins are not flagged (they show as gaps and carry no weight
 * in a fit).
 */

/** A bin is low when it holds fewer than this share of its reference median. */
export const SPARSE_SHARE = 0.25;
/** Bins looked at on each side of a bin for the dip rule. */
export const SPARSE_NEIGHBOURS = 2;
/** The dip rule needs this many papers in the neighbours' median. */
export const SPARSE_MIN_MEDIAN = 20;

export const COVERAGE_RULE =
  `a period is low-coverage when its papers are < ${SPARSE_SHARE * 100}% of the median of the ${SPARSE_NEIGHBOURS} nearest non-empty complete periods on each side ` +
  `(at least 2 in all; that median >= ${SPARSE_MIN_MEDIAN} papers), or next to a low-coverage period with no more papers than it; low-coverage and partial periods are left out of growth fits`;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/** 1 where a bin is low-coverage (see the rule above); partial and empty bins are never flagged. */
export function lowCoverageBins(totals: ArrayLike<number>, partial: ArrayLike<boolean>): Uint8Array {
  const n = totals.length;
  const out = new Uint8Array(n);
  const usable = (b: number) => b >= 0 && b < n && totals[b]! > 0 && !partial[b];
  for (let b = 0; b < n; b++) {
    if (!usable(b)) continue;
    const near: number[] = [];
    for (let side = -1; side <= 1; side += 2) {
      let taken = 0;
      for (let o = b + side; o >= 0 && o < n && taken < SPARSE_NEIGHBOURS; o += side) {
        if (!usable(o)) continue;
        near.push(totals[o]!);
        taken++;
      }
    }
    if (near.length < 2) continue;
    const m = median(near);
    if (m >= SPARSE_MIN_MEDIAN && totals[b]! < SPARSE_SHARE * m) out[b] = 1;
  }
  // A run of low bins hides its own outer members from the neighbour median
  // (January 538 beside February 630 and March 2,878): a bin next to a low one
  // that holds no more papers than it is low too.
  for (let pass = 0; pass < 2; pass++) {
    const step = pass === 0 ? 1 : -1;
    for (let b = pass === 0 ? 1 : n - 2; b >= 0 && b < n; b += step) {
      const from = b - step;
      if (out[from] && usable(b) && totals[b]! <= totals[from]!) out[b] = 1;
    }
  }
  return out;
}
