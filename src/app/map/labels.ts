/**
 * Greedy label placement: candidates are taken by priority (cluster size), each
 * kept only if its box overlaps no box already kept and lies inside the viewport.
 * Deterministic: equal priorities keep input order.
 */

export interface LabelCandidate {
  key: string;
  text: string;
  /** Anchor (screen px): the label box is centred on it. */
  x: number;
  y: number;
  width: number;
  height: number;
  priority: number;
  /** Free-form tag for styling (e.g. 'cluster', 'fine', 'terms'). */
  kind: string;
  cluster: number;
}

export interface PlacedLabel extends LabelCandidate {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function boxesOverlap(a: { x0: number; y0: number; x1: number; y1: number }, b: { x0: number; y0: number; x1: number; y1: number }): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

export interface PlaceOptions {
  /** Screen boxes labels must not cover (e.g. a control bar over the map). */
  obstacles?: readonly { x0: number; y0: number; x1: number; y1: number }[];
  /**
   * Vertical shifts (in label heights) to try, in order, when a label does not fit
   * where it is anchored: [0] keeps the plain greedy rule; [0, -1, 1] lets a label
   * near an edge or a neighbour move one line up or down rather than vanish.
   */
  shifts?: readonly number[];
}

export function placeLabels(
  candidates: readonly LabelCandidate[],
  viewport: { width: number; height: number },
  margin = 2,
  maxLabels = 200,
  options: PlaceOptions = {},
): PlacedLabel[] {
  const obstacles = options.obstacles ?? [];
  const shifts = options.shifts ?? [0];
  const order = candidates.map((_, i) => i).sort((a, b) => candidates[b]!.priority - candidates[a]!.priority || a - b);
  const placed: PlacedLabel[] = [];
  for (const i of order) {
    if (placed.length >= maxLabels) break;
    const c = candidates[i]!;
    for (const s of shifts) {
      const y = c.y + s * c.height;
      const box = {
        ...c,
        y,
        x0: c.x - c.width / 2 - margin,
        x1: c.x + c.width / 2 + margin,
        y0: y - c.height / 2 - margin,
        y1: y + c.height / 2 + margin,
      };
      if (box.x0 < 0 || box.y0 < 0 || box.x1 > viewport.width || box.y1 > viewport.height) continue;
      if (obstacles.some((o) => boxesOverlap(o, box))) continue;
      if (placed.some((p) => boxesOverlap(p, box))) continue;
      placed.push(box);
      break;
    }
  }
  return placed;
}
