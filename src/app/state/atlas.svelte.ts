/**
 * The one state module every view reads and writes. Views never import each
 * other: they publish their filter clause here and read the resolved masks.
 */
import type { LoadedArtifact } from './loadArtifact.ts';
import { resolveClauses, withClause, type Clause, type ClauseSource } from './crossfilter.ts';

export type ColorBy = 'cluster' | 'time';

export interface ZoomState {
  k: number;
  x: number;
  y: number;
}

class AtlasState {
  artifact = $state.raw<LoadedArtifact | null>(null);
  /** A message for the page when the artifact cannot be shown (names the field and what to run). */
  error = $state<string | null>(null);
  titles = $state.raw<string[] | null>(null);
  ids = $state.raw<string[] | null>(null);

  /** Index into artifact.manifest.levels. */
  level = $state(0);
  query = $state('');
  selectedClusters = $state.raw<number[]>([]);
  selectedPaper = $state<number | null>(null);
  hoveredPaper = $state<number | null>(null);
  /** Inclusive bin range brushed on the trends view. */
  timeRange = $state.raw<[number, number] | null>(null);
  colorBy = $state<ColorBy>('cluster');
  zoom = $state.raw<ZoomState>({ k: 1, x: 0, y: 0 });
  /** User-renamed cluster labels, keyed `${levelName}:${clusterId}`. */
  renamed = $state<Record<string, string>>({});

  clauses = $state.raw<Clause[]>([]);

  get labels(): Uint16Array | null {
    return this.artifact ? this.artifact.levels[this.level]! : null;
  }

  setClause(source: ClauseSource, clause: Clause | null): void {
    this.clauses = withClause(this.clauses, source, clause);
  }

  /** Mask for a view: every clause but the view's own. */
  filterFor(source?: ClauseSource): Uint8Array | null {
    const a = this.artifact;
    return a ? resolveClauses(this.clauses, a.n, source) : null;
  }

  clusterLabel(cluster: number): string {
    const a = this.artifact;
    if (!a) return '';
    const lv = a.manifest.levels[this.level]!;
    return this.renamed[`${lv.name}:${cluster}`] ?? lv.clusters[cluster]?.label ?? `cluster ${cluster}`;
  }
}

export const atlas = new AtlasState();
