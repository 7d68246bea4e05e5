/**
 * The map's keyboard: which key does what (pure, so it is tested without a
 * browser), and the order in which n / p step through the matching papers.
 * The map component carries the actions out.
 */

export type MapAction =
  /** Pan by a screen distance (CSS px): the content moves the other way, as dragging would. */
  | { kind: 'pan'; dx: number; dy: number }
  /** Zoom around the view's centre by this factor. */
  | { kind: 'zoom'; factor: number }
  | { kind: 'reset' }
  /** Open the paper nearest the centre. */
  | { kind: 'open' }
  /** Step to the next (+1) or previous (-1) paper passing the filters. */
  | { kind: 'step'; by: 1 | -1 }
  | { kind: 'clear' };

export interface KeyLike {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** Screen pixels per arrow press; shift moves a larger step. */
export const PAN_STEP = 60;
export const PAN_STEP_LARGE = 240;
export const ZOOM_STEP = 1.5;

/** What the map says about itself to a screen reader (also its tooltip). */
export const MAP_KEYS_HELP =
  'Arrow keys pan (shift: further), + and − zoom, 0 resets the view, Enter opens the paper nearest the centre, ' +
  'N and P step through the papers matching the filters, Escape clears the selection.';

/** The action for a key press on the focused map, or null to let the key through (Tab, browser shortcuts). */
export function mapKeyAction(e: KeyLike): MapAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const step = e.shiftKey ? PAN_STEP_LARGE : PAN_STEP;
  switch (e.key) {
    case 'ArrowLeft':
      return { kind: 'pan', dx: -step, dy: 0 };
    case 'ArrowRight':
      return { kind: 'pan', dx: step, dy: 0 };
    case 'ArrowUp':
      return { kind: 'pan', dx: 0, dy: -step };
    case 'ArrowDown':
      return { kind: 'pan', dx: 0, dy: step };
    case '+':
    case '=':
      return { kind: 'zoom', factor: ZOOM_STEP };
    case '-':
    case '_':
      return { kind: 'zoom', factor: 1 / ZOOM_STEP };
    case '0':
      return { kind: 'reset' };
    case 'Enter':
    case ' ':
      return { kind: 'open' };
    case 'n':
    case 'N':
      return { kind: 'step', by: e.shiftKey ? -1 : 1 };
    case 'p':
    case 'P':
      return { kind: 'step', by: -1 };
    case 'Escape':
      return { kind: 'clear' };
    default:
      return null;
  }
}

/**
 * The papers n / p visit, in reading order: grouped by cluster (so stepping
 * stays in one topic before moving on), then left to right within it.
 * `passes` says whether a paper passes the filters.
 */
export function matchOrder(n: number, passes: (i: number) => boolean, cluster: ArrayLike<number>, x: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (passes(i)) out.push(i);
  return out.sort((a, b) => cluster[a]! - cluster[b]! || x[a]! - x[b]! || a - b);
}

/**
 * Position in `order` after stepping `by` from `current` (a paper index, or
 * null before the first step), wrapping at both ends; -1 when nothing matches.
 * A current paper that is not in the order starts from the beginning (or end).
 */
export function stepIn(order: readonly number[], current: number | null, by: 1 | -1): number {
  if (order.length === 0) return -1;
  const at = current === null ? -1 : order.indexOf(current);
  if (at < 0) return by === 1 ? 0 : order.length - 1;
  return (at + by + order.length) % order.length;
}
