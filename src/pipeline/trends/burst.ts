/**
 * Kleinberg's two-state burst automaton for batched arrivals ("Bursty and
 * hierarchical structure in streams", 2002, §4): in bin t, r_t of d_t
 * documents are relevant. The base state emits relevant documents at
 * p0 = R/D (over all bins), the burst state at p1 = s·p0 (capped at 0.9999).
 * State cost σ_i(t) = −ln[p_i^r_t (1 − p_i)^(d_t − r_t)] (the binomial
 * coefficient is the same in both states and dropped); entering the burst
 * state costs γ·ln(n) for n bins, leaving it is free; the automaton starts in
 * the base state. The cheapest state sequence (Viterbi) gives the bursts; a
 * burst's weight is Σ over its bins of σ_0(t) − σ_1(t). Bins with no
 * documents cost nothing in either state, so a burst is trimmed to start and
 * end on bins with documents (entering before an empty bin costs the same).
 */
import type { Burst } from '../../schema/artifact.ts';

export interface BurstOptions {
  /** Ratio of the burst rate to the base rate (default 2). */
  s?: number;
  /** Scale of the cost of entering the burst state (default 1). */
  gamma?: number;
}

export const BURST_P1_CAP = 0.9999;

export function burstMethod(s: number, gamma: number): string {
  return `Kleinberg two-state burst automaton, binomial (batched) version: p0 = R/N, p1 = min(${s}*p0, ${BURST_P1_CAP}), transition cost ${gamma}*ln(bins), Viterbi; weight = sum of cost differences over the burst`;
}

export function kleinbergBursts(relevant: ArrayLike<number>, total: ArrayLike<number>, options: BurstOptions = {}): Burst[] {
  const s = options.s ?? 2;
  const gamma = options.gamma ?? 1;
  const n = relevant.length;
  if (total.length !== n) throw new RangeError(`trends: relevant (${n}) and total (${total.length}) differ in length`);
  let R = 0;
  let D = 0;
  for (let t = 0; t < n; t++) {
    R += relevant[t]!;
    D += total[t]!;
  }
  if (n === 0 || R <= 0 || R >= D) return [];
  const p0 = R / D;
  const p1 = Math.min(s * p0, BURST_P1_CAP);
  if (p1 <= p0) return [];
  const lp0 = Math.log(p0);
  const lq0 = Math.log(1 - p0);
  const lp1 = Math.log(p1);
  const lq1 = Math.log(1 - p1);
  const enter = gamma * Math.log(n);

  const cost0 = new Float64Array(n);
  const cost1 = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const r = relevant[t]!;
    const d = total[t]!;
    cost0[t] = -(r * lp0 + (d - r) * lq0);
    cost1[t] = -(r * lp1 + (d - r) * lq1);
  }
  // Viterbi; from[t*2 + j] = state at t−1 on the best path into state j at t.
  const from = new Uint8Array(2 * n);
  let best0 = cost0[0]!;
  let best1 = enter + cost1[0]!;
  for (let t = 1; t < n; t++) {
    const into0From1 = best1 < best0;
    const next0 = (into0From1 ? best1 : best0) + cost0[t]!;
    const into1From0 = best0 + enter < best1;
    const next1 = (into1From0 ? best0 + enter : best1) + cost1[t]!;
    from[2 * t] = into0From1 ? 1 : 0;
    from[2 * t + 1] = into1From0 ? 0 : 1;
    best0 = next0;
    best1 = next1;
  }
  const state = new Uint8Array(n);
  state[n - 1] = best1 < best0 ? 1 : 0;
  for (let t = n - 1; t > 0; t--) state[t - 1] = from[2 * t + state[t]!]!;

  const bursts: Burst[] = [];
  for (let t = 0; t < n; t++) {
    if (!state[t]) continue;
    let startBin = t;
    let weight = 0;
    while (t < n && state[t]) {
      weight += cost0[t]! - cost1[t]!;
      t++;
    }
    let endBin = t - 1;
    while (startBin < endBin && !(total[startBin]! > 0)) startBin++;
    while (endBin > startBin && !(total[endBin]! > 0)) endBin--;
    bursts.push({ startBin, endBin, weight });
  }
  return bursts;
}
