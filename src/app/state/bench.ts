/**
 * Numbers the benchmarks read from `window.__atlas`. Plain (non-reactive) fields:
 * written by the map on every paint, never rendered.
 */
export interface AtlasBench {
  /** Resolves after the first map paint (rejects never; an artifact error resolves with false). */
  ready: Promise<boolean>;
  lastPaintMs: number;
  /** performance.now() at the end of the last paint. */
  lastPaintAt: number;
  paintCount: number;
  /** ms from navigation start to the first map paint. */
  firstPaintAt: number | null;
  /** ms spent in the last keyword filter update (match + mask + publish). */
  lastFilterMs: number;
  /** Resolves once titles and the keyword index are in. */
  searchReady: Promise<boolean>;
  markPainted(ms: number): void;
  markReady(ok: boolean): void;
  markSearchReady(ok: boolean): void;
}

let resolveReady: (ok: boolean) => void = () => {};
let resolveSearch: (ok: boolean) => void = () => {};

export const bench: AtlasBench = {
  ready: new Promise((r) => (resolveReady = r)),
  searchReady: new Promise((r) => (resolveSearch = r)),
  lastPaintMs: 0,
  lastPaintAt: 0,
  paintCount: 0,
  firstPaintAt: null,
  lastFilterMs: 0,
  markPainted(ms) {
    this.lastPaintMs = ms;
    this.lastPaintAt = performance.now();
    this.paintCount++;
    if (this.firstPaintAt === null) {
      this.firstPaintAt = performance.now();
      document.body.dataset.mapPainted = '1';
      resolveReady(true);
    }
  },
  markReady(ok) {
    resolveReady(ok);
  },
  markSearchReady(ok) {
    resolveSearch(ok);
  },
};
