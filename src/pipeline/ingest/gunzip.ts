/**
 * Gzip decompression member by member, so that what follows the compressed
 * data is seen and named instead of crashing or being lost:
 * - several members (files gzipped and concatenated) are read as one stream;
 * - zero bytes after the data (block padding from tape or some tools) are a note;
 * - any other bytes after the data are a note giving their count and offset,
 *   and everything decompressed before them is kept (each member's CRC is checked).
 * zlib's own gunzip cannot do this: it drops the output of the last write when
 * the bytes after a member are not gzip, and says only "incorrect header check".
 */
import { crc32, createInflateRaw, type InflateRaw } from 'node:zlib';
import { UserError } from './types.ts';

/** Compressed bytes handed to zlib per write: bounds the output one write can produce. */
const WRITE_BYTES = 64 * 1024;
const OUTPUT_CHUNK = 1 << 20;

const FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16;

/** Pulls raw chunks on demand; `null` at the end of the input. */
export type ByteSource = () => Promise<Buffer | null>;

/** Raw bytes not yet used, in order, with their offset in the file. */
class ByteQueue {
  private chunks: Buffer[] = [];
  private length = 0;
  /** File offset of the first queued byte. */
  offset = 0;

  constructor(private readonly pull: ByteSource) {}

  /** Queue at least `n` bytes if the input has them. */
  async fill(n: number): Promise<boolean> {
    while (this.length < n) {
      const chunk = await this.pull();
      if (chunk === null) return false;
      this.unshiftBack(chunk);
    }
    return true;
  }

  private unshiftBack(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** Put bytes back at the front (zlib did not consume them). */
  unshift(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.unshift(chunk);
    this.length += chunk.length;
    this.offset -= chunk.length;
  }

  get size(): number {
    return this.length;
  }

  /** The first `n` queued bytes (fewer if fewer are queued), without consuming them. */
  peek(n: number): Buffer {
    if (this.chunks.length > 0 && this.chunks[0]!.length >= n) return this.chunks[0]!.subarray(0, n);
    return Buffer.concat(this.chunks).subarray(0, n);
  }

  /** Consume up to `n` bytes. */
  take(n: number): Buffer {
    const out = this.peek(n);
    let left = out.length;
    while (left > 0) {
      const head = this.chunks[0]!;
      if (head.length <= left) {
        this.chunks.shift();
        left -= head.length;
      } else {
        this.chunks[0] = head.subarray(left);
        left = 0;
      }
    }
    this.length -= out.length;
    this.offset += out.length;
    return out;
  }

  /** Consume the next queued piece, pulling one when the queue is empty; null at the end. */
  async next(maxBytes: number): Promise<Buffer | null> {
    if (!(await this.fill(1))) return null;
    return this.take(Math.min(maxBytes, this.chunks[0]!.length));
  }
}

/** Length of the gzip member header at the front of `q`, or null when it is not one. */
async function headerLength(q: ByteQueue): Promise<number | null> {
  if (!(await q.fill(10))) return null;
  const h = q.peek(10);
  if (h[0] !== 0x1f || h[1] !== 0x8b || h[2] !== 8) return null;
  const flags = h[3]!;
  let n = 10;
  if (flags & FEXTRA) {
    if (!(await q.fill(n + 2))) return null;
    const extra = q.peek(n + 2);
    n += 2 + extra.readUInt16LE(n);
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    // Zero-terminated string.
    for (;;) {
      if (!(await q.fill(n + 1))) return null;
      const byte = q.peek(n + 1)[n];
      n++;
      if (byte === 0) break;
    }
  }
  if (flags & FHCRC) n += 2;
  return (await q.fill(n)) ? n : null;
}

/** One raw-deflate stream, driven one write at a time. */
class Inflater {
  private readonly z: InflateRaw = createInflateRaw({ chunkSize: OUTPUT_CHUNK });
  private output: Buffer[] = [];
  private failure: Error | null = null;
  private fed = 0;

  constructor() {
    this.z.on('data', (b: Buffer) => this.output.push(b));
    this.z.on('error', (e: Error) => (this.failure ??= e));
  }

  private settle(start: (done: () => void) => void): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.z.off('error', done);
        // Let 'data' events queued by the write reach `output` first.
        setImmediate(resolve);
      };
      this.z.once('error', done);
      start(done);
    });
  }

  /** Decompress `chunk`; `unconsumed` > 0 means the deflate stream ended that many bytes before its end. */
  async write(chunk: Buffer): Promise<{ output: Buffer[]; unconsumed: number }> {
    this.fed += chunk.length;
    await this.settle((done) => this.z.write(chunk, () => done()));
    if (this.failure) throw this.failure;
    return { output: this.output.splice(0), unconsumed: this.fed - this.z.bytesWritten };
  }

  /** The input ended: flush, failing if the deflate stream was not complete. */
  async end(): Promise<Buffer[]> {
    await this.settle((done) => {
      this.z.once('end', done);
      this.z.end();
    });
    if (this.failure) throw this.failure;
    return this.output.splice(0);
  }

  destroy(): void {
    this.z.destroy();
  }
}

/**
 * Decompressed bytes of the gzip data pulled from `pull`. `note` receives one
 * sentence about bytes after the compressed data, if there are any. Damaged or
 * truncated data within a member throws a UserError naming `path`.
 */
export async function* gunzipMembers(pull: ByteSource, path: string, note: (message: string) => void): AsyncGenerator<Buffer> {
  const q = new ByteQueue(pull);
  const damaged = (why: string) => new UserError(`${path}: cannot decompress gzip data (${why})`);
  for (let member = 0; ; member++) {
    if (!(await q.fill(1))) return;
    const start = q.offset;
    const header = await headerLength(q);
    if (header === null) {
      if (member === 0) throw damaged('not a gzip header');
      await trailingBytes(q, start, note);
      return;
    }
    q.take(header);

    const inflater = new Inflater();
    let crc = 0;
    let size = 0;
    try {
      for (;;) {
        const piece = await q.next(WRITE_BYTES);
        let output: Buffer[];
        let unconsumed = 0;
        try {
          if (piece === null) output = await inflater.end();
          else ({ output, unconsumed } = await inflater.write(piece));
        } catch (err) {
          throw damaged((err as Error).message);
        }
        for (const b of output) {
          crc = crc32(b, crc);
          size += b.length;
          yield b;
        }
        if (piece === null) break;
        if (unconsumed > 0) {
          q.unshift(piece.subarray(piece.length - unconsumed));
          break;
        }
      }
    } finally {
      inflater.destroy();
    }
    if (!(await q.fill(8))) throw damaged('unexpected end of file');
    const trailer = q.take(8);
    if (trailer.readUInt32LE(0) !== crc >>> 0 || trailer.readUInt32LE(4) !== size % 2 ** 32) {
      throw damaged(`member ${member + 1} fails its CRC check`);
    }
  }
}

/** Consume the rest of the input after the last member and describe it. */
async function trailingBytes(q: ByteQueue, start: number, note: (message: string) => void): Promise<void> {
  let count = 0;
  let allZero = true;
  for (;;) {
    const piece = await q.next(Number.MAX_SAFE_INTEGER);
    if (piece === null) break;
    count += piece.length;
    if (allZero && piece.some((b) => b !== 0)) allZero = false;
  }
  const bytes = `${count} byte${count === 1 ? '' : 's'}`;
  note(
    allZero
      ? `${bytes} of zero padding after the gzip data ignored`
      : `${bytes} after the gzip data (from byte ${start}) are not gzip data and were not read`,
  );
}
