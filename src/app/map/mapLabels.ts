/**
 * Which labels the map offers at a zoom level: the current level's cluster labels
 * always; finer-level labels and top-term lines once zoomed in. Placement (no
 * overlaps) is left to placeLabels.
 */
import type { ClusteringLevel } from '../../schema/artifact.ts';
import type { Affine } from './scales.ts';
import type { LabelCandidate } from './labels.ts';

export interface LabelInputs {
  levels: ClusteringLevel[];
  level: number;
  k: number;
  affine: Affine;
  labelOf: (cluster: number) => string;
  measure: (text: string, fontPx: number) => number;
  /** Matching papers per cluster of the current level (null: no filter). */
  matching: Int32Array | null;
}

export const FONT = { cluster: 12.5, fine: 10.5, terms: 10, paper: 10.5 } as const;

export function labelCandidates(inp: LabelInputs): LabelCandidate[] {
  const { levels, level, k, affine: a, measure } = inp;
  const out: LabelCandidate[] = [];
  const cur = levels[level]!;
  for (const c of cur.clusters) {
    if (c.size === 0) continue;
    const x = c.center[0] * a.sx + a.ox;
    const y = c.center[1] * a.sy + a.oy;
    const text = inp.labelOf(c.id);
    const boost = inp.matching && inp.matching[c.id] === 0 ? 0.5 : 1;
    out.push({ key: `c${c.id}`, text, x, y, width: measure(text, FONT.cluster), height: FONT.cluster + 4, priority: 1e9 + c.size * boost, kind: 'cluster', cluster: c.id });
    // Top terms the label does not already say.
    const extra = k >= 3 ? c.terms.map((t) => t.term).filter((t) => !text.toLowerCase().includes(t.toLowerCase())).slice(0, 3) : [];
    if (extra.length > 0) {
      const terms = extra.join(' · ');
      out.push({ key: `t${c.id}`, text: terms, x, y: y + FONT.cluster + 10, width: measure(terms, FONT.terms), height: FONT.terms + 3, priority: 1e6 + c.size, kind: 'terms', cluster: c.id });
    }
  }
  const finer = levels.findIndex((l, i) => i > level && l.k > cur.k);
  if (finer >= 0 && k >= 2) {
    for (const c of levels[finer]!.clusters) {
      if (c.size === 0) continue;
      const text = c.label;
      out.push({
        key: `f${c.id}`, text,
        x: c.center[0] * a.sx + a.ox, y: c.center[1] * a.sy + a.oy,
        width: measure(text, FONT.fine), height: FONT.fine + 3, priority: c.size, kind: 'fine', cluster: c.id,
      });
    }
  }
  return out;
}

/**
 * Once zoomed in far enough that only a few papers are in view, their (shortened)
 * titles become label candidates, placed beside each point, below every
 * cluster label in priority.
 */
export function paperLabelCandidates(
  visible: ArrayLike<number>,
  x: Float32Array,
  y: Float32Array,
  a: Affine,
  titles: readonly string[],
  measure: (text: string, fontPx: number) => number,
  offset: number,
  viewportWidth = Infinity,
  maxChars = 42,
): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  for (let j = 0; j < visible.length; j++) {
    const i = visible[j]!;
    const full = titles[i] ?? '';
    const text = full.length > maxChars ? `${full.slice(0, maxChars - 1).trimEnd()}…` : full;
    if (!text) continue;
    const w = measure(text, FONT.paper);
    const px = x[i]! * a.sx + a.ox;
    // Right of the point, or left of it when the right side runs off the map.
    const right = px + offset + w + 4 <= viewportWidth;
    out.push({
      key: `p${i}`, text, kind: 'paper', cluster: -1,
      x: right ? px + offset + w / 2 : px - offset - w / 2, y: y[i]! * a.sy + a.oy,
      width: w, height: FONT.paper + 3, priority: -j,
    });
  }
  return out;
}
