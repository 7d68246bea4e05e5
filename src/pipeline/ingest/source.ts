/**
 * The I/O edge of ingest: open a file (or a pipe, or stdin as "-"), stream its
 * bytes (hashing them and reporting progress), gunzip when the magic bytes say
 * so, pick the text encoding, and hand out decoded text chunks. Never holds the
 * whole file.
 *
 * The sha256 is of every raw byte, even when a reader stops early (trailing
 * content, an unrecoverable element): `finish` reads and hashes what is left.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { gunzipMembers } from './gunzip.ts';
import { chooseEncoding, ENCODING_SAMPLE_BYTES } from './encoding.ts';
import { UserError, type TextEncoding } from './types.ts';
import { describeFsError } from './fsError.ts';

const CHUNK_BYTES = 1 << 20;

/** The path that means standard input. */
export const STDIN_PATH = '-';

/**
 * Read as process.stdin: opening /dev/stdin again fails (ENXIO) when stdin is a
 * socket, as it is under many process spawners.
 */
function isStdin(path: string): boolean {
  return path === STDIN_PATH || path === '/dev/stdin';
}

export interface TextSource {
  /** Size of the file in bytes; 0 for a stream (stdin, a pipe), whose size is unknown. */
  totalBytes: number;
  gzipped: boolean;
  /** Decoded text, in chunks. Iterate once. Stopping early leaves the rest for `finish`. */
  chunks: AsyncIterable<string>;
  /** Known once the first chunk has been read. */
  encoding(): TextEncoding;
  /** Read and hash the bytes the readers did not need; sha256 (hex) of all raw bytes, and notes about the input. */
  finish(): Promise<{ sha256: string; notes: string[] }>;
  /** Stop reading (after an error). */
  close(): void;
}

/** Size of a regular file, 0 for something read as a stream (pipe, character device, socket). */
async function sizeOf(path: string): Promise<number> {
  if (isStdin(path)) return 0;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new UserError(`${path}: is a directory, expected a file`);
    if (st.isFile()) {
      if (st.size === 0) throw new UserError(`${path}: file is empty`);
      return st.size;
    }
    if (st.isFIFO() || st.isCharacterDevice() || st.isSocket()) return 0;
    throw new UserError(`${path}: not a file, pipe or device`);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`${path}: cannot read file (${describeFsError(err)})`);
  }
}

export async function openTextSource(
  path: string,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
): Promise<TextSource> {
  const size = await sizeOf(path);
  const stream: Readable = isStdin(path) ? process.stdin : createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const rawIterator = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const hash = createHash('sha256');
  const notes: string[] = [];
  let bytesRead = 0;
  let rawDone = false;

  // Pulled one call at a time (never by for-await) so that a reader stopping
  // early does not close the file before `finish` has hashed the rest.
  const pullRaw = async (): Promise<Buffer | null> => {
    if (rawDone) return null;
    let next: IteratorResult<Buffer>;
    try {
      next = await rawIterator.next();
    } catch (err) {
      rawDone = true;
      throw new UserError(`${path}: cannot read file (${describeFsError(err)})`);
    }
    if (next.done) {
      rawDone = true;
      return null;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    hash.update(chunk);
    bytesRead += chunk.length;
    onProgress?.(bytesRead, size);
    return chunk;
  };

  // The first raw bytes decide gzip; they are handed out again before the rest.
  const first = await pullRaw();
  let replayFirst = first;
  const pullAgain = async (): Promise<Buffer | null> => {
    if (replayFirst !== null) {
      const chunk = replayFirst;
      replayFirst = null;
      return chunk;
    }
    return pullRaw();
  };
  const gzipped = first !== null && first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b;

  let decompressed: AsyncIterator<Buffer> | null = null;
  const pullBytes = async (): Promise<Buffer | null> => {
    if (!gzipped) return pullAgain();
    decompressed ??= gunzipMembers(pullAgain, path, (note) => notes.push(note));
    const next = await decompressed.next();
    return next.done ? null : next.value;
  };

  let encoding: TextEncoding = 'utf-8';
  let encodingKnown = false;
  async function* text(): AsyncGenerator<string> {
    // Enough decoded bytes to judge the encoding, then decode as a stream.
    const sample: Buffer[] = [];
    let sampleBytes = 0;
    let ended = false;
    while (sampleBytes < ENCODING_SAMPLE_BYTES) {
      const chunk = await pullBytes();
      if (chunk === null) {
        ended = true;
        break;
      }
      sample.push(chunk);
      sampleBytes += chunk.length;
    }
    let head = Buffer.concat(sample);
    encoding = chooseEncoding(head, ended);
    encodingKnown = true;
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) head = head.subarray(3); // UTF-8 byte-order mark
    const decoder = new TextDecoder(encoding, { ignoreBOM: true });
    const first = decoder.decode(head, { stream: true });
    if (first.length > 0) yield first;
    if (!ended) {
      for (;;) {
        const chunk = await pullBytes();
        if (chunk === null) break;
        const s = decoder.decode(chunk, { stream: true });
        if (s.length > 0) yield s;
      }
    }
    const tail = decoder.decode();
    if (tail.length > 0) yield tail;
  }

  const close = (): void => {
    rawDone = true;
    void decompressed?.return?.(undefined);
    stream.destroy();
  };

  return {
    totalBytes: size,
    gzipped,
    chunks: text(),
    encoding() {
      if (!encodingKnown) throw new Error('encoding requested before the first chunk was read');
      return encoding;
    },
    async finish() {
      try {
        while ((await pullRaw()) !== null);
      } finally {
        close();
      }
      return { sha256: hash.digest('hex'), notes };
    },
    close,
  };
}
