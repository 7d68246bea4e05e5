/**
 * Writes a synthetic artifact (gaussian blobs on the map, random dates, fake
 * titles) for dashboard development and for the 1M-point pan benchmark, where
 * running the real pipeline would measure the pipeline instead of the dashboard.
 * Never used to judge clustering quality or trends.
 *
 *   npx tsx scripts/make-synthetic-artifact.ts --n 1000000 --out out/synthetic
 */
import { parseArgs } from 'node:util';
import { writeArtifact } from '../src/pipeline/artifact/write.ts';
import { buildSearchIndex } from '../src/search/index.ts';
import { dayToIso, isoToDay, type Cluster, type ClusterTrend, type TimeBin } from '../src/schema/artifact.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '5000' },
    k: { type: 'string', default: '24' },
    out: { type: 'string', default: 'out/synthetic' },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('Usage: npx tsx scripts/make-synthetic-artifact.ts [--n 5000] [--k 24] [--out out/synthetic] [--seed 1]');
  process.exit(0);
}
const n = Number(values.n);
const k = Number(values.k);
let s = Number(values.seed) >>> 0 || 1;
const rand = () => {
  s = (s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());

const WORDS = 'agent model language vision graph robot policy reward diffusion protein quantum code skill memory planning retrieval benchmark learning transformer reasoning'.split(' ');
const centers = Array.from({ length: k }, () => [gauss() * 8, gauss() * 8] as const);
const x = new Float32Array(n);
const y = new Float32Array(n);
const label = new Uint16Array(n);
const day = new Int32Array(n);
const precision = new Uint8Array(n);
const start = isoToDay('2020-01-01');
const months = 36;
const bin = new Int16Array(n);
for (let i = 0; i < n; i++) {
  const c = Math.min(k - 1, Math.floor(Math.pow(rand(), 1.5) * k));
  label[i] = c;
  x[i] = centers[c]![0] + gauss() * 1.2;
  y[i] = centers[c]![1] + gauss() * 1.2;
  if (rand() < 0.02) {
    day[i] = 0;
    precision[i] = 0;
    bin[i] = -1;
  } else {
    // Later clusters grow over time so the trends view has something to show.
    const u = c % 3 === 0 ? Math.sqrt(rand()) : c % 3 === 1 ? 1 - Math.sqrt(rand()) : rand();
    const m = Math.min(months - 1, Math.floor(u * months));
    const iso = `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    day[i] = isoToDay(iso);
    precision[i] = 3;
    bin[i] = m;
  }
}
const fine = new Uint16Array(n);
const coarse = new Uint16Array(n);
for (let i = 0; i < n; i++) {
  fine[i] = label[i]! * 2 + (x[i]! > centers[label[i]!]![0] ? 1 : 0);
  coarse[i] = Math.floor(label[i]! / 2);
}
const bins: TimeBin[] = Array.from({ length: months }, (_, m) => {
  const startIso = `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
  const endM = m + 1;
  const endIso = `${2020 + Math.floor(endM / 12)}-${String((endM % 12) + 1).padStart(2, '0')}-01`;
  return { start: startIso, end: endIso, label: startIso.slice(0, 7), total: 0, partial: false };
});
for (let i = 0; i < n; i++) if (bin[i]! >= 0) bins[bin[i]!]!.total++;

function level(name: 'coarse' | 'default' | 'fine', col: Uint16Array, kk: number) {
  const sx = new Float64Array(kk), sy = new Float64Array(kk), size = new Int32Array(kk), sd = new Float64Array(kk), nd = new Int32Array(kk);
  const counts = Array.from({ length: kk }, () => new Array<number>(months).fill(0));
  for (let i = 0; i < n; i++) {
    const c = col[i]!;
    sx[c]! += x[i]!; sy[c]! += y[i]!; size[c]!++;
    if (precision[i]) { sd[c]! += day[i]!; nd[c]!++; counts[c]![bin[i]!]!++; }
  }
  const clusters: Cluster[] = Array.from({ length: kk }, (_, c) => {
    const terms = [0, 1, 2, 3, 4, 5].map((j) => ({ term: WORDS[(c * 3 + j) % WORDS.length]!, score: 1 / (j + 1), phrase: false }));
    return {
      id: c, label: `${terms[0]!.term} · ${terms[1]!.term}`, size: size[c]!, terms,
      representatives: [], center: [sx[c]! / Math.max(1, size[c]!), sy[c]! / Math.max(1, size[c]!)],
      meanDay: nd[c] ? sd[c]! / nd[c]! : null, parent: name === 'coarse' ? null : name === 'default' ? Math.floor(c / 2) : Math.floor(c / 2),
    };
  });
  const trends: ClusterTrend[] = counts.map((cs) => ({ counts: cs, topTerms: cs.map(() => []), growth: null, bursts: [] }));
  return { lv: { name, k: kk, column: `cluster_${name}`, inertia: 0, clusters }, trends };
}
const lc = level('coarse', coarse, Math.ceil(k / 2));
const ld = level('default', label, k);
const lf = level('fine', fine, 2 * k);
const neighborsK = 5;
const neighbors = new Int32Array(n * neighborsK);
for (let i = 0; i < n * neighborsK; i++) neighbors[i] = Math.floor(rand() * n);
let xmin = Infinity, xmax = -Infinity, ymin = Infinity, ymax = -Infinity;
for (let i = 0; i < n; i++) {
  xmin = Math.min(xmin, x[i]!); xmax = Math.max(xmax, x[i]!); ymin = Math.min(ymin, y[i]!); ymax = Math.max(ymax, y[i]!);
}
const titles = Array.from({ length: n }, (_, i) => `Synthetic paper ${i} on ${WORDS[label[i]! % WORDS.length]} ${WORDS[(label[i]! * 7 + i) % WORDS.length]}`);
const ids = Array.from({ length: n }, (_, i) => `syn-${i}`);
const search = buildSearchIndex(titles);
await writeArtifact(values.out!, {
  manifest: {
    generator: 'make-synthetic-artifact',
    input: { file: 'synthetic', sha256: '', format: 'synthetic' },
    stats: { read: n, kept: n, skipped: {}, undated: 0, vocabulary: 0, nnz: 0, lsaDims: 0, timingsMs: {} },
    params: { n, k, seed: Number(values.seed) },
    n,
    neighborsK,
    bounds: [xmin, ymin, xmax, ymax],
    levels: [lc.lv, ld.lv, lf.lv],
    defaultLevel: 1,
    kScan: null,
    kCriterion: null,
    trends: {
      unit: 'month', bins, undated: n - bins.reduce((a, b) => a + b.total, 0), imprecise: 0,
      levels: [{ level: 'coarse', clusters: lc.trends }, { level: 'default', clusters: ld.trends }, { level: 'fine', clusters: lf.trends }],
      terms: [], method: { growth: 'none (synthetic)', alpha: 0.05, minTermDocs: 0, burst: 'none (synthetic)' },
    },
  },
  columns: { x, y, day, datePrecision: precision, bin, cluster_coarse: coarse, cluster_default: label, cluster_fine: fine },
  titles,
  ids,
  search,
  docs: titles.map((t, i) => ({ id: ids[i]!, title: t, abstract: `Abstract of ${t}.`, date: precision[i] ? dayToIso(day[i]!) : null })),
  neighbors,
});
console.error(`wrote ${values.out} (${n} points, k=${k})`);
