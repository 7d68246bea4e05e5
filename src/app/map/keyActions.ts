/**
 * Carries out the map's key actions (map/keyboard.ts) against the shared state
 * and says what happened, for the map's live region. The map component lends
 * it the view operations it owns (pan, zoom, the paper nearest the centre).
 */
import { untrack } from 'svelte';
import { atlas } from '../state/atlas.svelte.ts';
import type { Clause } from '../state/crossfilter.ts';
import { mapKeyAction, matchOrder, stepIn, type KeyLike } from './keyboard.ts';

export interface MapView {
  /** Moves the content by (dx, dy) CSS px. */
  panBy(dx: number, dy: number): void;
  /** Zooms around the centre; returns the new scale. */
  zoomBy(factor: number): number;
  /** The paper nearest the view's centre (one passing the filters if any does), or -1. */
  nearestToCentre(): number;
  announce(text: string): void;
}

/** Returns a keydown handler: true when the key was the map's (the caller then stops it). */
export function mapKeyHandler(view: MapView): (e: KeyLike) => boolean {
  // n / p visit the papers passing the filters; the order is rebuilt when the filters or the level change.
  let cached: { clauses: Clause[]; level: number; order: number[] } | null = null;
  const order = (): number[] => {
    const a = atlas.artifact!;
    const clauses = atlas.clauses;
    if (cached && cached.clauses === clauses && cached.level === atlas.level) return cached.order;
    const f = atlas.filterIndex();
    const passes = f && f.filters() ? (i: number) => f.passes(i) : () => true;
    cached = { clauses, level: atlas.level, order: matchOrder(a.n, passes, atlas.labels!, a.x) };
    return cached.order;
  };
  const title = (i: number) => atlas.titles?.[i] ?? atlas.ids?.[i] ?? `paper ${i + 1}`;

  return (e) => {
    const action = mapKeyAction(e);
    if (!action || !atlas.artifact) return false;
    untrack(() => {
      switch (action.kind) {
        case 'pan':
          // The view goes the arrow's way: the content the other.
          view.panBy(-action.dx, -action.dy);
          break;
        case 'zoom':
          view.announce(`Zoom ${view.zoomBy(action.factor).toFixed(1)}×`);
          break;
        case 'reset':
          atlas.requestFocus('reset');
          view.announce('View reset to the whole map');
          break;
        case 'open': {
          const i = view.nearestToCentre();
          if (i < 0) {
            view.announce('No paper on the map');
            break;
          }
          atlas.selectedPaper = i;
          view.announce(`Opened: ${title(i)}`);
          break;
        }
        case 'step': {
          const o = order();
          const at = stepIn(o, atlas.selectedPaper, action.by);
          if (at < 0) {
            view.announce('No paper matches the filters');
            break;
          }
          const i = o[at]!;
          atlas.selectedPaper = i;
          atlas.requestFocus('paper', i);
          const filtered = atlas.clauses.length > 0;
          view.announce(`${filtered ? 'Match' : 'Paper'} ${at + 1} of ${o.length.toLocaleString()}: ${title(i)}`);
          break;
        }
        case 'clear':
          atlas.clearSelection();
          view.announce('Selection cleared');
          break;
      }
    });
    return true;
  };
}
