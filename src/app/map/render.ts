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

/**
 * Fills `pixels` (width × height, row-major) with `background` (unless `clear`
 * is false: a backdrop is already there) and draws the layer. Returns points drawn.
 */
export function drawPoints(
  pixels: Uint32Array,
  width: number,
  height: number,
  background: number,
  layer: PointLayer,
  a: Affine,
  radius: number,
  clear = true,
): number {
  if (clear) pixels.fill(background);
  // Both forms reduce to a bit test: a point passes when ((flags[i] & bits) !== 0) === passHit.
  const fails = layer.fails ?? null;
  const flags = fails ?? layer.pass;
  const bits = fails ? (layer.failMask ?? 0xff) : 1;
  const passHit = fails === null;
  const { x, y } = layer;
  const n = x.length;
  const stamp = discStamp(radius);
  if (!flags) {
    let drawn = 0;
    for (let i = 0; i < n; i++) drawn += plot(pixels, width, height, x[i]! * a.sx + a.ox, y[i]! * a.sy + a.oy, stamp, layer.color[i]!);
    return drawn;
  }
  // Failing points first so passing ones sit on top. One scan over the points draws
  // the failing ones and notes the passing ones; a second loop over those only.
  if (passing.length < n) passing = new Uint32Array(n);
  const small = discStamp(Math.max(0.5, radius * 0.75));
  const { dim, color } = layer;
  let m = 0;
  let drawn = 0;
  for (let i = 0; i < n; i++) {
    if (((flags[i]! & bits) !== 0) === passHit) passing[m++] = i;
    else drawn += plot(pixels, width, height, x[i]! * a.sx + a.ox, y[i]! * a.sy + a.oy, small, dim[i]!);
  }
  for (let j = 0; j < m; j++) {
    const i = passing[j]!;
    drawn += plot(pixels, width, height, x[i]! * a.sx + a.ox, y[i]! * a.sy + a.oy, stamp, color[i]!);
  }
  return drawn;
}

/** Scratch list of passing point indices, reused across frames. */
let passing = new Uint32Array(0);

/** Stamps one point at screen position (fx, fy); 1 when it is near enough the viewport to count as drawn. */
function plot(pixels: Uint32Array, width: number, height: number, fx: number, fy: number, stamp: Int32Array, c: number): number {
  const px = fx | 0;
  const py = fy | 0;
  if (px < -8 || py < -8 || px >= width + 8 || py >= height + 8) return 0;
  if (stamp.length === 2) {
    if (px >= 0 && py >= 0 && px < width && py < height) pixels[py * width + px] = c;
    return 1;
  }
  for (let s = 0; s < stamp.length; s += 2) {
    const qx = px + stamp[s]!;
    const qy = py + stamp[s + 1]!;
    if (qx >= 0 && qy >= 0 && qx < width && qy < height) pixels[qy * width + qx] = c;
  }
  return 1;
}
