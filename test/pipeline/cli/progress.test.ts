/** Progress lines as a user sees them, on a fake clock and a fake stream (terminal and log). */
import { describe, expect, it } from 'vitest';
import { createProgress, formatEta, RemainingTime } from '../../../src/pipeline/cli/progress.ts';

function fake(isTTY: boolean, columns?: number) {
  let t = 0;
  const chunks: string[] = [];
  const stream = { isTTY, columns, write: (s: string) => chunks.push(s) };
  return { stream, chunks, now: () => t, advance: (ms: number) => (t += ms), text: () => chunks.join('') };
}

describe('RemainingTime', () => {
  it('extrapolates the average rate since the last tick that had not moved', () => {
    const r = new RemainingTime();
    expect(r.update(0, 0, 100)).toBeNull();
    expect(r.update(5000, 0, 100)).toBeNull(); // set-up: the count starts here
    expect(r.update(5500, 10, 100)).toBeNull(); // under a second of counted work
    expect(r.update(7000, 40, 100)).toBe(3000); // 40 units in 2 s → 60 units in 3 s
    expect(r.update(8000, 50, 100)).toBe(3000); // the average over 3 s, not the last step's rate
    expect(r.update(9000, 100, 100)).toBeNull();
  });
});

describe('formatEta', () => {
  it('rounds up to whole seconds, then minutes', () => {
    expect([formatEta(0), formatEta(1200), formatEta(59_001), formatEta(125_000), formatEta(3_725_000)]).toEqual([
      '1 s', '2 s', '1 min 0 s', '2 min 5 s', '1 h 2 min',
    ]);
  });
});

describe('createProgress on a terminal', () => {
  it('draws the bar with elapsed time and ETA, clears it for a warning and redraws it', async () => {
    const f = fake(true);
    const p = createProgress({ stream: f.stream, now: f.now });
    await p.stage('lsa', (tick) => {
      tick(0, 10);
      f.advance(2000);
      tick(4, 10);
      p.warn('warning: something about the data');
      f.advance(50);
      tick(5, 10); // within 100 ms of the last redraw: skipped
      f.advance(950);
      tick(6, 10);
      f.advance(500);
    });
    expect(f.chunks).toEqual([
      '\r  lsa        [........................]   0%\x1b[K',
      '\r  lsa        [##########..............]  40%  2.0 s, ETA 3 s\x1b[K',
      '\r\x1b[K',
      'warning: something about the data\n',
      '  lsa        [##########..............]  40%  2.0 s, ETA 3 s',
      '\r  lsa        [##############..........]  60%  3.0 s, ETA 2 s\x1b[K',
      '\r\x1b[K',
      '  lsa           3.5 s\n',
    ]);
  });

  it('prints a message without clearing when no bar is drawn, and cuts the bar to the width', async () => {
    const f = fake(true, 30);
    const p = createProgress({ stream: f.stream, now: f.now });
    p.info('hello');
    await p.stage('knn', (tick) => tick(1, 2, 'a long note that would wrap'));
    expect(f.chunks).toEqual(['hello\n', '\r  knn        [############...\x1b[K', '\r\x1b[K', '  knn            0 ms\n']);
  });

  it('clears the bar when a stage fails, so the error starts its own line', async () => {
    const f = fake(true);
    const p = createProgress({ stream: f.stream, now: f.now });
    await expect(p.stage('tfidf', (tick) => { tick(1, 4); throw new Error('boom'); })).rejects.toThrow('boom');
    expect(f.chunks.at(-1)).toBe('\r\x1b[K');
  });
});

describe('createProgress in a log', () => {
  it('prints every new 10 % once the stage has run 2 s, with elapsed time and ETA', async () => {
    const f = fake(false);
    const p = createProgress({ stream: f.stream, now: f.now });
    await p.stage('umap', (tick) => {
      tick(0, 200, 'fuzzy graph');
      f.advance(1500);
      tick(0, 200);
      f.advance(400);
      tick(10, 200); // 1.9 s: too early for a log line
      f.advance(600);
      tick(30, 200);
      tick(35, 200); // same decile
      f.advance(1000);
      tick(50, 200);
      f.advance(3500);
      tick(200, 200);
    });
    expect(f.text()).toBe(
      '  umap 10%  2.5 s, ETA 6 s\n' + // 30 units in 1 s since the count began → 170 in 5.7 s
        '  umap 20%  3.5 s, ETA 6 s\n' + // 50 units in 2 s → 150 in 6 s
        '  umap 100%  7.0 s\n' +
        '  umap          7.0 s\n',
    );
  });

  it('with --quiet prints warnings only', async () => {
    const f = fake(false);
    const p = createProgress({ quiet: true, stream: f.stream, now: f.now });
    await p.stage('ingest', (tick) => {
      f.advance(5000);
      tick(1, 2);
      p.info('info');
      p.warn('warn');
    });
    expect(f.text()).toBe('warn\n');
  });
});
