/**
 * Benjamini–Hochberg step-up adjustment: q_(i) = min_{j ≥ i} p_(j) · m / j over
 * the p-values sorted ascending, capped at 1 (R's p.adjust(p, "BH")).
 * NaN p-values are not tests: they get NaN and do not count in m.
 */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const q = new Float64Array(p.length).fill(NaN);
  const order: number[] = [];
  for (let i = 0; i < p.length; i++) if (!Number.isNaN(p[i]!)) order.push(i);
  order.sort((a, b) => p[a]! - p[b]! || a - b);
  const m = order.length;
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1]!;
    running = Math.min(running, (p[i]! * m) / rank);
    q[i] = running;
  }
  return q;
}
