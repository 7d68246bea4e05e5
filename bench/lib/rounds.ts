/**
 * Repeated, alternating runs of two sides, so that load from other processes falls on
 * both alike: ours, peer, ours, peer, ... Each side is summarised by its median run,
 * and the comparison is the ratio of the two medians (one slow run moves neither).
 */
import { fmtMs } from './table.ts';

export type SideName = 'ours' | 'peer';

export interface Turn {
  side: SideName;
  /** 1-based, per side. */
  round: number;
}

/** ours 1, peer 1, ours 2, peer 2, ... (ours alone when the peer cannot run). */
export function alternation(repeat: number, withPeer: boolean): Turn[] {
  if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`--repeat must be an integer ≥ 1, got ${repeat}`);
  const turns: Turn[] = [];
  for (let round = 1; round <= repeat; round++) {
    turns.push({ side: 'ours', round });
    if (withPeer) turns.push({ side: 'peer', round });
  }
  return turns;
}

/** Median of the finite values (mean of the middle two for an even count); null for none. */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** Load averages over 1, 5 and 15 minutes, as os.loadavg() gives them. */
export type LoadAverage = readonly [number, number, number];

export const fmtLoad = (l: LoadAverage): string => l.map((x) => x.toFixed(2)).join(' / ');

export interface TimedRun {
  side: SideName;
  round: number;
  ok: boolean;
  wallMs: number | null;
  loadBefore: LoadAverage;
  loadAfter: LoadAverage;
}

/** One line per run, in the order they ran, with the machine's load at its start and end. */
export function formatRuns(runs: readonly TimedRun[], cores: number): string[] {
  return [
    `   runs, in order (process wall; load average 1 / 5 / 15 min at start → end, ${cores} cores):`,
    ...runs.map((r) => `     ${`${r.side} ${r.round}`.padEnd(7)} ${(r.ok ? fmtMs(r.wallMs) : 'failed').padStart(8)}   load ${fmtLoad(r.loadBefore)} → ${fmtLoad(r.loadAfter)}`),
  ];
}

/** `median ours 1.52 s (1.48-1.60), peer 7.30 s (7.21-7.41), ours/peer 0.21× (ratio of medians, 3 runs each)`. */
export function formatMedians(runs: readonly TimedRun[]): string {
  const side = (s: SideName) => {
    const walls = runs.filter((r) => r.side === s && r.ok).map((r) => r.wallMs!);
    return { walls, med: median(walls), lo: walls.length ? Math.min(...walls) : null, hi: walls.length ? Math.max(...walls) : null };
  };
  const o = side('ours');
  const p = side('peer');
  const part = (name: string, x: typeof o) => (x.med === null ? `${name} —` : `${name} ${fmtMs(x.med)}${x.walls.length > 1 ? ` (${fmtMs(x.lo)}-${fmtMs(x.hi)})` : ''}`);
  const ratio = o.med !== null && p.med !== null && p.med > 0 ? `${(o.med / p.med).toFixed(2)}×` : '—';
  const counts = o.walls.length === p.walls.length ? `${o.walls.length} run${o.walls.length === 1 ? '' : 's'} each` : `${o.walls.length} / ${p.walls.length} runs`;
  return `   median ${part('ours', o)}, ${part('peer', p)}, ours/peer ${ratio} (ratio of medians, ${counts})`;
}
