/** Plain-text tables and number formats for the bench reports. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const fmtMs = (ms: number | null | undefined): string =>
  ms == null ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;

export const fmtMb = (bytes: number | null | undefined): string => (bytes == null ? '—' : `${Math.round(bytes / 2 ** 20)} MB`);

export const fmtRatio = (a: number | null | undefined, b: number | null | undefined): string =>
  a == null || b == null || b === 0 ? '—' : `${(a / b).toFixed(2)}×`;

export const ratio = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a == null || b == null || b === 0 ? null : a / b;
