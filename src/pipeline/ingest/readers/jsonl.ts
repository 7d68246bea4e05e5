import type { Line } from '../lines.ts';
import { excerpt, tooLongRow, type RawRow } from './row.ts';

/** One JSON value per line; blank lines are not rows. */
export async function* readJsonLines(lines: AsyncIterable<Line>): AsyncGenerator<RawRow> {
  for await (const ln of lines) {
    const { text, line } = ln;
    if (ln.tooLong) {
      yield tooLongRow(ln);
      continue;
    }
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      yield { kind: 'malformed', line, detail: `invalid JSON (${excerpt((err as Error).message)})` };
      continue;
    }
    yield { kind: 'record', line, value };
  }
}
