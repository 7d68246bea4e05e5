/**
 * CSV with a header row (RFC 4180: comma separated, fields with commas, quotes
 * or newlines are quoted, quotes doubled). Records may span lines.
 *
 * Recovery from broken quoting: a record whose quoting is inconsistent (text
 * after a closing quote, a quote inside an unquoted field, or a quoted field
 * still open at end of file / after MAX_RECORD_LINES lines) is reported as
 * malformed at its first line, and the lines after that first line are read
 * again as fresh records, so one stray quote cannot swallow the rest of the file.
 */
import type { Line } from '../lines.ts';
import { excerpt, tooLongRow, type RawRow } from './row.ts';

const MAX_RECORD_LINES = 1000;

class RecordParser {
  fields: string[] = [];
  private field = '';
  private inQuotes = false;
  private atFieldStart = true;
  /** Quoting inconsistent with RFC 4180. */
  anomaly = '';

  /** Feed one physical line; true when the record is complete. */
  feed(s: string, continued: boolean): boolean {
    if (continued) this.field += '\n';
    let i = 0;
    for (;;) {
      if (this.inQuotes) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          this.field += s.slice(i);
          return false;
        }
        this.field += s.slice(i, q);
        if (s.charCodeAt(q + 1) === 34) {
          this.field += '"';
          i = q + 2;
          continue;
        }
        this.inQuotes = false;
        i = q + 1;
        if (i < s.length && s.charCodeAt(i) !== 44 && !this.anomaly) {
          this.anomaly = 'text after a closing quote';
        }
        continue;
      }
      if (this.atFieldStart && s.charCodeAt(i) === 34) {
        this.inQuotes = true;
        this.atFieldStart = false;
        i++;
        continue;
      }
      const comma = s.indexOf(',', i);
      const segment = comma < 0 ? s.slice(i) : s.slice(i, comma);
      if (!this.anomaly && segment.includes('"')) this.anomaly = 'quote inside an unquoted field';
      this.field += segment;
      this.fields.push(this.field);
      this.field = '';
      this.atFieldStart = true;
      if (comma < 0) return true;
      i = comma + 1;
    }
  }

  get open(): boolean {
    return this.inQuotes;
  }
}

export interface CsvHeader {
  names: string[];
  line: number;
}

/**
 * Rows of a CSV file as objects keyed by the (trimmed) header names.
 * `onHeader` may throw to reject the file (e.g. no title column).
 */
export async function* readCsv(
  lines: AsyncIterable<Line>,
  onHeader: (header: CsvHeader) => void,
): AsyncGenerator<RawRow> {
  const iterator = lines[Symbol.asyncIterator]();
  const replay: Line[] = []; // lines to read again, in reverse order (a stack)
  let exhausted = false;
  const nextLine = async (): Promise<Line | null> => {
    const again = replay.pop();
    if (again) return again;
    if (exhausted) return null;
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      return null;
    }
    return next.value;
  };

  let header: string[] | null = null;
  let parser: RecordParser | null = null;
  let recordLines: Line[] = [];

  const giveUp = (reason: string): RawRow => {
    const first = recordLines[0];
    for (let k = recordLines.length - 1; k >= 1; k--) replay.push(recordLines[k]);
    recordLines = [];
    parser = null;
    return { kind: 'malformed', line: first.line, detail: `bad CSV quoting (${reason}): ${excerpt(first.text)}` };
  };

  for (;;) {
    const ln = await nextLine();
    if (ln === null) {
      if (parser === null) break;
      yield giveUp('quoted field not closed at end of file');
      continue;
    }
    if (ln.tooLong) {
      if (parser === null) {
        yield tooLongRow(ln);
        continue;
      }
      // Inside an open quoted field: the record cannot be whole. Read the
      // over-long line again after the record's other lines, on its own.
      replay.push(ln);
      yield giveUp('a line of the record is over the length cap');
      continue;
    }
    if (parser === null) {
      if (ln.text.trim() === '') continue;
      parser = new RecordParser();
    }
    recordLines.push(ln);
    const complete = parser.feed(ln.text, recordLines.length > 1);
    if (!complete) {
      if (recordLines.length >= MAX_RECORD_LINES) {
        yield giveUp(`quoted field still open after ${MAX_RECORD_LINES} lines`);
      }
      continue;
    }
    const { fields, anomaly } = parser;
    const first = recordLines[0];
    if (anomaly) {
      if (recordLines.length > 1) {
        yield giveUp(anomaly);
        continue;
      }
      yield { kind: 'malformed', line: first.line, detail: `bad CSV quoting (${anomaly}): ${excerpt(first.text)}` };
    } else if (header === null) {
      header = fields.map((name) => name.trim());
      onHeader({ names: header, line: first.line });
    } else if (fields.length !== header.length) {
      yield {
        kind: 'malformed',
        line: first.line,
        detail: `${fields.length} fields, header has ${header.length}: ${excerpt(first.text)}`,
      };
    } else {
      const value: Record<string, string> = {};
      for (let k = 0; k < header.length; k++) value[header[k]] = fields[k];
      yield { kind: 'record', line: first.line, value };
    }
    parser = null;
    recordLines = [];
  }
}
