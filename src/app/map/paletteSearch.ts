/**
 * How the cluster palette (paletteColors.ts) is made; the dashboard ships the
 * result, not this search. Greedy farthest-point picks from an HCL grid kept
 * between L 35 and 75 (visible on the light background, dark labels readable
 * over it): each pick is the candidate farthest, by the worst CIEDE2000 over
 * normal vision and the three dichromacies, from the colours already chosen.
 * Farthest-point order is prefix-stable, so the first k colours are the
 * palette for k clusters.
 */
import { hcl } from 'd3-color';
import { deltaE2000, labAs, VISIONS, type Lab } from './cvd.ts';

export const PALETTE_SEED = '#4e79a7';

interface Candidate {
  hex: string;
  labs: Lab[];
}

const candidate = (hex: string): Candidate => ({ hex, labs: VISIONS.map((v) => labAs(hex, v)) });

function worst(p: Candidate, q: Candidate): number {
  let m = Infinity;
  for (let v = 0; v < p.labs.length; v++) m = Math.min(m, deltaE2000(p.labs[v]!, q.labs[v]!));
  return m;
}

export function farthestPointPalette(n: number): string[] {
  const pool: Candidate[] = [];
  for (let h = 0; h < 360; h += 6) {
    for (const l of [35, 45, 55, 65, 75]) {
      for (const c of [35, 50, 65, 80]) {
        const col = hcl(h, c, l);
        if (col.displayable()) pool.push(candidate(col.formatHex()));
      }
    }
  }
  const chosen = [candidate(PALETTE_SEED)];
  const dist = pool.map((p) => worst(p, chosen[0]!));
  while (chosen.length < n) {
    let best = 0;
    for (let i = 1; i < pool.length; i++) if (dist[i]! > dist[best]!) best = i;
    const c = pool[best]!;
    chosen.push(c);
    for (let i = 0; i < pool.length; i++) dist[i] = Math.min(dist[i]!, worst(pool[i]!, c));
  }
  return chosen.slice(0, n).map((c) => c.hex);
}
