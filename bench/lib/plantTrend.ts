/**
 * Null and planted date arrangements for checking the trend tests: shuffling
 * the dates among papers keeps every bin's total and removes every real
 * trend; re-dating the papers of one term makes its share rise by a known ramp.
 */
import { mulberry32 } from '../../src/pipeline/vectors/random.ts';

/** The dates (day with its precision) permuted among the papers (Fisher-Yates, seeded). */
export function shuffleDates(day: Int32Array, precision: Uint8Array, seed: number): { day: Int32Array; precision: Uint8Array } {
  const rand = mulberry32(seed);
  const order = Int32Array.from({ length: day.length }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return { day: Int32Array.from(order, (i) => day[i]!), precision: Uint8Array.from(order, (i) => precision[i]!) };
}

/**
 * Papers per fitted bin that carry the planted term: proportional to
 * share(b) · total(b), share rising linearly from `from` to `to` over the
 * fitted bins, scaled so they sum to `carriers` (largest remainder), never
 * above a bin's total. 0 in bins that are not fitted.
 */
export function plantedCounts(totals: ArrayLike<number>, fitted: ArrayLike<number | boolean>, carriers: number, from: number, to: number): Int32Array {
  const idx: number[] = [];
  for (let b = 0; b < totals.length; b++) if (fitted[b] && totals[b]! > 0) idx.push(b);
  const out = new Int32Array(totals.length);
  if (idx.length === 0) return out;
  const want = idx.map((b, r) => (from + ((to - from) * r) / Math.max(1, idx.length - 1)) * totals[b]!);
  const sum = want.reduce((s, v) => s + v, 0);
  const exact = want.map((v) => (v * carriers) / sum);
  let left = carriers;
  idx.forEach((b, r) => {
    out[b] = Math.min(totals[b]!, Math.floor(exact[r]!));
    left -= out[b]!;
  });
  const byRemainder = idx.map((b, r) => [b, exact[r]! - Math.floor(exact[r]!)] as const).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  for (let i = 0; left > 0 && i < byRemainder.length * 2; i++) {
    const b = byRemainder[i % byRemainder.length]![0];
    if (out[b]! < totals[b]!) {
      out[b]!++;
      left--;
    }
  }
  return out;
}

/**
 * Re-dates the binned papers so that the `carrier` papers fill `counts[b]`
 * of bin b's date slots and the other papers the rest; unbinned papers keep
 * their dates. Needs sum(counts) = number of binned carriers.
 */
export function plantDates(
  day: Int32Array,
  precision: Uint8Array,
  bin: Int16Array,
  carrier: Uint8Array,
  counts: Int32Array,
  seed: number,
): { day: Int32Array; precision: Uint8Array } {
  const rand = mulberry32(seed);
  const shuffle = (a: number[]) => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  };
  const slots: number[][] = Array.from({ length: counts.length }, () => []);
  const yes: number[] = [];
  const no: number[] = [];
  for (let i = 0; i < bin.length; i++) {
    if (bin[i]! < 0) continue;
    slots[bin[i]!]!.push(i);
    (carrier[i] ? yes : no).push(i);
  }
  const need = counts.reduce((s, v) => s + v, 0);
  if (need !== yes.length) throw new RangeError(`plant: counts sum to ${need} but ${yes.length} binned papers carry the term`);
  shuffle(yes);
  shuffle(no);
  const outDay = Int32Array.from(day);
  const outPrecision = Uint8Array.from(precision);
  let y = 0;
  let n = 0;
  slots.forEach((s, b) => {
    s.forEach((slot, r) => {
      const paper = r < counts[b]! ? yes[y++]! : no[n++]!;
      outDay[paper] = day[slot]!;
      outPrecision[paper] = precision[slot]!;
    });
  });
  return { day: outDay, precision: outPrecision };
}
