/**
 * Where the trends view must not pretend: runs of empty bins (drawn as zero with
 * a gap marker, never interpolated) and the partial bins at the corpus edge.
 */

/** Maximal runs [start, end] (inclusive) of bins whose total is 0. */
export function emptyRuns(totals: ArrayLike<number>): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let b = 0; b < totals.length; b++) {
    if (totals[b] === 0) {
      if (start < 0) start = b;
    } else if (start >= 0) {
      runs.push([start, b - 1]);
      start = -1;
    }
  }
  if (start >= 0) runs.push([start, totals.length - 1]);
  return runs;
}

/**
 * Splits bin indices into the solid part and the partial tail: `solidEnd` is the
 * last bin before the trailing partial bins (-1 if all are partial); the tail
 * segment runs from solidEnd to the last bin so the dashed piece joins the line.
 */
export function partialTail(partial: readonly boolean[]): { solidEnd: number; partialStart: number | null } {
  let p = partial.length;
  while (p > 0 && partial[p - 1]) p--;
  return { solidEnd: p - 1, partialStart: p < partial.length ? p : null };
}
