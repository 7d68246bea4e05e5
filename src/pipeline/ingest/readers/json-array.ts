/**
 * A top-level JSON array, streamed: the scanner tracks strings and nesting depth
 * and cuts the text at the commas between depth-1 elements, so each element is
 * parsed alone and the whole array is never one string.
 *
 * Arrays written one after another (two exports concatenated, `[...][...]`) are
 * read as one longer array. Anything else after the last "]" is one
 * trailing-content row, and the scan stops there.
 */
import { excerpt, type RawRow } from './row.ts';

/** An element this large is almost surely an unterminated string or bracket. */
const MAX_ELEMENT_CHARS = 64 * 1024 * 1024;

const NL = 10, QUOTE = 34, BACKSLASH = 92, COMMA = 44;
const OPEN_BRACE = 123, CLOSE_BRACE = 125, OPEN_BRACKET = 91, CLOSE_BRACKET = 93;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function parseElement(text: string, line: number): RawRow {
  if (text.trim() === '') return { kind: 'malformed', line, detail: 'empty array element' };
  try {
    return { kind: 'record', line, value: JSON.parse(text) };
  } catch (err) {
    return { kind: 'malformed', line, detail: `invalid JSON (${excerpt((err as Error).message)})` };
  }
}

export async function* readJsonArray(chunks: AsyncIterable<string>): AsyncGenerator<RawRow> {
  let phase: 'before' | 'inside' | 'after' = 'before';
  let depth = 0; // nesting inside the current element
  let inString = false;
  let escaped = false;
  let line = 1;
  let parts: string[] = []; // earlier chunks' pieces of the current element
  let partsLength = 0;
  let elementStart = -1; // index in the current chunk, or 0 when continued from parts
  let elementLine = 0;
  let inElement = false;

  for await (const chunk of chunks) {
    const rows: RawRow[] = [];
    elementStart = inElement ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === NL) line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) inString = false;
        continue;
      }
      if (phase === 'before') {
        if (c === OPEN_BRACKET) phase = 'inside';
        else if (!isSpace(c)) {
          yield { kind: 'malformed', line, detail: 'expected a JSON array ("[")' };
          return;
        }
        continue;
      }
      if (phase === 'after') {
        if (c === OPEN_BRACKET) phase = 'inside';
        else if (!isSpace(c)) {
          // Report once, then stop scanning: whatever follows is not part of the array.
          rows.push({
            kind: 'malformed',
            reason: 'trailing-content',
            line,
            detail: `text after the array's closing "]" not read: ${excerpt(chunk.slice(i, i + 60))}`,
          });
          for (const row of rows) yield row;
          return;
        }
        continue;
      }
      // phase === 'inside'
      if (depth === 0 && (c === COMMA || c === CLOSE_BRACKET)) {
        if (inElement) {
          const text = parts.join('') + chunk.slice(elementStart, i);
          rows.push(parseElement(text, elementLine));
        } else if (c === COMMA) {
          rows.push({ kind: 'malformed', line, detail: 'empty array element' });
        }
        parts = [];
        partsLength = 0;
        inElement = false;
        elementStart = -1;
        if (c === CLOSE_BRACKET) phase = 'after';
        continue;
      }
      if (!inElement) {
        if (isSpace(c)) continue;
        inElement = true;
        elementStart = i;
        elementLine = line;
      }
      if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && depth > 0) depth--;
    }
    if (inElement) {
      const piece = chunk.slice(elementStart);
      parts.push(piece);
      partsLength += piece.length;
      if (partsLength > MAX_ELEMENT_CHARS) {
        rows.push({
          kind: 'malformed',
          line: elementLine,
          detail: `array element over ${MAX_ELEMENT_CHARS} characters (unterminated string or bracket?); rest of the file not read`,
        });
        for (const row of rows) yield row;
        return;
      }
    }
    for (const row of rows) yield row;
  }
  if (inElement) {
    yield { kind: 'malformed', line: elementLine, detail: 'unterminated array element at end of file' };
  } else if (phase === 'inside') {
    yield { kind: 'malformed', line, detail: 'array not closed with "]" at end of file' };
  }
}
