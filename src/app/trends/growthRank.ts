/**
 * Emerging / declining rankings from the artifact's growth estimates
 * (change in log-share per year with a 95% CI and a BH-adjusted q-value).
 */
import type { Growth } from '../../schema/artifact.ts';

export interface RankedGrowth<T> {
  item: T;
  growth: Growth;
  significant: boolean;
}

/**
 * Splits items with a growth estimate into rising (slope > 0, steepest first)
 * and falling (slope < 0, steepest decline first). Items without an estimate
 * are left out. Ties break on the smaller q-value, then on input order.
 */
export function rankByGrowth<T>(
  items: readonly T[],
  growthOf: (item: T) => Growth | null,
  alpha: number,
): { rising: RankedGrowth<T>[]; falling: RankedGrowth<T>[] } {
  const ranked: (RankedGrowth<T> & { order: number })[] = [];
  items.forEach((item, order) => {
    const g = growthOf(item);
    if (!g || !Number.isFinite(g.slope)) return;
    ranked.push({ item, growth: g, significant: g.qValue < alpha, order });
  });
  const cmp = (a: (typeof ranked)[number], b: (typeof ranked)[number], sign: number) =>
    sign * (b.growth.slope - a.growth.slope) || a.growth.qValue - b.growth.qValue || a.order - b.order;
  const strip = ({ item, growth, significant }: (typeof ranked)[number]): RankedGrowth<T> => ({ item, growth, significant });
  const rising = ranked.filter((r) => r.growth.slope > 0).sort((a, b) => cmp(a, b, 1)).map(strip);
  const falling = ranked.filter((r) => r.growth.slope < 0).sort((a, b) => cmp(a, b, -1)).map(strip);
  return { rising, falling };
}

/** Symmetric domain [-m, m] covering every CI, for a shared interval-bar scale. */
export function growthDomain(rows: readonly { growth: Growth }[]): [number, number] {
  let m = 0;
  for (const r of rows) {
    for (const v of [r.growth.ciLow, r.growth.ciHigh, r.growth.slope]) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
  }
  return m === 0 ? [-1, 1] : [-m, m];
}

/** Growth in log-share per year → '+35%/yr' (the multiplicative change of the share). */
export function formatGrowth(slope: number): string {
  const pct = (Math.exp(slope) - 1) * 100;
  const r = Math.abs(pct) >= 100 ? Math.round(pct) : Math.round(pct * 10) / 10;
  return `${r >= 0 ? '+' : ''}${r}%/yr`;
}

/** The keyword query for a term: quoted when it is a phrase. */
export function termQuery(term: string, phrase: boolean): string {
  return phrase || /\s/.test(term) ? `"${term}"` : term;
}
