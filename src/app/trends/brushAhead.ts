/**
 * Where d3-brush will put the selection for a pointer position, computed from
 * the gesture's start. Chromium holds mousemove (what d3-brush listens to)
 * until the next animation frame, but delivers `pointerrawupdate` as soon as
 * the pointer moves; predicting the selection from it lets the brushed period
 * reach the other views a frame earlier. d3's own event then confirms it (or
 * corrects it, for the modifier-key modes this does not model).
 */

/** What the drag started on, by d3-brush's element classes. */
export type BrushGrip = 'overlay' | 'selection' | 'w' | 'e';

export interface BrushGesture {
  grip: BrushGrip;
  /** Pointer x at the start, in the brush's coordinates. */
  x0: number;
  /** Selection at the start (pixels), null when there was none. */
  s0: readonly [number, number] | null;
  /** Brush extent width: selections are clamped to [0, width]. */
  width: number;
}

/** The grip of a d3-brush element (its class names are d3-brush's documented styling hooks). */
export function gripOf(el: Element | null): BrushGrip | null {
  if (!el) return null;
  const c = el.classList;
  if (c.contains('overlay')) return 'overlay';
  if (c.contains('selection')) return 'selection';
  if (c.contains('handle--w')) return 'w';
  if (c.contains('handle--e')) return 'e';
  return null;
}

const clamp = (v: number, w: number) => Math.max(0, Math.min(w, v));

/** The selection d3-brush (brushX, no modifier keys) shows with the pointer at x. */
export function selectionAhead(g: BrushGesture, x: number): [number, number] {
  const { width: w } = g;
  const px = clamp(x, w);
  if (g.grip === 'overlay' || !g.s0) {
    const a = clamp(g.x0, w);
    return [Math.min(a, px), Math.max(a, px)];
  }
  const [l, r] = g.s0;
  if (g.grip === 'selection') {
    const dx = Math.max(-l, Math.min(w - r, x - g.x0));
    return [l + dx, r + dx];
  }
  // A handle follows the pointer; crossing the other edge flips the selection.
  // (Mid-drag d3 keeps an empty selection as [a, a]; only 'end' turns it into null.)
  const other = g.grip === 'w' ? r : l;
  const moved = clamp((g.grip === 'w' ? l : r) + (x - g.x0), w);
  return [Math.min(moved, other), Math.max(moved, other)];
}
