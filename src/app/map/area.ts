/**
 * The map's area selection: a box in data coordinates, stored rounded so that
 * the box a link carries selects exactly the papers the user's drag did.
 */

/** [x0, y0, x1, y1] with x0 ≤ x1 and y0 ≤ y1, in data coordinates. */
export type AreaBox = [number, number, number, number];

const DIGITS = 4;
const round = (v: number) => Number(v.toFixed(DIGITS));

/** Orders the corners and rounds them to the precision the URL keeps. */
export function normalizeArea(x0: number, y0: number, x1: number, y1: number): AreaBox {
  return [round(Math.min(x0, x1)), round(Math.min(y0, y1)), round(Math.max(x0, x1)), round(Math.max(y0, y1))];
}

/** 1 for each paper inside the box (edges included), and how many. */
export function areaMask(x: Float32Array, y: Float32Array, box: AreaBox): { mask: Uint8Array; count: number } {
  const [lx, ly, hx, hy] = box;
  const mask = new Uint8Array(x.length);
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    const px = x[i]!, py = y[i]!;
    if (px >= lx && px <= hx && py >= ly && py <= hy) {
      mask[i] = 1;
      count++;
    }
  }
  return { mask, count };
}

/** The box as the URL writes it ("x0,y0,x1,y1"). */
export function formatArea(box: AreaBox): string {
  return box.map((v) => String(v)).join(',');
}

/** A box from the URL; null for anything else than four finite numbers. */
export function parseArea(s: string | null): AreaBox | null {
  if (!s) return null;
  const v = s.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (v.length !== 4 || !v.every(Number.isFinite)) return null;
  return normalizeArea(v[0]!, v[1]!, v[2]!, v[3]!);
}
