/**
 * Crossfilter memo: the trends views ignore their own 'time' clause, so a brush
 * move must not recompute (and redraw) them. `memoOnClauses` reruns `compute`
 * only when the clauses it depends on (all but `ignore`) change identity.
 */
import type { Clause, ClauseSource } from '../state/crossfilter.ts';

export function clausesExcept(clauses: readonly Clause[], ignore: readonly ClauseSource[]): Clause[] {
  return clauses.filter((c) => !ignore.includes(c.source));
}

export function sameClauses(a: readonly Clause[], b: readonly Clause[]): boolean {
  if (a.length !== b.length) return false;
  for (const c of a) if (!b.includes(c)) return false;
  return true;
}

/**
 * Returns a function of (clauses, ...deps) that caches its last result; it
 * recomputes when the relevant clauses or any dep (compared with ===) change.
 */
export function memoOnClauses<T>(ignore: readonly ClauseSource[], compute: (relevant: Clause[]) => T): (clauses: readonly Clause[], ...deps: unknown[]) => T {
  let lastClauses: Clause[] | null = null;
  let lastDeps: unknown[] = [];
  let last: T;
  return (clauses, ...deps) => {
    const relevant = clausesExcept(clauses, ignore);
    if (lastClauses && sameClauses(relevant, lastClauses) && deps.length === lastDeps.length && deps.every((d, i) => d === lastDeps[i])) {
      return last;
    }
    lastClauses = relevant;
    lastDeps = deps;
    last = compute(relevant);
    return last;
  };
}
