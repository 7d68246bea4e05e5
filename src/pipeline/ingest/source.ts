/**
 * The I/O edge of ingest: open a file, check it is a readable non-empty file,
 * stream its bytes (hashing them and reporting progress), gunzip when the magic
 * bytes say so, and hand out decoded text chunks. Never holds the whole file.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { UserError } from './types.ts';

const GZIP_MAGIC = [0x1f, 0x8b];
const CHUNK_BYTES = 1 << 20;

export interface TextSource {
  totalBytes: number;
  gzipped: boolean;
  /** Decoded UTF-8 text, in chunks (invalid bytes become U+FFFD). Iterate once. */
  chunks: AsyncIterable<string>;
  /** sha256 (hex) of the raw file bytes; valid once `chunks` is exhausted. */
  sha256(): string;
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, expected a file';
  return (err as Error)?.message ?? String(err);
}

export async function openTextSource(
  path: string,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
): Promise<TextSource> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new UserError(`${path}: is a directory, expected a file`);
    if (!st.isFile()) throw new UserError(`${path}: not a regular file`);
    size = st.size;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`${path}: cannot read file (${describeFsError(err)})`);
  }
  if (size === 0) throw new UserError(`${path}: file is empty`);

  const head = Buffer.alloc(2);
  try {
    const fh = await open(path, 'r');
    try {
      await fh.read(head, 0, 2, 0);
    } finally {
      await fh.close();
    }
  } catch (err) {
    throw new UserError(`${path}: cannot read file (${describeFsError(err)})`);
  }
  const gzipped = size >= 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];

  const hash = createHash('sha256');
  let digest: string | undefined;
  let bytesRead = 0;

  async function* rawBytes(): AsyncGenerator<Buffer> {
    const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        bytesRead += chunk.length;
        onProgress?.(bytesRead, size);
        yield chunk;
      }
    } catch (err) {
      throw new UserError(`${path}: cannot read file (${describeFsError(err)})`);
    } finally {
      stream.destroy();
    }
    digest = hash.digest('hex');
  }

  async function* bytes(): AsyncGenerator<Buffer> {
    if (!gzipped) {
      yield* rawBytes();
      return;
    }
    const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
    pipeline(Readable.from(rawBytes()), gunzip, () => {});
    try {
      for await (const chunk of gunzip as AsyncIterable<Buffer>) yield chunk;
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(`${path}: cannot decompress gzip data (${(err as Error).message})`);
    } finally {
      gunzip.destroy();
    }
  }

  async function* text(): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8');
    let first = true;
    for await (const chunk of bytes()) {
      let s = decoder.decode(chunk, { stream: true });
      if (first && s.length > 0) {
        if (s.charCodeAt(0) === 0xfeff) s = s.slice(1); // BOM
        first = false;
      }
      if (s.length > 0) yield s;
    }
    const tail = decoder.decode();
    if (tail.length > 0) yield tail;
  }

  return {
    totalBytes: size,
    gzipped,
    chunks: text(),
    sha256() {
      if (digest === undefined) throw new Error('sha256 requested before the file was fully read');
      return digest;
    },
  };
}
