/**
 * The whole view state as URL hash parameters, so a link reproduces the view:
 *   #q=agents&lv=fine&c=3,7&p=120&z=2.5,-40,10&t=4-9&a=-1.2,0.5,3,4.25&col=time&dens=1
 *    &chart=stacked&measure=share&sort=matches&rn=<json>
 * Pure: parse and serialise plain objects; the app wires them to the state.
 */
import type { LevelName } from '../../schema/artifact.ts';
import { formatArea, parseArea, type AreaBox } from '../map/area.ts';

export interface ViewState {
  query: string;
  level: LevelName | null;
  selectedClusters: number[];
  selectedPaper: number | null;
  zoom: { k: number; x: number; y: number } | null;
  timeRange: [number, number] | null;
  colorBy: 'cluster' | 'time';
  /** Density shading on the map (off by default). */
  density: boolean;
  /** The map's area selection, in data coordinates. */
  area: AreaBox | null;
  trendMode: 'lines' | 'stacked';
  trendMeasure: 'count' | 'share';
  clusterSort: 'size' | 'matches' | 'name';
  renamed: Record<string, string>;
}

export const EMPTY_VIEW: ViewState = {
  query: '',
  level: null,
  selectedClusters: [],
  selectedPaper: null,
  zoom: null,
  timeRange: null,
  colorBy: 'cluster',
  density: false,
  area: null,
  trendMode: 'lines',
  trendMeasure: 'count',
  clusterSort: 'size',
  renamed: {},
};

const round = (v: number, digits: number) => Number(v.toFixed(digits));

export function serializeView(v: ViewState): string {
  const p = new URLSearchParams();
  if (v.query) p.set('q', v.query);
  if (v.level) p.set('lv', v.level);
  if (v.selectedClusters.length) p.set('c', v.selectedClusters.join(','));
  if (v.selectedPaper !== null) p.set('p', String(v.selectedPaper));
  if (v.zoom && (v.zoom.k !== 1 || v.zoom.x !== 0 || v.zoom.y !== 0)) {
    p.set('z', [round(v.zoom.k, 4), round(v.zoom.x, 1), round(v.zoom.y, 1)].join(','));
  }
  if (v.timeRange) p.set('t', `${v.timeRange[0]}-${v.timeRange[1]}`);
  if (v.area) p.set('a', formatArea(v.area));
  if (v.colorBy !== 'cluster') p.set('col', v.colorBy);
  if (v.density) p.set('dens', '1');
  if (v.trendMode !== 'lines') p.set('chart', v.trendMode);
  if (v.trendMeasure !== 'count') p.set('measure', v.trendMeasure);
  if (v.clusterSort !== 'size') p.set('sort', v.clusterSort);
  if (Object.keys(v.renamed).length) p.set('rn', JSON.stringify(v.renamed));
  return p.toString();
}

const isInt = (s: string) => /^-?\d+$/.test(s);

/** Parses a hash ("#q=..." or "q=..."); ignores malformed parts instead of throwing. */
export function parseView(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const v: ViewState = { ...EMPTY_VIEW, selectedClusters: [], renamed: {} };
  v.query = p.get('q') ?? '';
  const lv = p.get('lv');
  if (lv === 'coarse' || lv === 'default' || lv === 'fine') v.level = lv;
  const c = p.get('c');
  if (c) v.selectedClusters = c.split(',').filter(isInt).map(Number).filter((x) => x >= 0);
  const paper = p.get('p');
  if (paper && isInt(paper) && Number(paper) >= 0) v.selectedPaper = Number(paper);
  const z = p.get('z')?.split(',').map(Number);
  if (z && z.length === 3 && z.every(Number.isFinite) && z[0]! > 0) v.zoom = { k: z[0]!, x: z[1]!, y: z[2]! };
  const t = p.get('t')?.match(/^(\d+)-(\d+)$/);
  if (t) v.timeRange = [Number(t[1]), Number(t[2])];
  v.area = parseArea(p.get('a'));
  if (p.get('col') === 'time') v.colorBy = 'time';
  if (p.get('dens') === '1') v.density = true;
  if (p.get('chart') === 'stacked') v.trendMode = 'stacked';
  if (p.get('measure') === 'share') v.trendMeasure = 'share';
  const sort = p.get('sort');
  if (sort === 'matches' || sort === 'name') v.clusterSort = sort;
  const rn = p.get('rn');
  if (rn) {
    try {
      const obj: unknown = JSON.parse(rn);
      if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
        for (const [k, val] of Object.entries(obj)) if (typeof val === 'string') v.renamed[k] = val;
      }
    } catch {
      /* a hand-edited link with broken JSON keeps the default labels */
    }
  }
  return v;
}
