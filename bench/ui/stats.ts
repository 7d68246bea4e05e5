/** Order statistics for latency samples (nearest-rank). */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[rank]!;
}

export const median = (s: readonly number[]) => quantile(s, 0.5);
export const p95 = (s: readonly number[]) => quantile(s, 0.95);

export interface Row {
  metric: string;
  value: string;
  target: string;
  /** null = informational, no target. */
  pass: boolean | null;
}

export function fmtMs(v: number): string {
  return Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a';
}

export function table(rows: readonly Row[]): string {
  const head = ['metric', 'value', 'target', 'result'];
  const body = rows.map((r) => [r.metric, r.value, r.target, r.pass === null ? '—' : r.pass ? 'PASS' : 'FAIL']);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(w[i]!)).join(' | ').trimEnd();
  return [line(head), w.map((x) => '-'.repeat(x)).join('-|-'), ...body.map(line)].join('\n');
}
