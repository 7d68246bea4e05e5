/**
 * Density shading behind the points: a binned 2-D histogram of the points in
 * screen space, a separable box blur (a few passes approximate a gaussian), and
 * a light grey alpha ramp blended over the background. Computed once per
 * zoom level / filter change; a pan frame only shifts the cached image.
 */
import type { Affine } from './scales.ts';
import { unpackRgba } from './palette.ts';

/** A grid of cells over screen space: cell (0, 0) has its top-left corner at (x0, y0). */
export interface DensityGrid {
  w: number;
  h: number;
  x0: number;
  y0: number;
  /** Cell side, in the same (screen) units as x0 / y0. */
  cell: number;
  values: Float32Array;
}

export function makeGrid(w: number, h: number, x0: number, y0: number, cell: number): DensityGrid {
  return { w, h, x0, y0, cell, values: new Float32Array(w * h) };
}

/**
 * Counts points per cell (the grid is cleared first). A point is counted when
 * `fails` is null or `(fails[i] & failMask) === 0`. Returns the points counted.
 */
export function binPoints(
  grid: DensityGrid,
  x: Float32Array,
  y: Float32Array,
  a: Affine,
  fails: Uint8Array | null = null,
  failMask = 0xff,
): number {
  const { w, h, x0, y0, cell, values } = grid;
  values.fill(0);
  const inv = 1 / cell;
  // Data → cell coordinates in one affine step.
  const sx = a.sx * inv, ox = (a.ox - x0) * inv;
  const sy = a.sy * inv, oy = (a.oy - y0) * inv;
  let counted = 0;
  for (let i = 0, n = x.length; i < n; i++) {
    if (fails && (fails[i]! & failMask) !== 0) continue;
    const cx = Math.floor(x[i]! * sx + ox);
    const cy = Math.floor(y[i]! * sy + oy);
    if (cx < 0 || cy < 0 || cx >= w || cy >= h) continue;
    values[cy * w + cx]!++;
    counted++;
  }
  return counted;
}

/**
 * Box blur of radius r along one axis, in place. Each cell spreads its value
 * evenly over the cells of its window that exist, so the total is preserved
 * exactly (up to float rounding), edges included. O(cells) via a difference array.
 */
function blurLines(values: Float32Array, lines: number, len: number, stride: number, step: number, r: number, scratch: Float64Array): void {
  for (let l = 0; l < lines; l++) {
    const base = l * stride;
    scratch.fill(0, 0, len + 1);
    for (let i = 0; i < len; i++) {
      const v = values[base + i * step]!;
      if (v === 0) continue;
      const lo = Math.max(0, i - r);
      const hi = Math.min(len - 1, i + r);
      const share = v / (hi - lo + 1);
      scratch[lo]! += share;
      scratch[hi + 1]! -= share;
    }
    let acc = 0;
    for (let i = 0; i < len; i++) {
      acc += scratch[i]!;
      values[base + i * step] = acc > 0 ? acc : 0;
    }
  }
}

/** Separable box blur, `passes` times (3 passes ≈ gaussian). Preserves the grid's total. */
export function boxBlur(grid: DensityGrid, r: number, passes = 3): void {
  if (r < 1) return;
  const { w, h, values } = grid;
  const scratch = new Float64Array(Math.max(w, h) + 1);
  for (let p = 0; p < passes; p++) {
    blurLines(values, h, w, w, 1, r, scratch); // rows
    blurLines(values, w, h, 1, w, r, scratch); // columns
  }
}

export function total(grid: DensityGrid): number {
  let s = 0;
  for (let i = 0; i < grid.values.length; i++) s += grid.values[i]!;
  return s;
}

/** Darkest shade (at the densest cell) as RGB, and its opacity over the background. */
export const SHADE = { r: 70, g: 70, b: 78, maxAlpha: 0.32 };

/**
 * Colour per cell: the shade blended over `background` with alpha
 * maxAlpha · sqrt(v / max) (the square root keeps sparse regions visible).
 * Empty cells are exactly the background.
 */
