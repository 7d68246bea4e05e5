/**
 * Progress on stderr: one line per stage with its timing, and a bar for long
 * loops. On a terminal the bar redraws in place; otherwise (CI logs, pipes) it
 * prints at most every 10% so logs stay short. Nothing goes to stdout.
 */
export interface Progress {
  stage<T>(name: string, work: (tick: Tick) => Promise<T> | T): Promise<T>;
  info(message: string): void;
  warn(message: string): void;
  readonly timings: Record<string, number>;
  readonly peakRss: Record<string, number>;
}

export type Tick = (done: number, total: number, note?: string) => void;

export function createProgress(options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const out = options.stream ?? process.stderr;
  const quiet = options.quiet ?? false;
  const tty = Boolean(out.isTTY);
  const timings: Record<string, number> = {};
  const peakRss: Record<string, number> = {};
  const write = (s: string) => {
    if (!quiet) out.write(s);
  };

  return {
    timings,
    peakRss,
    info: (m) => write(`${m}\n`),
    // Warnings about the user's data are shown even with --quiet.
    warn: (m) => out.write(`${m}\n`),
    async stage(name, work) {
      const t0 = performance.now();
      let lastDecile = -1;
      let drewBar = false;
      const tick: Tick = (done, total, note) => {
        if (quiet || total <= 0) return;
        const frac = Math.min(1, done / total);
        if (tty) {
          const width = 24;
          const full = Math.round(frac * width);
          out.write(`\r  ${name.padEnd(10)} [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${Math.round(frac * 100)}%${note ? ` ${note}` : ''}   `);
          drewBar = true;
        } else if (performance.now() - t0 > 2000) {
          // In logs, only stages long enough to wonder about get progress lines.
          const decile = Math.floor(frac * 10);
          if (decile > lastDecile) {
            lastDecile = decile;
            out.write(`  ${name} ${decile * 10}%${note ? ` ${note}` : ''}\n`);
          }
        }
      };
      const result = await work(tick);
      const ms = performance.now() - t0;
      timings[name] = Math.round(ms);
      peakRss[name] = process.resourceUsage().maxRSS * 1024;
      if (drewBar) out.write('\r\x1b[K');
      write(`  ${name.padEnd(10)} ${formatMs(ms).padStart(8)}\n`);
      return result;
    },
  };
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
