/** Streaming helpers over decoded text chunks: peeking a prefix and splitting lines. */

export interface Line {
  /** Without the line terminator (\n or \r\n). */
  text: string;
  /** 1-based. */
  line: number;
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
 * Split text chunks into lines; a final line without a terminator is still yielded.
 * A line longer than a chunk is assembled from parts (no quadratic concatenation).
 */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<Line> {
  let carry: string[] = [];
  let lineNo = 0;
  const finish = (text: string): Line => {
    const end = text.length > 0 && text.charCodeAt(text.length - 1) === 13 ? text.length - 1 : text.length;
    return { text: end === text.length ? text : text.slice(0, end), line: ++lineNo };
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl < 0) break;
      let text = chunk.slice(start, nl);
      if (carry.length > 0) {
        carry.push(text);
        text = carry.join('');
        carry = [];
      }
      yield finish(text);
      start = nl + 1;
    }
    if (start < chunk.length) carry.push(chunk.slice(start));
  }
  if (carry.length > 0) yield finish(carry.join(''));
}
