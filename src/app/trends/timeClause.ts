/** The 'time' clause the brush publishes: papers whose bin lies in the brushed range. */
import type { Clause } from '../state/crossfilter.ts';
import { binRangeMask, describeBinRange, type BinRange } from './timeMask.ts';

export function timeClause(bin: Int16Array, range: BinRange, binLabels: readonly string[]): Clause {
  return { source: 'time', mask: binRangeMask(bin, range), description: describeBinRange(binLabels, range) };
}

export function sameRange(a: BinRange | null, b: BinRange | null): boolean {
  if (a === null || b === null) return a === b;
  return a[0] === b[0] && a[1] === b[1];
}
