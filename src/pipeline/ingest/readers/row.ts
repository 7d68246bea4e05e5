import { MAX_LINE_CHARS, type Line } from '../lines.ts';

/** What a format reader hands to the shared record → paper step. */
export type RawRow =
  /** A parsed record (any JSON value for JSON formats; a column → text object for CSV). */
  | { kind: 'record'; line: number; value: unknown }
  /** A row that could not be parsed at all (`reason` defaults to 'malformed'). */
  | { kind: 'malformed'; line: number; detail: string; reason?: 'trailing-content' | 'line-too-long' | 'missing-title' }
  /**
   * Input that is not a record by design (e.g. page chrome): counted, never an issue.
   * `betweenPapers`: it sat between two papers, where a page has no chrome, so it may be a paper the shape rules missed.
   */
  | { kind: 'ignored'; line: number; detail: string; betweenPapers?: true };

const MAX_DETAIL = 100;

/** One printable line of at most MAX_DETAIL characters, for messages. */
export function excerpt(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > MAX_DETAIL ? `${flat.slice(0, MAX_DETAIL - 1)}…` : flat;
}

/** The row for a line over the length cap (see splitLines). */
export function tooLongRow({ line, text }: Line): RawRow {
  return { kind: 'malformed', reason: 'line-too-long', line, detail: `line over ${MAX_LINE_CHARS / (1024 * 1024)} Mi characters, skipped unread: ${excerpt(text)}` };
}
