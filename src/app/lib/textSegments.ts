/**
 * Splits text into plain and highlighted segments from [start, end) ranges, so
 * views render highlights as text nodes (never HTML built from corpus text).
 */
export interface Segment {
  text: string;
  mark: boolean;
}

export function segmentText(text: string, ranges: ReadonlyArray<readonly [number, number]>): Segment[] {
  const sorted = ranges
    .map(([s, e]) => [Math.max(0, s), Math.min(text.length, e)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of sorted) {
    if (e <= pos) continue;
    const from = Math.max(s, pos);
    if (from > pos) out.push({ text: text.slice(pos, from), mark: false });
    out.push({ text: text.slice(from, e), mark: true });
    pos = e;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), mark: false });
  return out;
}
