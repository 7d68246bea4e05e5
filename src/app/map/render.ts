/**
 * Draws points as pixels into a Uint32 view of an ImageData buffer. Everything the
 * frame needs (colours with dimming baked in, draw order) is prepared once per
 * state change, so a pan/zoom frame is one clear plus one pass over the points,
 * without allocation.
 */
import type { Affine } from './scales.ts';

export interface PointLayer {
  x: Float32Array;
  y: Float32Array;
  /** Packed RGBA per point. */
  color: Uint32Array;
  /** The same colours faded towards the background, for points failing the filter. */
  dim: Uint32Array;
  /** 1 = passes the filter; null = everything passes. Failing points are drawn first, smaller and faded. */
  pass: Uint8Array | null;
  /**
   * Instead of `pass`: per-point fail bits (state/filterIndex.ts); a point fails
   * when `fails[i] & failMask` is non-zero. Read in place, so a filter change
   * needs no n-sized mask.
   */
  fails?: Uint8Array | null;
  failMask?: number;
}

/** Disc stamp offsets for radius r: pairs (dx, dy). Cached by r. */
const stamps = new Map<number, Int32Array>();
export function discStamp(r: number): Int32Array {
  const key = Math.round(r * 4) / 4;
  let s = stamps.get(key);
  if (s) return s;
  const out: number[] = [];
  const R = Math.ceil(key - 0.5);
  for (let dy = -R; dy <= R; dy++) {
    for (let dx = -R; dx <= R; dx++) if (dx * dx + dy * dy <= key * key + 0.25) out.push(dx, dy);
  }
  if (out.length === 0) out.push(0, 0);
  s = Int32Array.from(out);
  stamps.set(key, s);
  return s;
}

/** Fills `pixels` (width × height, row-major) with `background` and draws the layer. Returns points drawn. */
export function drawPoints(
  pixels: Uint32Array,
  width: number,
  height: number,
  background: number,
  layer: PointLayer,
  a: Affine,
  radius: number,
): number {
  pixels.fill(background);
  // Both forms reduce to a bit test: drawn in a pass when (flags[i] & bits) !== 0 equals `hit`.
  const fails = layer.fails ?? null;
  const flags = fails ?? layer.pass;
  const bits = fails ? (layer.failMask ?? 0xff) : 1;
  const passHit = fails === null;
  if (!flags) return drawPass(pixels, width, height, layer, a, discStamp(radius), layer.color, null, 0, true);
  // Failing points first so passing ones sit on top: a sequential pass each, no per-filter reordering.
  return (
    drawPass(pixels, width, height, layer, a, discStamp(Math.max(0.5, radius * 0.75)), layer.dim, flags, bits, !passHit) +
    drawPass(pixels, width, height, layer, a, discStamp(radius), layer.color, flags, bits, passHit)
  );
}

function drawPass(
  pixels: Uint32Array,
  width: number,
  height: number,
  layer: PointLayer,
  a: Affine,
  stamp: Int32Array,
  color: Uint32Array,
  flags: Uint8Array | null,
  bits: number,
  hit: boolean,
): number {
  const { x, y } = layer;
  const { sx, ox, sy, oy } = a;
  const n = x.length;
  const single = stamp.length === 2;
  let drawn = 0;
  for (let i = 0; i < n; i++) {
    if (flags !== null && ((flags[i]! & bits) !== 0) !== hit) continue;
    const px = (x[i]! * sx + ox) | 0;
    const py = (y[i]! * sy + oy) | 0;
    if (px < -8 || py < -8 || px >= width + 8 || py >= height + 8) continue;
    const c = color[i]!;
    if (single) {
      if (px >= 0 && py >= 0 && px < width && py < height) pixels[py * width + px] = c;
    } else {
      for (let s = 0; s < stamp.length; s += 2) {
        const qx = px + stamp[s]!;
        const qy = py + stamp[s + 1]!;
        if (qx >= 0 && qy >= 0 && qx < width && qy < height) pixels[qy * width + qx] = c;
      }
    }
    drawn++;
  }
  return drawn;
}
