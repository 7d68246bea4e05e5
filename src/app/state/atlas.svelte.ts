/**
 * The one state module every view reads and writes. Views never import each
 * other: they publish their filter clause here and read the resolved masks.
 */
import { untrack } from 'svelte';
import type { LoadedArtifact } from './loadArtifact.ts';
import { resolveClauses, withClause, type Clause, type ClauseSource } from './crossfilter.ts';
import type { KeywordMatcher } from './keywordSearch.ts';
import { FilterIndex } from './filterIndex.ts';
import { applyRenames, type ProposedRename } from '../lib/renameProposal.ts';
import { areaMask, normalizeArea, type AreaBox } from '../map/area.ts';
import { colorClusters, type ClusterColoring } from '../map/clusterColors.ts';
import { dateDomain, type DateDomain } from '../map/dateScale.ts';
import { UNDATED } from '../map/palette.ts';

export type ColorBy = 'cluster' | 'time';
export type TrendMode = 'lines' | 'stacked';
/** Papers per period, or their share of the period's papers. */
export type TrendMeasure = 'count' | 'share';
export type ClusterSort = 'size' | 'matches' | 'name';

export interface ZoomState {
  k: number;
  x: number;
  y: number;
}

/** Something the page should tell the user about a part that did not load or work (not fatal). */
export interface Notice {
  /** One notice per topic: a new one of the same id replaces the old. */
  id: string;
  text: string;
}

/** A request for the map to frame something; `nonce` makes repeated requests distinct. */
export interface FocusRequest {
  kind: 'cluster' | 'paper' | 'reset';
  id: number;
  nonce: number;
}

class AtlasState {
  artifact = $state.raw<LoadedArtifact | null>(null);
  /** A message for the page when the artifact cannot be shown (names the field and what to run). */
  error = $state<string | null>(null);
  titles = $state.raw<string[] | null>(null);
  ids = $state.raw<string[] | null>(null);
  matcher = $state.raw<KeywordMatcher | null>(null);

  /** Index into artifact.manifest.levels. */
  level = $state(0);
  query = $state('');
  selectedClusters = $state.raw<number[]>([]);
  selectedPaper = $state<number | null>(null);
  hoveredPaper = $state<number | null>(null);
  /** Inclusive bin range brushed on the trends view. */
  timeRange = $state.raw<[number, number] | null>(null);
  colorBy = $state<ColorBy>('cluster');
  /** Grey density shading behind the map's points (of the papers passing the filters). */
  density = $state(false);
  zoom = $state.raw<ZoomState>({ k: 1, x: 0, y: 0 });
  /** The map's shift-drag box in data coordinates (its clause is 'map'). */
  area = $state.raw<AreaBox | null>(null);
  trendMode = $state<TrendMode>('lines');
  trendMeasure = $state<TrendMeasure>('count');
  clusterSort = $state<ClusterSort>('size');
  /** User-renamed cluster labels, keyed `${levelName}:${clusterId}`. */
  renamed = $state<Record<string, string>>({});
  /** Renames a link carried, waiting for the user to apply or ignore them (never stored until applied). */
  proposedRenames = $state.raw<ProposedRename[]>([]);
  /** Degraded parts of the dashboard (titles, search, dates), shown above the views. */
  notices = $state.raw<Notice[]>([]);
  focus = $state.raw<FocusRequest | null>(null);

  clauses = $state.raw<Clause[]>([]);
  /** Set by the map while mounted: a PNG of the current map with its labels. */
  mapSnapshot: (() => Promise<Blob | null>) | null = null;

  get labels(): Uint16Array | null {
    return this.artifact ? this.artifact.levels[this.level]! : null;
  }

  setClause(source: ClauseSource, clause: Clause | null): void {
    // untrack: views publish from effects; reading clauses there must not subscribe them.
    this.clauses = withClause(untrack(() => this.clauses), source, clause);
  }

