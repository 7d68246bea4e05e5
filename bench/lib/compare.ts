/** Peer-relative verdicts for scores measured over several seeds (higher is better). */
import { meanSd } from './metrics.ts';

export type Verdict = 'better' | 'on par' | 'worse';

export interface Comparison {
  ours: { mean: number; sd: number };
  peer: { mean: number; sd: number };
  diff: number;
  verdict: Verdict;
}

/**
 * `better` / `worse` when the means differ by more than the seeds' combined spread
 * (√(sd_ours² + sd_peer²)), with a floor of `tolerance` so identical constant scores are `on par`.
 */
export function compareScores(ours: readonly number[], peer: readonly number[], tolerance = 0.005): Comparison {
  const o = meanSd(ours);
  const p = meanSd(peer);
  const diff = o.mean - p.mean;
  const noise = Math.max(tolerance, Math.hypot(o.sd, p.sd));
  const verdict: Verdict = diff > noise ? 'better' : diff < -noise ? 'worse' : 'on par';
  return { ours: o, peer: p, diff, verdict };
}

export const fmtMeanSd = (m: { mean: number; sd: number }): string =>
  Number.isFinite(m.mean) ? `${m.mean.toFixed(3)} ± ${m.sd.toFixed(3)}` : '—';
