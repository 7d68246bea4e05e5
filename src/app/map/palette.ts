/**
 * Colours for the map: a categorical palette for clusters, a sequential one for
 * dates, and the packed RGBA words the pixel renderer writes.
 */
import { hcl, lab, rgb } from 'd3-color';
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

const TABLEAU = ['#4e79a7', '#f28e2b', '#e15759', '#59a14f', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#5a6fd6'];

/**
 * Tableau 10 first, then greedy farthest-point picks (max of the min CIELAB distance
 * to the colours already chosen) from an HCL grid kept between L 32 and 74, so every
 * colour stays visible on the light background and 20-40 clusters stay apart.
 * Deterministic: the same k always gives the same colours.
 */
function buildPalette(k: number): string[] {
  const chosen = TABLEAU.slice(0, Math.min(k, TABLEAU.length));
  if (k <= TABLEAU.length) return chosen;
  const cands: { hex: string; l: number; a: number; b: number }[] = [];
  for (let h = 0; h < 360; h += 8) {
    for (const l of [32, 42, 52, 62, 72]) {
      for (const c of [30, 45, 60, 75]) {
        const col = hcl(h, c, l);
        if (!col.displayable()) continue;
        const lb = lab(col);
        cands.push({ hex: col.formatHex(), l: lb.l, a: lb.a, b: lb.b });
      }
    }
  }
  const dist = new Float64Array(cands.length).fill(Infinity);
  const update = (hex: string) => {
    const c = lab(hex);
    for (let i = 0; i < cands.length; i++) {
      const d = Math.hypot(cands[i]!.l - c.l, cands[i]!.a - c.a, cands[i]!.b - c.b);
      if (d < dist[i]!) dist[i] = d;
    }
  };
  chosen.forEach(update);
  while (chosen.length < k) {
    let best = 0;
    for (let i = 1; i < cands.length; i++) if (dist[i]! > dist[best]!) best = i;
    chosen.push(cands[best]!.hex);
    update(cands[best]!.hex);
  }
  return chosen;
}

const palettes = new Map<number, string[]>();

/** CSS colour of cluster i out of k. */
export function clusterColor(i: number, k: number): string {
  let p = palettes.get(k);
  if (!p) {
    p = buildPalette(Math.max(1, k));
    palettes.set(k, p);
  }
  return p[i % p.length]!;
}

export function clusterPalette(k: number): string[] {
  return Array.from({ length: k }, (_, i) => clusterColor(i, k));
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