export function shadeCells(grid: DensityGrid, background: number, out = new Uint32Array(grid.w * grid.h)): Uint32Array {
  const { values } = grid;
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  const [br, bg, bb] = unpackRgba(background);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v > 0) || max === 0) {
      out[i] = background;
      continue;
    }
    const al = SHADE.maxAlpha * Math.sqrt(v / max);
    const r = Math.round(br + (SHADE.r - br) * al);
    const g = Math.round(bg + (SHADE.g - bg) * al);
    const b = Math.round(bb + (SHADE.b - bb) * al);
    out[i] = ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
  }
  return out;
}

/**
 * Paints the shaded grid into `pixels` (width × height, device pixels),
 * bilinearly interpolated between cell centres. `scale` converts the grid's
 * screen units to device pixels (the device pixel ratio).
 */
export function paintField(grid: DensityGrid, cells: Uint32Array, pixels: Uint32Array, width: number, height: number, scale: number): void {
  const { w, h, x0, y0, cell } = grid;
  const inv = 1 / (cell * scale);
  const colX0 = new Int32Array(width), colX1 = new Int32Array(width), colT = new Float32Array(width);
  for (let px = 0; px < width; px++) {
    const gx = (px + 0.5) * inv - x0 / cell - 0.5;
    const i0 = Math.floor(gx);
    colT[px] = gx - i0;
    colX0[px] = Math.min(w - 1, Math.max(0, i0));
    colX1[px] = Math.min(w - 1, Math.max(0, i0 + 1));
  }
  for (let py = 0; py < height; py++) {
    const gy = (py + 0.5) * inv - y0 / cell - 0.5;
    const j0 = Math.floor(gy);
    const ty = gy - j0;
    const r0 = Math.min(h - 1, Math.max(0, j0)) * w;
    const r1 = Math.min(h - 1, Math.max(0, j0 + 1)) * w;
    const row = py * width;
    for (let px = 0; px < width; px++) {
      const a = cells[r0 + colX0[px]!]!, b = cells[r0 + colX1[px]!]!;
      const c = cells[r1 + colX0[px]!]!, d = cells[r1 + colX1[px]!]!;
      if (a === b && a === c && a === d) {
        pixels[row + px] = a;
        continue;
      }
      const tx = colT[px]!;
      pixels[row + px] = lerp4(a, b, c, d, tx, ty);
    }
  }
}

function lerp4(a: number, b: number, c: number, d: number, tx: number, ty: number): number {
  const w00 = (1 - tx) * (1 - ty), w10 = tx * (1 - ty), w01 = (1 - tx) * ty, w11 = tx * ty;
  const ch = (s: number) =>
    Math.round(((a >>> s) & 255) * w00 + ((b >>> s) & 255) * w10 + ((c >>> s) & 255) * w01 + ((d >>> s) & 255) * w11);
  return ((255 << 24) | (ch(16) << 16) | (ch(8) << 8) | ch(0)) >>> 0;
}

/**
 * Copies `src` into `dst` (both width × height) shifted by (dx, dy) whole
 * pixels, filling what the shift uncovers with `fill`. Row copies only: cheap
 * enough for every pan frame.
 */
export function blitShifted(src: Uint32Array, dst: Uint32Array, width: number, height: number, dx: number, dy: number, fill: number): void {
  dx = Math.round(dx);
  dy = Math.round(dy);
  if (Math.abs(dx) >= width || Math.abs(dy) >= height) {
    dst.fill(fill);
    return;
  }
  const sx0 = Math.max(0, -dx), sx1 = Math.min(width, width - dx);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const sy = y - dy;
    if (sy < 0 || sy >= height) {
      dst.fill(fill, row, row + width);
      continue;
    }
    if (dx > 0) dst.fill(fill, row, row + dx);
    else if (dx < 0) dst.fill(fill, row + width + dx, row + width);
    dst.set(src.subarray(sy * width + sx0, sy * width + sx1), row + sx0 + dx);
  }
}
