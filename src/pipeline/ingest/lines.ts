/** Streaming helpers over decoded text chunks: peeking a prefix and splitting lines. */

export interface Line {
  /** Without the line terminator (\n or \r\n). */
  text: string;
  /** 1-based. */
  line: number;
  /** Over the length cap: `text` is only the line's start, the rest was skipped unread. */
  tooLong?: true;
}

/**
 * Read chunks until at least `minChars` characters (or the end) are buffered;
 * returns that prefix and an iterable that replays it followed by the rest.
 */
export async function peekText(
  chunks: AsyncIterable<string>,
  minChars: number,
): Promise<{ prefix: string; chunks: AsyncIterable<string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const buffered: string[] = [];
  let length = 0;
  let done = false;
  while (length < minChars) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    buffered.push(next.value);
    length += next.value.length;
  }
  const prefix = buffered.join('');
  async function* replay(): AsyncGenerator<string> {
    try {
      if (prefix.length > 0) yield prefix;
      if (done) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      if (!done) await iterator.return?.();
    }
  }
  return { prefix, chunks: replay() };
}

/**
 * Longest line held in memory (characters). Real records are far shorter; a
 * longer line is a file without line breaks or a runaway field, and holding it
 * whole is how a 2 GB line used to exhaust memory.
 */
export const MAX_LINE_CHARS = 64 * 1024 * 1024;

/** Characters of an over-long line kept, so a message can show how it starts. */
const TOO_LONG_HEAD_CHARS = 200;

/**
 * Split text chunks into lines; a final line without a terminator is still yielded.
 * A line longer than a chunk is assembled from parts (no quadratic concatenation).
 * A line over `maxChars` is not assembled: the rest of it is skipped up to the
 * next line break, and it is yielded as `{ tooLong: true }` with its first
 * characters as `text`, so readers can report it and go on with the next line.
 */
export async function* splitLines(chunks: AsyncIterable<string>, maxChars = MAX_LINE_CHARS): AsyncGenerator<Line> {
  let carry: string[] = [];
  let carryLength = 0;
  let tooLongHead: string | null = null; // set while skipping the rest of an over-long line
  let lineNo = 0;
  const finish = (text: string): Line => {
    const end = text.length > 0 && text.charCodeAt(text.length - 1) === 13 ? text.length - 1 : text.length;
    return { text: end === text.length ? text : text.slice(0, end), line: ++lineNo };
  };
  const append = (piece: string): void => {
    if (tooLongHead !== null) {
      if (tooLongHead.length < TOO_LONG_HEAD_CHARS) tooLongHead += piece.slice(0, TOO_LONG_HEAD_CHARS - tooLongHead.length);
      return;
    }
    if (carryLength + piece.length > maxChars) {
      tooLongHead = (carry.join('') + piece).slice(0, TOO_LONG_HEAD_CHARS);
      carry = [];
      carryLength = 0;
      return;
    }
    carry.push(piece);
    carryLength += piece.length;
  };
  const takeLine = (): Line => {
    if (tooLongHead !== null) {
      const line: Line = { text: tooLongHead.replace(/\r$/, ''), line: ++lineNo, tooLong: true };
      tooLongHead = null;
      return line;
    }
    const text = carry.length === 1 ? carry[0]! : carry.join('');
    carry = [];
    carryLength = 0;
    return finish(text);
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl < 0) break;
      if (carry.length === 0 && tooLongHead === null && nl - start <= maxChars) {
        yield finish(chunk.slice(start, nl));
      } else {
        append(chunk.slice(start, nl));
        yield takeLine();
      }
      start = nl + 1;
    }
    if (start < chunk.length) append(chunk.slice(start));
  }
  if (carry.length > 0 || tooLongHead !== null) yield takeLine();
}
