/**
 * The trends panel's height: clamped to what leaves the map usable, changed by
 * the splitter's keys, kept in localStorage (a preference of this browser, not
 * part of a shared view, so not in the URL).
 */
import type { KeyLike } from '../map/keyboard.ts';

export const DEFAULT_TRENDS_HEIGHT = 210;
export const MIN_TRENDS_HEIGHT = 120;
/** The map keeps at least this much of the column. */
export const MIN_MAP_HEIGHT = 200;
export const KEY_STEP = 20;
export const KEY_STEP_LARGE = 80;
const STORAGE_KEY = 'topic-atlas:trends-height';

/** Largest trends height for a column of `column` px (never under the minimum). */
export function maxTrendsHeight(column: number): number {
  return Math.max(MIN_TRENDS_HEIGHT, column - MIN_MAP_HEIGHT);
}

export function clampTrendsHeight(h: number, column: number): number {
  if (!Number.isFinite(h)) return DEFAULT_TRENDS_HEIGHT;
  return Math.round(Math.min(maxTrendsHeight(column), Math.max(MIN_TRENDS_HEIGHT, h)));
}

/**
 * The height after a key on the splitter (which sits above the panel: up makes
 * the panel taller), or null for keys it does not use.
 */
export function splitterKey(e: KeyLike, h: number, column: number): number | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const step = e.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
  switch (e.key) {
    case 'ArrowUp':
      return clampTrendsHeight(h + step, column);
    case 'ArrowDown':
      return clampTrendsHeight(h - step, column);
    case 'PageUp':
      return clampTrendsHeight(h + KEY_STEP_LARGE, column);
    case 'PageDown':
      return clampTrendsHeight(h - KEY_STEP_LARGE, column);
    case 'Home':
      return MIN_TRENDS_HEIGHT;
    case 'End':
      return maxTrendsHeight(column);
    case 'Enter':
      return clampTrendsHeight(DEFAULT_TRENDS_HEIGHT, column);
    default:
      return null;
  }
}

/** The stored height, or the default (storage may be missing or blocked). */
export function loadTrendsHeight(storage: Pick<Storage, 'getItem'> | null): number {
  try {
    const v = Number(storage?.getItem(STORAGE_KEY));
    return v > 0 ? v : DEFAULT_TRENDS_HEIGHT;
  } catch {
    return DEFAULT_TRENDS_HEIGHT;
  }
}

export function saveTrendsHeight(storage: Pick<Storage, 'setItem'> | null, h: number): void {
  try {
    storage?.setItem(STORAGE_KEY, String(Math.round(h)));
  } catch {
    // Private mode or a full quota: the size just is not remembered.
  }
}
