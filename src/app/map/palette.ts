/**
 * Colours for the map: the background, the sequential one for dates, and the
 * packed RGBA words the pixel renderer writes. Cluster colours come from
 * clusterColors.ts.
 */
import { rgb } from 'd3-color';
import { interpolateViridis } from 'd3-scale-chromatic';

export const BACKGROUND = '#fbfaf7';
export const UNDATED = '#b8b8b8';

/** Packs an sRGB colour into the little-endian RGBA word an ImageData Uint32 view expects. */
export function packRgba(r: number, g: number, b: number, a = 255): number {
  return ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

export function packCss(css: string): number {
  const c = rgb(css);
  return packRgba(Math.round(c.r), Math.round(c.g), Math.round(c.b));
}

export function unpackRgba(word: number): [number, number, number, number] {
  return [word & 255, (word >>> 8) & 255, (word >>> 16) & 255, word >>> 24];
}

/** Sequential date colour; t in [0,1]. Viridis trimmed before its pale yellow end, which vanishes on a light background. */
export function timeColor(t: number): string {
  return interpolateViridis(0.05 + 0.8 * Math.max(0, Math.min(1, t)));
}

/** Mixes a packed colour towards another: amount 0 keeps `word`, 1 gives `toward`. */
export function mixPacked(word: number, toward: number, amount: number): number {
  const [r1, g1, b1] = unpackRgba(word);
  const [r2, g2, b2] = unpackRgba(toward);
  const m = (a: number, b: number) => Math.round(a + (b - a) * amount);
  return packRgba(m(r1, r2), m(g1, g2), m(b1, b2));
}