  /**
   * The resolved crossfilter shared by every view (fail bits per paper and
   * papers per cluster for any view's exclusion), brought up to date once per
   * clause change whoever asks first. Reading it subscribes the caller to the
   * clauses and the level. The object is reused: derive numbers from it, never
   * return it from a $derived (its identity does not change).
   */
  filterIndex(): FilterIndex | null {
    const labels = this.labels;
    const a = this.artifact;
    const clauses = this.clauses;
    if (!a || !labels) return null;
    const k = a.manifest.levels[this.level]!.k;
    if (!this.#index || this.#index.labels !== labels || this.#index.k !== k) this.#index = new FilterIndex(labels, k);
    this.#index.update(clauses);
    return this.#index;
  }
  #index: FilterIndex | null = null;

  /**
   * Mask for a view: every clause but the view's own; a new array per clause
   * set (cached), for views that keep or hand out the mask. Hot paths read
   * filterIndex() instead and allocate nothing.
   */
  filterFor(source?: ClauseSource): Uint8Array | null {
    const a = this.artifact;
    if (!a) return null;
    const clauses = this.clauses;
    if (this.#resolvedFor !== clauses) {
      this.#resolvedFor = clauses;
      this.#resolved.clear();
    }
    const key = source ?? '*';
    let mask = this.#resolved.get(key);
    if (mask === undefined) {
      mask = resolveClauses(clauses, a.n, source);
      this.#resolved.set(key, mask);
    }
    return mask;
  }
  #resolvedFor: Clause[] | null = null;
  #resolved = new Map<string, Uint8Array | null>();

  /**
   * The cluster colours of the current level, chosen by map adjacency
   * (map/clusterColors.ts), with the adjacency they were chosen for. Computed
   * once per level; every view that shows a cluster's colour reads it here.
   */
  get clusterColoring(): ClusterColoring | null {
    const a = this.artifact;
    const labels = this.labels;
    if (!a || !labels) return null;
    let c = this.#colorings.get(labels);
    if (!c) {
      c = colorClusters(a.x, a.y, labels, a.manifest.levels[this.level]!.k, a.manifest.bounds);
      this.#colorings.set(labels, c);
    }
    return c;
  }
  #colorings = new WeakMap<Uint16Array, ClusterColoring>();

  get clusterColors(): string[] {
    return this.clusterColoring?.colors ?? [];
  }

  clusterColor(cluster: number): string {
    return this.clusterColoring?.colors[cluster] ?? UNDATED;
  }

  /** The date colours' domain (1st to 99th percentile of the dates, see map/dateScale.ts). */
  get dateDomain(): DateDomain | null {
    const a = this.artifact;
    if (!a) return null;
    if (this.#dates?.artifact !== a) this.#dates = { artifact: a, domain: dateDomain(a.day, a.datePrecision) };
    return this.#dates.domain;
  }
  #dates: { artifact: LoadedArtifact; domain: DateDomain | null } | null = null;

  clusterLabel(cluster: number): string {
    const a = this.artifact;
    if (!a) return '';
    const lv = a.manifest.levels[this.level]!;
    return this.renamed[`${lv.name}:${cluster}`] ?? lv.clusters[cluster]?.label ?? `cluster ${cluster}`;
  }

  rename(cluster: number, label: string): void {
    const a = this.artifact;
    if (!a) return;
    const key = `${a.manifest.levels[this.level]!.name}:${cluster}`;
    const next = { ...this.renamed };
    const original = a.manifest.levels[this.level]!.clusters[cluster]?.label;
    if (!label.trim() || label.trim() === original) delete next[key];
    else next[key] = label.trim();
    this.renamed = next;
    this.#describeClusters();
  }

  /** The cluster chip spells out the selected clusters' names: it follows a rename (same mask, no recount). */
  #describeClusters(): void {
    const c = untrack(() => this.clauses).find((x) => x.source === 'cluster');
    if (c) this.setClause('cluster', { ...c, description: this.selectedClusters.map((id) => this.clusterLabel(id)).join(', ') });
  }

  applyProposedRenames(): void {
    const a = this.artifact;
    if (!a) return;
    this.renamed = applyRenames(this.renamed, this.proposedRenames, a.manifest.levels);
    this.proposedRenames = [];
    this.#describeClusters();
  }

  ignoreProposedRenames(): void {
    this.proposedRenames = [];
  }

  notify(id: string, text: string): void {
    this.notices = [...this.notices.filter((n) => n.id !== id), { id, text }];
  }

  dismiss(id: string): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  /** Selects clusters of the current level and publishes the 'cluster' clause. */
  selectClusters(ids: number[]): void {
    const labels = this.labels;
    const a = this.artifact;
    if (!labels || !a) return;
    const k = a.manifest.levels[this.level]!.k;
    const valid = [...new Set(ids)].filter((c) => c >= 0 && c < k).sort((x, y) => x - y);
    this.selectedClusters = valid;
    if (valid.length === 0) {
      this.setClause('cluster', null);
      return;
    }
    const want = new Uint8Array(k);
    for (const c of valid) want[c] = 1;
    const mask = new Uint8Array(a.n);
    for (let i = 0; i < a.n; i++) mask[i] = want[labels[i]!]!;
    this.setClause('cluster', { source: 'cluster', mask, description: valid.map((c) => this.clusterLabel(c)).join(', ') });
  }

  setLevel(level: number): void {
    const a = this.artifact;
    if (!a || level < 0 || level >= a.manifest.levels.length || level === this.level) return;
    this.level = level;
    this.selectClusters([]);
  }

  /** Selects the papers inside a box of the map (data coordinates), or none; publishes the 'map' clause. */
  selectArea(box: AreaBox | null): void {
    const a = this.artifact;
    const b = a && box ? normalizeArea(...box) : null;
    this.area = b;
    if (!a || !b) {
      this.setClause('map', null);
      return;
    }
    const { mask, count } = areaMask(a.x, a.y, b);
    this.setClause('map', { source: 'map', mask, description: `${count.toLocaleString()} paper${count === 1 ? '' : 's'} in the box` });
  }

  /** Esc: drop the selection (paper, clusters, area), keep the query and time range. */
  clearSelection(): void {
    this.selectedPaper = null;
    this.selectClusters([]);
    this.selectArea(null);
  }

  requestFocus(kind: FocusRequest['kind'], id = 0): void {
    this.focus = { kind, id, nonce: (this.focus?.nonce ?? 0) + 1 };
  }
}

export const atlas = new AtlasState();
