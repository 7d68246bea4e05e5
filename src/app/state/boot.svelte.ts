/**
 * Startup: load the artifact (first paint needs only the manifest and the point
 * columns), restore the view from the URL, and keep the URL in step with the
 * state from then on. Titles, abstracts and the keyword index come in shards
 * when a view needs them (paperTitles.ts, loadArtifact.ts, keywordSearch.ts).
 */
import { ArtifactError, type Manifest } from '../../schema/artifact.ts';
import { atlas } from './atlas.svelte.ts';
import { bench } from './bench.ts';
import { loadArtifact, type LoadedArtifact } from './loadArtifact.ts';
import { PaperTitles } from './paperTitles.ts';
import { loadKeywordMatcher } from './keywordSearch.ts';
import { parseView, serializeView, type ViewState } from '../lib/urlState.ts';
import { asRecord, proposedRenames } from '../lib/renameProposal.ts';
import { binRangeMask, describeBinRange, normalizeBinRange } from '../trends/timeMask.ts';

export function artifactBase(search = location.search): string {
  return new URLSearchParams(search).get('artifact') ?? './artifact/';
}

function renamedKey(m: Manifest, base: string): string {
  return `topic-atlas:renamed:${m.input.sha256 || base}`;
}

function storedRenames(key: string): Record<string, string> {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(key) ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The address of the current view, up to date even within the URL's write delay (for export records). */
export function currentViewUrl(): string {
  const hash = serializeView(currentView());
  return `${location.origin}${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
}

function currentView(): ViewState {
  const a = atlas.artifact;
  return {
    query: atlas.query,
    level: a ? a.manifest.levels[atlas.level]!.name : null,
    selectedClusters: atlas.selectedClusters,
    selectedPaper: atlas.selectedPaper,
    zoom: atlas.zoom,
    timeRange: atlas.timeRange,
    colorBy: atlas.colorBy,
    density: atlas.density,
    area: atlas.area,
    trendMode: atlas.trendMode,
    trendMeasure: atlas.trendMeasure,
    clusterSort: atlas.clusterSort,
    // Undecided proposals stay in the address, so a reload still shows them; only applied ones are stored.
    renamed: { ...atlas.renamed, ...asRecord(atlas.proposedRenames) },
  };
}

/** Applies a parsed view to the state (the artifact must be loaded). */
export function applyView(v: ViewState, a: LoadedArtifact): void {
  const m = a.manifest;
  const li = v.level ? m.levels.findIndex((l) => l.name === v.level) : -1;
  atlas.level = li >= 0 ? li : m.defaultLevel;
  // A link's renames could say anything (a spreadsheet formula, a slur): proposed, not applied.
  atlas.proposedRenames = proposedRenames(v.renamed, atlas.renamed, m.levels);
  atlas.selectClusters(v.selectedClusters);
  atlas.selectedPaper = v.selectedPaper !== null && v.selectedPaper < a.n ? v.selectedPaper : null;
  atlas.zoom = v.zoom ?? { k: 1, x: 0, y: 0 };
  atlas.colorBy = v.colorBy;
  atlas.density = v.density;
  atlas.trendMode = v.trendMode;
  atlas.trendMeasure = v.trendMeasure;
  atlas.clusterSort = v.clusterSort;
  atlas.selectArea(v.area);
  atlas.query = v.query;
  const bins = m.trends.bins;
  const range = v.timeRange ? normalizeBinRange(v.timeRange, bins.length) : null;
  atlas.timeRange = range;
  atlas.setClause(
    'time',
    range ? { source: 'time', mask: binRangeMask(a.bin, range), description: describeBinRange(bins.map((b) => b.label), range) } : null,
  );
}

function message(e: unknown): string {
  if (e instanceof ArtifactError) return e.message;
  return `The dashboard could not start: ${reason(e)}`;
}

const reason = (e: unknown): string => (e as Error)?.message ?? String(e);

export async function boot(): Promise<void> {
  const base = artifactBase();
  let a: LoadedArtifact;
  try {
    a = await loadArtifact(base);
  } catch (e) {
    atlas.error = message(e);
    document.body.dataset.atlasError = '1';
    bench.markReady(false);
    bench.markSearchReady(false);
    return;
  }
  const key = renamedKey(a.manifest, base);
  atlas.renamed = storedRenames(key);
  atlas.level = a.manifest.defaultLevel;
  atlas.paperTitles = new PaperTitles(a, () => atlas.titlesVersion++, undefined, bench.ready);
  atlas.artifact = a;
  applyView(parseView(location.hash), a);
  startUrlSync(a, key);

  if (a.implausibleDays > 0) {
    const n = a.implausibleDays;
    atlas.notify('dates', `${n.toLocaleString()} paper${n === 1 ? ' has a date' : 's have dates'} outside the years 1000–9999 in the artifact's day column: shown as undated.`);
  }

  // The keyword index's directory is in the manifest: the matcher fetches shards per query.
  await bench.ready;
  try {
    atlas.matcher = await loadKeywordMatcher(
      a,
      async () => {
        await atlas.paperTitles!.loadAll();
        return atlas.paperTitles!.titles;
      },
      (why) => atlas.notify('search', `Full-text keyword search unavailable: the keyword filter matches titles only. ${why}`),
    );
    bench.markSearchReady(true);
  } catch (e) {
    atlas.notify('search', `Keyword search unavailable: ${reason(e)}`);
    bench.markSearchReady(false);
  }
}

function startUrlSync(a: LoadedArtifact, storageKey: string): void {
  let written = location.hash.replace(/^#/, '');
  let timer = 0;
  $effect.root(() => {
    $effect(() => {
      const hash = serializeView(currentView());
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        if (hash === written) return;
        written = hash;
        history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
      }, 120);
    });
    $effect(() => {
      const r = atlas.renamed;
      try {
        if (Object.keys(r).length) localStorage.setItem(storageKey, JSON.stringify(r));
        else localStorage.removeItem(storageKey);
      } catch {
        /* private mode: renames still live in the URL */
      }
    });
  });
  window.addEventListener('hashchange', () => {
    const hash = location.hash.replace(/^#/, '');
    if (hash === written) return;
    written = hash;
    applyView(parseView(hash), a);
  });
}
