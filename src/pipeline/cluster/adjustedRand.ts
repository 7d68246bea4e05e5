/**
 * Adjusted Rand index (Hubert & Arabie 1985) of two labelings with labels in
 * [0, ka) and [0, kb): 1 for the same partition, ≈ 0 for chance agreement.
 * Same value as scikit-learn's `adjusted_rand_score`.
 */
export function adjustedRand(a: Int32Array, b: Int32Array, ka: number, kb: number): number {
  const n = a.length;
  if (b.length !== n) throw new RangeError(`adjustedRand: ${n} vs ${b.length} labels`);
  const table = new Float64Array(ka * kb);
  const rows = new Float64Array(ka);
  const cols = new Float64Array(kb);
  for (let i = 0; i < n; i++) {
    table[a[i]! * kb + b[i]!]++;
    rows[a[i]!]++;
    cols[b[i]!]++;
  }
  const pairs = (m: number): number => (m * (m - 1)) / 2;
  let index = 0;
  for (const v of table) index += pairs(v);
  let sa = 0;
  for (const v of rows) sa += pairs(v);
  let sb = 0;
  for (const v of cols) sb += pairs(v);
  const expected = (sa * sb) / pairs(n);
  const max = (sa + sb) / 2;
  // Both partitions trivial (one cluster each, or all singletons): identical by definition.
  return max === expected ? 1 : (index - expected) / (max - expected);
}
