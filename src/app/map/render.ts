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
  /** Indices to draw, back to front (dimmed first, then passing, then highlighted). */
  order: Uint32Array;
  /** How many leading entries of `order` are dimmed (drawn as single pixels). */
  dimmedCount: number;
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
  const { x, y, color, order, dimmedCount } = layer;
  const { sx, ox, sy, oy } = a;
  const stamp = discStamp(radius);
  const dimStamp = discStamp(Math.max(0.5, radius * 0.75));
  let drawn = 0;
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    const px = (x[i]! * sx + ox) | 0;
    const py = (y[i]! * sy + oy) | 0;
    if (px < -8 || py < -8 || px >= width + 8 || py >= height + 8) continue;
    const c = color[i]!;
    const st = j < dimmedCount ? dimStamp : stamp;
    if (st.length === 2) {
      if (px >= 0 && py >= 0 && px < width && py < height) pixels[py * width + px] = c;
    } else {
      for (let s = 0; s < st.length; s += 2) {
        const qx = px + st[s]!;
        const qy = py + st[s + 1]!;
        if (qx >= 0 && qy >= 0 && qx < width && qy < height) pixels[qy * width + qx] = c;
      }
    }
    drawn++;
  }
  return drawn;
}
