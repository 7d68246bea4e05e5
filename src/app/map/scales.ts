/**
 * Data → screen mapping for the map. The base fit keeps the aspect ratio and centres
 * the map's bounds in the viewport; the zoom transform (d3-zoom's k, x, y) applies
 * on top, so screen = k * base(data) + (x, y). Data y grows upwards, screen y down.
 */

export type Bounds = readonly [number, number, number, number];

export interface Viewport {
  width: number;
  height: number;
  padding: number;
}

export interface Transform {
  k: number;
  x: number;
  y: number;
}

/** screenX = data.x * sx + ox; screenY = data.y * sy + oy. */
export interface Affine {
  sx: number;
  ox: number;
  sy: number;
  oy: number;
}

export function baseAffine(bounds: Bounds, vp: Viewport): Affine {
  const [xmin, ymin, xmax, ymax] = bounds;
  const w = Math.max(xmax - xmin, 1e-9);
  const h = Math.max(ymax - ymin, 1e-9);
  const s = Math.min((vp.width - 2 * vp.padding) / w, (vp.height - 2 * vp.padding) / h);
  const scale = s > 0 ? s : 1;
  const cx = (xmin + xmax) / 2;
  const cy = (ymin + ymax) / 2;
  return { sx: scale, ox: vp.width / 2 - cx * scale, sy: -scale, oy: vp.height / 2 + cy * scale };
}

export function composeAffine(base: Affine, t: Transform): Affine {
  return { sx: base.sx * t.k, ox: base.ox * t.k + t.x, sy: base.sy * t.k, oy: base.oy * t.k + t.y };
}

export function toScreen(a: Affine, x: number, y: number): [number, number] {
  return [x * a.sx + a.ox, y * a.sy + a.oy];
}

export function toData(a: Affine, px: number, py: number): [number, number] {
  return [(px - a.ox) / a.sx, (py - a.oy) / a.sy];
}

/** The zoom transform that fits the data box [x0,y0,x1,y1] into the viewport (capped at maxK). */
export function transformToFit(base: Affine, box: Bounds, vp: Viewport, maxK = 64): Transform {
  const [x0, y0, x1, y1] = box;
  const bw = Math.max(Math.abs((x1 - x0) * base.sx), 1e-6);
  const bh = Math.max(Math.abs((y1 - y0) * base.sy), 1e-6);
  const k = Math.min(maxK, Math.max(1, Math.min((vp.width - 2 * vp.padding) / bw, (vp.height - 2 * vp.padding) / bh)));
  const px = ((x0 + x1) / 2) * base.sx + base.ox;
  const py = ((y0 + y1) / 2) * base.sy + base.oy;
  return { k, x: vp.width / 2 - k * px, y: vp.height / 2 - k * py };
}

/** Radius (device px) of a point: big when few papers, one pixel when crowded, growing a little with zoom. */
export function pointRadius(n: number, k: number, dpr = 1): number {
  const base = n <= 200 ? 4 : n <= 2000 ? 2.5 : n <= 20000 ? 1.5 : n <= 300000 ? 1 : 0.5;
  const r = base * Math.min(3, Math.sqrt(k)) * dpr;
  return Math.min(8 * dpr, Math.max(0.5, r));
}
