/**
 * Progress on stderr: one line per stage with its timing, and for stages that
 * report their work (`tick(done, total)`), a bar with the time elapsed and an
 * estimate of the time left. On a terminal the bar redraws in place (at most
 * every REDRAW_MS) and a message printed meanwhile clears it first and redraws
 * it after; otherwise (CI logs, pipes) a stage that has run STATUS_AFTER_MS
 * prints a line at each new 10 % so logs stay short. Nothing goes to stdout.
 */
export interface Progress {
  stage<T>(name: string, work: (tick: Tick) => Promise<T> | T): Promise<T>;
  info(message: string): void;
  warn(message: string): void;
  readonly timings: Record<string, number>;
  readonly peakRss: Record<string, number>;
}

export type Tick = (done: number, total: number, note?: string) => void;

/** What the progress writes to: process.stderr, or a fake in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  /** Terminal width; a bar longer than this would wrap and break the in-place redraw. */
  readonly columns?: number;
  write(chunk: string): unknown;
}

export interface ProgressOptions {
  quiet?: boolean;
  stream?: ProgressStream;
  /** Milliseconds on a monotonic clock (performance.now by default; a fake one in tests). */
  now?: () => number;
}

/** Below this, a stage shows no elapsed time or estimate: it is over before anyone reads them. */
export const STATUS_AFTER_MS = 1000;
/** Non-terminal logs get progress lines only from stages running longer than this. */
export const LOG_AFTER_MS = 2000;
/** Minimum time between two redraws of the terminal bar. */
export const REDRAW_MS = 100;
const BAR_WIDTH = 24;
const CLEAR_LINE = '\r\x1b[K';

export function createProgress(options: ProgressOptions = {}): Progress {
  const out = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const quiet = options.quiet ?? false;
  const tty = Boolean(out.isTTY);
  const timings: Record<string, number> = {};
  const peakRss: Record<string, number> = {};
  /** The bar on screen now (terminal only), to clear before a message and redraw after it. */
  let bar: string | null = null;
  const clearBar = () => {
    if (bar !== null) out.write(CLEAR_LINE);
  };
  const message = (m: string) => {
    clearBar();
    out.write(`${m}\n`);
    if (bar !== null) out.write(bar);
  };

  return {
    timings,
    peakRss,
    info: (m) => {
      if (!quiet) message(m);
    },
    // Warnings about the user's data are shown even with --quiet.
    warn: (m) => message(m),
    async stage(name, work) {
      const t0 = now();
      const eta = new RemainingTime();
      let lastDecile = -1;
      let lastDraw = -Infinity;
      let lastNote: string | undefined;
      const tick: Tick = (done, total, note) => {
        if (quiet || total <= 0) return;
        const t = now();
        const elapsed = t - t0;
        const left = eta.update(t, done, total);
        const status = elapsed >= STATUS_AFTER_MS ? { elapsedMs: elapsed, remainingMs: left } : null;
        if (tty) {
          if (t - lastDraw < REDRAW_MS && done < total && note === lastNote) return;
          lastDraw = t;
          lastNote = note;
          bar = fitWidth(formatBar(name, done / total, status, note), out.columns);
          out.write(`\r${bar}\x1b[K`);
        } else if (elapsed >= LOG_AFTER_MS) {
          // In logs, only stages long enough to wonder about get progress lines.
          const decile = Math.floor(Math.min(1, done / total) * 10);
          if (decile > lastDecile) {
            lastDecile = decile;
            out.write(`${formatLogLine(name, decile * 10, status, note)}\n`);
          }
        }
      };
      try {
        const result = await work(tick);
        const ms = now() - t0;
        timings[name] = Math.round(ms);
        peakRss[name] = process.resourceUsage().maxRSS * 1024;
        clearBar();
        bar = null;
        if (!quiet) out.write(`  ${name.padEnd(10)} ${formatMs(ms).padStart(8)}\n`);
        return result;
      } catch (e) {
        // The error line that follows must start on a clean line.
        clearBar();
        bar = null;
        throw e;
      }
    },
  };
}

/**
 * Time left in a stage from the average rate since counting began: the rate
 * over all the work done after the last tick that still reported the stage's
 * first count (so set-up before the first unit of work, such as UMAP's graph
 * before its epochs, is not taken for slow progress). An average over the whole
 * stage, not a moving window: it does not jump with one slow or fast step, and
 * where a stage's later steps are faster than its first ones (kNN queries after
 * the index is built) it errs long. null until STATUS_AFTER_MS of counted work.
 */
export class RemainingTime {
  private startDone = NaN;
  private startTime = NaN;

  update(now: number, done: number, total: number): number | null {
    // The first tick, one that has not moved yet, or one that went back (a stage starting over) starts the count.
    if (Number.isNaN(this.startDone) || done <= this.startDone) {
      this.startDone = done;
      this.startTime = now;
      return null;
    }
    const spent = now - this.startTime;
    if (spent < STATUS_AFTER_MS || done >= total) return null;
    return ((total - done) * spent) / (done - this.startDone);
  }
}

export interface StageStatus {
  elapsedMs: number;
  remainingMs: number | null;
}

/** `  lsa        [##########..............]  42%  4.1 s, ETA 6 s  note` (no carriage return). */
export function formatBar(name: string, fraction: number, status: StageStatus | null, note?: string): string {
  const frac = Math.min(1, Math.max(0, fraction));
  const full = Math.round(frac * BAR_WIDTH);
  const percent = `${Math.floor(frac * 100)}%`.padStart(4);
  return `  ${name.padEnd(10)} [${'#'.repeat(full)}${'.'.repeat(BAR_WIDTH - full)}] ${percent}${formatStatus(status)}${note ? `  ${note}` : ''}`;
}

/** `  lsa 40%  4.1 s, ETA 6 s  note`: one line of a non-terminal log. */
export function formatLogLine(name: string, percent: number, status: StageStatus | null, note?: string): string {
  return `  ${name} ${percent}%${formatStatus(status)}${note ? `  ${note}` : ''}`;
}

function formatStatus(status: StageStatus | null): string {
  if (!status) return '';
  const eta = status.remainingMs === null ? '' : `, ETA ${formatEta(status.remainingMs)}`;
  return `  ${formatMs(status.elapsedMs)}${eta}`;
}

/** Whole seconds, rounded up (an estimate that says 0 s while work remains reads as a hang). */
export function formatEta(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** Cut to one character less than the terminal's width, so the cursor never wraps. */
function fitWidth(line: string, columns: number | undefined): string {
  return columns && columns > 1 && line.length >= columns ? line.slice(0, columns - 1) : line;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
