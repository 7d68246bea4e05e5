/**
 * The time brush's clause: papers whose bin lies in an inclusive bin range.
 * Undated / imprecise papers (bin -1) fail an active time clause.
 */

export type BinRange = readonly [number, number];

/** Orders and clamps a bin range to [0, nBins - 1]; null when nothing is left. */
export function normalizeBinRange(range: BinRange, nBins: number): [number, number] | null {
  if (nBins <= 0) return null;
  let [a, b] = range;
  if (a > b) [a, b] = [b, a];
  a = Math.max(0, Math.floor(a));
  b = Math.min(nBins - 1, Math.floor(b));
  return a <= b ? [a, b] : null;
}

/** 1 for papers with start <= bin <= end (inclusive), 0 otherwise (including bin -1). */
export function binRangeMask(bin: Int16Array, range: BinRange, out?: Uint8Array): Uint8Array {
  const n = bin.length;
  const mask = out && out.length === n ? out : new Uint8Array(n);
  const lo = Math.min(range[0], range[1]);
  const hi = Math.max(range[0], range[1]);
  // Unsigned compare: (b - lo) >>> 0 <= hi - lo is false for b = -1 and b < lo.
  const width = hi - lo;
  if (lo < 0) {
    for (let i = 0; i < n; i++) {
      const b = bin[i]!;
      mask[i] = b >= 0 && b >= lo && b <= hi ? 1 : 0;
    }
    return mask;
  }
  for (let i = 0; i < n; i++) mask[i] = (bin[i]! - lo) >>> 0 <= width ? 1 : 0;
  return mask;
}

/** 'Jan 2024' or 'Jan 2024 – Mar 2024' from the bins' labels. */
export function describeBinRange(labels: readonly string[], range: BinRange): string {
  const [a, b] = range;
  const first = labels[a] ?? String(a);
  const last = labels[b] ?? String(b);
  return a === b ? first : `${first} – ${last}`;
}
