/**
 * The time brush by keyboard (pure): arrow keys move the brushed window by one
 * period, shift+arrows move its end (grow / shrink), Home / End move it to the
 * start / end of the axis, Escape clears it. Ranges are inclusive bin indices.
 */
import type { KeyLike } from '../map/keyboard.ts';
import { describeBinRange, type BinRange } from './timeMask.ts';

/**
 * The window after a key, 'clear', or null when the key is not the brush's
 * (it then goes on, e.g. Escape with nothing brushed clears the selection).
 * Bins before `first` are off the shown axis and never entered.
 */
export function brushKeyAction(e: KeyLike, range: BinRange | null, first: number, nBins: number): [number, number] | 'clear' | null {
  if (e.ctrlKey || e.metaKey || e.altKey || nBins <= 0) return null;
  const lo = Math.max(0, Math.min(first, nBins - 1));
  const hi = nBins - 1;
  if (e.key === 'Escape') return range ? 'clear' : null;
  if (!range) {
    if (e.key === 'ArrowRight' || e.key === 'Home') return [lo, lo];
    if (e.key === 'ArrowLeft' || e.key === 'End') return [hi, hi];
    return null;
  }
  const a = Math.max(lo, Math.min(range[0], hi));
  const b = Math.max(a, Math.min(range[1], hi));
  const w = b - a;
  switch (e.key) {
    case 'ArrowRight':
      if (e.shiftKey) return [a, Math.min(hi, b + 1)];
      return b < hi ? [a + 1, b + 1] : [a, b];
    case 'ArrowLeft':
      if (e.shiftKey) return [a, Math.max(a, b - 1)];
      return a > lo ? [a - 1, b - 1] : [a, b];
    case 'Home':
      return [lo, lo + w];
    case 'End':
      return [hi - w, hi];
    default:
      return null;
  }
}

/** The brush's value for a screen reader: the window and its length, or that nothing is brushed. */
export function describeBrush(range: BinRange | null, labels: readonly string[], unit: string): string {
  if (!range) return `No period selected: papers of every ${unit}`;
  const n = range[1] - range[0] + 1;
  return `${describeBinRange(labels, range)} (${n} ${unit}${n === 1 ? '' : 's'})`;
}
