/** The pure parts of a bench that load cannot fool: the order of the runs, medians, their ratio, the report lines. */
import { describe, expect, it } from 'vitest';
import { alternation, fmtLoad, formatMedians, formatRuns, median, type TimedRun } from '../../bench/lib/rounds.ts';

describe('alternation', () => {
  it('alternates ours and peer, round by round', () => {
    expect(alternation(3, true).map((t) => `${t.side} ${t.round}`)).toEqual(['ours 1', 'peer 1', 'ours 2', 'peer 2', 'ours 3', 'peer 3']);
  });
  it('runs ours alone when the peer cannot run, and refuses a repeat below 1', () => {
    expect(alternation(2, false).map((t) => `${t.side} ${t.round}`)).toEqual(['ours 1', 'ours 2']);
    expect(() => alternation(0, true)).toThrow('--repeat must be an integer ≥ 1, got 0');
    expect(() => alternation(1.5, true)).toThrow('--repeat must be an integer ≥ 1, got 1.5');
  });
});

describe('median', () => {
  it('takes the middle value, the mean of the middle two, and ignores missing runs', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, null, undefined, 1, NaN])).toBe(3);
    expect(median([])).toBeNull();
  });
  it('is not moved by one run slowed by load', () => {
    expect(median([1500, 1510, 9000])).toBe(1510);
  });
});

const load = (a: number) => [a, a / 2, a / 4] as const;
const run = (side: 'ours' | 'peer', round: number, wallMs: number | null, ok = true): TimedRun => ({
  side, round, ok, wallMs, loadBefore: load(4), loadAfter: load(2),
});

describe('report lines', () => {
  it('formats the load average', () => expect(fmtLoad([8.214, 5.79, 5.256])).toBe('8.21 / 5.79 / 5.26'));

  it('lists the runs in order with the load at start and end', () => {
    expect(formatRuns([run('ours', 1, 1523), run('peer', 1, 12_345), run('ours', 2, null, false)], 2)).toEqual([
      '   runs, in order (process wall; load average 1 / 5 / 15 min at start → end, 2 cores):',
      '     ours 1   1523 ms   load 4.00 / 2.00 / 1.00 → 2.00 / 1.00 / 0.50',
      '     peer 1    12.3 s   load 4.00 / 2.00 / 1.00 → 2.00 / 1.00 / 0.50',
      '     ours 2    failed   load 4.00 / 2.00 / 1.00 → 2.00 / 1.00 / 0.50',
    ]);
  });

  it('gives each side its median and range and the ratio of the medians', () => {
    const runs = [run('ours', 1, 1500), run('peer', 1, 7000), run('ours', 2, 1400), run('peer', 2, 9000), run('ours', 3, 4000), run('peer', 3, 7500)];
    expect(formatMedians(runs)).toBe('   median ours 1500 ms (1400 ms-4000 ms), peer 7500 ms (7000 ms-9000 ms), ours/peer 0.20× (ratio of medians, 3 runs each)');
  });

  it('says when the peer has no runs and counts failed runs out', () => {
    expect(formatMedians([run('ours', 1, 2000)])).toBe('   median ours 2000 ms, peer —, ours/peer — (ratio of medians, 1 / 0 runs)');
    expect(formatMedians([run('ours', 1, 2000), run('peer', 1, 4000), run('ours', 2, null, false), run('peer', 2, 5000)])).toBe(
      '   median ours 2000 ms, peer 4500 ms (4000 ms-5000 ms), ours/peer 0.44× (ratio of medians, 1 / 2 runs)',
    );
  });
});
