/**
 * Which text encoding a file is in. UTF-8 unless its start is clearly something
 * else: bytes that are not valid UTF-8 and not one valid multi-byte sequence
 * among them, which is what a Latin-1 / windows-1252 export looks like (é is the
 * single byte 0xE9). A UTF-8 file with a few damaged bytes still has valid
 * sequences, so it stays UTF-8 and its damage is counted instead.
 */
import type { TextEncoding } from './types.ts';

/** Bytes looked at; the first rows of a file settle the question. */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when it is invalid (or cut off at the end of `bytes`). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const [n, min] = b >= 0xc2 && b <= 0xdf ? [2, 0] : b >= 0xe0 && b <= 0xef ? [3, 0x800] : b >= 0xf0 && b <= 0xf4 ? [4, 0x10000] : [0, 0];
  if (n === 0 || i + n > bytes.length) return 0;
  let cp = b & (0xff >> (n + 1));
  for (let k = 1; k < n; k++) {
    const c = bytes[i + k]!;
    if ((c & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (c & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return n;
}

/** `whole`: the sample is the entire input (nothing is cut off at its end). */
export function chooseEncoding(sample: Uint8Array, whole: boolean): TextEncoding {
  let valid = 0;
  let invalid = 0;
  // The last 3 bytes may be a sequence cut by the end of the sample: not evidence either way.
  const end = whole ? sample.length : Math.max(0, sample.length - 3);
  for (let i = 0; i < end; ) {
    if (sample[i]! < 0x80) {
      i++;
      continue;
    }
    const n = sequenceLength(sample, i);
    if (n > 0) {
      valid++;
      i += n;
    } else {
      invalid++;
      i++;
    }
  }
  return invalid > 0 && valid === 0 ? 'windows-1252' : 'utf-8';
}
