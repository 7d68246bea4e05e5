/**
 * The cluster colours before they were assigned by map adjacency (kept as the
 * baseline `npm run colour-check` compares against): Tableau 10, then greedy
 * farthest-point picks in CIELAB from an HCL grid, cluster i taking colour i.
 */
import { hcl, lab } from 'd3-color';

const TABLEAU = ['#4e79a7', '#f28e2b', '#e15759', '#59a14f', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#5a6fd6'];

export function indexPalette(k: number): string[] {
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
