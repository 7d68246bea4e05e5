/**
 * The pipeline as one function over an in-memory corpus: text → TF-IDF → LSA →
 * k-means (three granularities) → labels → kNN + UMAP → trends. No file I/O
 * here: the CLI reads and writes; the eval script calls this directly.
 * With user vectors (params.userVectors) they replace LSA for k-means, kNN and
 * UMAP; TF-IDF still names the clusters and feeds the trends.
 */
import type { Paper } from './ingest/types.ts';
import { UserError } from './ingest/types.ts';
import { dayAndPrecision } from './ingest/dates.ts';
import { paperText } from './ingest/derive-title.ts';
import { resolveDfBounds, vectorize, type VectorizeResult } from './text/index.ts';
import { randomizedSvd, type SvdResult } from './vectors/svd.ts';
import type { UserVectors } from './vectors/user.ts';
import { clusterTerms, labelFromTerms, phraseIndex, representatives, classTermScores, type LevelResult } from './cluster/index.ts';
import { clusterStage, type ClusterStageResult } from './clusterStage.ts';
import { runInWorker } from './parallel/runInWorker.ts';
import { knnGraph, nearestPapers, type KnnGraph } from './project/knn.ts';
import { umapProject, defaultEpochs } from './project/umap.ts';
import { binPapers, buildTrends, type TrendsOutput } from './trends/index.ts';
import type { Cluster, KScanPoint, LevelName, TermScore } from '../schema/artifact.ts';
import { formatMs, type Progress } from './cli/progress.ts';
import type { BinUnit } from '../schema/artifact.ts';

export interface PipelineParams {
  k: number | 'auto';
  kMin: number;
  kMax: number;
  seed: number;
  restarts: number;
  /** null = 2 below 10,000 papers, else 5. */
  minDf: number | null;
  maxDf: number;
  phrases: boolean;
  lsaDims: number;
  neighbors: number;
  minDist: number;
  /** null = umap-learn's default for the corpus size. */
  epochs: number | null;
  bin: BinUnit | 'auto';
  /** Nearest papers kept per paper for the document panel. */
  nearest?: number;
  /** Skip UMAP (eval of clustering only). */
  skipProjection?: boolean;
  /** One unit row per paper, computed elsewhere: clustered and mapped instead of the LSA vectors (no LSA is run). */
  userVectors?: UserVectors | null;
}

/** The vectors k-means, the kNN graph and UMAP ran on: n × dims, unit rows (all-zero rows stay zero). */
export interface VectorSpace {
  X: Float32Array;
  dims: number;
  method: 'lsa' | 'user';
  /** The user vectors' file, or 'field "NAME"'; null for LSA. */
  source: string | null;
}

export interface LevelOutput {
  name: LevelName;
  k: number;
  labels: Int32Array;
  centroids: Float32Array;
  inertia: number;
  clusters: Cluster[];
}

export interface PipelineResult {
  n: number;
  vectors: VectorizeResult;
  /** null with user vectors. */
  svd: SvdResult | null;
  space: VectorSpace;
  kScan: { points: KScanPoint[]; best: number; criterion: string } | null;
  levels: LevelOutput[];
  knn: KnnGraph | null;
  nearest: Int32Array;
  nearestK: number;
  coords: Float32Array;
  day: Int32Array;
  precision: Uint8Array;
  trends: TrendsOutput;
  resolved: Record<string, string | number | boolean | null>;
}

const TERMS_PER_CLUSTER = 10;
/** Below this many papers, stages run one after the other on the main thread. */
const WORKER_MIN_PAPERS = 5000;
const REPRESENTATIVES = 5;

export function resolveMinDf(minDf: number | null, n: number): number {
  return minDf ?? (n < 10_000 ? 2 : 5);
}

function noProgress(): Progress {
  const p: Progress = {
    timings: {},
    peakRss: {},
    info: () => undefined,
    warn: () => undefined,
    stage: async (name, work) => {
      const t0 = performance.now();
      const r = await work(() => undefined);
      p.timings[name] = Math.round(performance.now() - t0);
      p.peakRss[name] = process.resourceUsage().maxRSS * 1024;
      return r;
    },
  };
  return p;
}

export async function runPipeline(papers: Paper[], params: PipelineParams, progress: Progress = noProgress()): Promise<PipelineResult> {
  const n = papers.length;
  if (n === 0) throw new UserError('the corpus is empty: no paper has both a title and an abstract');
  if (params.k !== 'auto' && params.k > n) {
    throw new UserError(`--k ${params.k} is larger than the corpus (${n} papers); use a smaller --k or --k auto`);
  }
  if (n < 3) throw new UserError(`the corpus has ${n} paper(s); at least 3 are needed to cluster`);
  const user = params.userVectors ?? null;
  if (user && user.data.length !== n * user.dims) throw new Error(`userVectors: ${user.data.length} numbers for ${n} papers × ${user.dims} dims`);
  const minDf = resolveMinDf(params.minDf, n);
  // Bounds that cross (a handful of papers with the default max_df share) are an
  // option/corpus mismatch, told as such, not a crash inside the text stage.
  try {
    resolveDfBounds(minDf, params.maxDf, n);
  } catch (e) {
    throw new UserError(`${(e as Error).message} for ${n} papers; lower --min-df or raise --max-df`);
  }
  const dates = papers.map((p) => dayAndPrecision(p.date));
  const day = Int32Array.from(dates, (x) => x.day);
  const precision = Uint8Array.from(dates, (x) => x.precision);
  const unit = params.bin === 'auto' ? undefined : params.bin;
  // Binning is cheap and can refuse the dates (too many bins for --bin): done first, so that is said before the minutes of work below.
  const binning = binPapers(day, precision, { unit });

  const vectors = await progress.stage('tfidf', (tick) =>
    vectorize(
      papers.map(paperText),
      { minDf, maxDf: params.maxDf, phrases: params.phrases },
      tick,
    ),
  );
  const { noWords, outsideDf } = vectors.termless;
  if (noWords === n) throw new UserError(`no paper has a usable word: the titles and abstracts hold only numbers, stopwords or symbols`);
  if (vectors.vocab.keys.length < 2) {
    throw new UserError(`after --min-df ${minDf} / --max-df ${params.maxDf} only ${vectors.vocab.keys.length} term(s) remain; lower --min-df or raise --max-df`);
  }

  if (noWords + outsideDf > 0) progress.warn(termlessWarning(noWords, outsideDf, minDf, params.maxDf, user !== null));

  const svd = user ? null : await progress.stage('lsa', (tick) => randomizedSvd(vectors.tfidf, params.lsaDims, { seed: params.seed, onProgress: tick }));
  if (svd && svd.dims < params.lsaDims) progress.info(`  lsa: ${svd.dims} dimensions (asked ${params.lsaDims}; the corpus has too few papers or terms)`);
  const space: VectorSpace = user
    ? { X: user.data, dims: user.dims, method: 'user', source: user.source }
    : { X: svd!.normalized, dims: svd!.dims, method: 'lsa', source: null };
  const { X, dims: d } = space;

  // k-means runs on a worker thread while this one builds the kNN graph and
  // the UMAP layout; below WORKER_MIN_PAPERS the worker's start-up is not worth it.
  const clusterParams = { k: params.k, kMin: params.kMin, kMax: params.kMax, seed: params.seed, restarts: params.restarts };
  const clusterJob: Promise<ClusterStageResult> =
    n >= WORKER_MIN_PAPERS
      ? runInWorker(new URL('./clusterStage.ts', import.meta.url), 'clusterStage', [X, n, d, clusterParams])
      : Promise.resolve().then(() => clusterStage(X, n, d, clusterParams));
  // A failure is rethrown where the job is awaited; this only stops Node from
  // calling it unhandled while the main thread is busy with UMAP.
  clusterJob.catch(() => undefined);

  const nearestK = Math.min(params.nearest ?? 5, n - 1);
  let knn: KnnGraph | null = null;
  let coords: Float32Array;
  const nNeighbors = Math.min(params.neighbors, n - 1);
  if (params.skipProjection) {
    coords = new Float32Array(n * 2);
  } else {
    knn = await progress.stage('knn', (tick) => knnGraph(X, n, d, Math.max(nNeighbors - 1, nearestK), { seed: params.seed, onProgress: tick }));
    const nEpochs = params.epochs ?? defaultEpochs(n);
    coords = await progress.stage('umap', (tick) => {
      // Shown while the fuzzy graph and the initial layout are built, before the first epoch.
      tick(0, nEpochs, 'graph and initial layout');
      return umapProject(X, n, d, knn!, { nNeighbors, minDist: params.minDist, nEpochs, seed: params.seed, onEpoch: tick });
    });
  }
  const nearest = knn ? nearestPapers(knn, nearestK) : new Int32Array(0);

  const waitStart = performance.now();
  const clustered = await clusterJob;
  progress.timings['kmeans-wait'] = Math.round(performance.now() - waitStart);
  const built = clustered.levels;
  const kScan = clustered.kScan;
  const k = built.default.k;
  progress.timings['k-scan'] = clustered.ms.kScan;
  progress.timings.kmeans = clustered.ms.kmeans;
  const where = n >= WORKER_MIN_PAPERS ? ', on a worker thread' : '';
  if (kScan) progress.info(`  k-scan    ${formatMs(clustered.ms.kScan).padStart(8)}  k = ${k}: ${kScan.criterion}${where}`);
  progress.info(`  kmeans    ${formatMs(clustered.ms.kmeans).padStart(8)}  k = ${built.coarse.k} / ${k} / ${built.fine.k}${where}`);
  const rawLevels: Array<[LevelName, LevelResult]> = [
    ['coarse', built.coarse],
    ['default', built.default],
    ['fine', built.fine],
  ];

  const levels = await progress.stage('labels', () => {
    const phrases = phraseIndex(vectors.vocab);
    return rawLevels.map(([name, lv]) => describeLevel(name, lv, vectors, X, n, d, coords, phrases));
  });
  levels.forEach((lv, i) => {
    const parent = rawLevels[i]![1].parent;
    lv.clusters.forEach((c) => (c.parent = parent ? parent[c.id]! : null));
  });

  const trends = await progress.stage('trends', () =>
    buildTrends(
      {
        day,
        precision,
        levels: levels.map((lv) => ({ name: lv.name, labels: lv.labels, k: lv.k })),
        termCounts: vectors.counts,
        vocabulary: vectors.vocab,
        binning,
      },
      { unit, scoreClassTerms: classTermScores },
    ),
  );
  levels.forEach((lv, i) => lv.clusters.forEach((c) => (c.meanDay = trends.meanDay[i]![c.id] ?? null)));
  if (trends.outOfRange > 0) {
    const { unit, bins } = trends.trends;
    progress.warn(
      `trends: ${trends.outOfRange} paper${trends.outOfRange === 1 ? '' : 's'} dated far outside the rest of the corpus left out of the ${unit} bins ` +
        `(${bins[0]!.label} to ${bins.at(-1)!.label}); their dates are kept`,
    );
  }

  return {
    n,
    vectors,
    svd,
    space,
    kScan,
    levels,
    knn,
    nearest,
    nearestK,
    coords,
    day,
    precision,
    trends,
    resolved: {
      k,
      kCoarse: built.coarse.k,
      kFine: built.fine.k,
      kMode: params.k === 'auto' ? 'auto' : 'fixed',
      kMin: params.kMin,
      kMax: params.kMax,
      seed: params.seed,
      restarts: params.restarts,
      minDf,
      maxDf: params.maxDf,
      phrases: params.phrases,
      lsaDims: svd ? d : null,
      vectors: space.method === 'lsa' ? 'lsa' : `user: ${space.source}`,
      vectorDims: d,
      neighbors: nNeighbors,
      minDist: params.minDist,
      epochs: params.skipProjection ? null : (params.epochs ?? defaultEpochs(n)),
      bin: trends.trends.unit,
    },
  };
}

/** e.g. "text: 3 papers have no usable terms (2 with no word but numbers, stopwords or symbols, 1 ...)". */
export function termlessWarning(noWords: number, outsideDf: number, minDf: number, maxDf: number, byUserVectors = false): string {
  const total = noWords + outsideDf;
  const reasons: string[] = [];
  if (noWords > 0) reasons.push(`${noWords} with no word but numbers, stopwords or symbols`);
  if (outsideDf > 0) reasons.push(`${outsideDf} whose words all fall outside --min-df ${minDf} / --max-df ${maxDf}`);
  const its = total === 1 ? 'its' : 'their';
  // User vectors place such papers by their own content; only the text-based parts lose them.
  const consequence = byUserVectors
    ? `${total === 1 ? 'it is' : 'they are'} clustered and mapped by ${its} vector but add${total === 1 ? 's' : ''} nothing to the cluster labels and term trends`
    : `${its} cluster and map position say nothing about ${its} topic`;
  return `text: ${total} paper${total === 1 ? ' has' : 's have'} no usable terms (${reasons.join(', ')}); ${consequence}`;
}

function describeLevel(
  name: LevelName,
  lv: LevelResult,
  vectors: VectorizeResult,
  X: Float32Array,
  n: number,
  d: number,
  coords: Float32Array,
  phrases: ReadonlyMap<string, number>,
): LevelOutput {
  // Siblings share a parent (the coarse level's clusters are all siblings): labels say what sets a cluster apart from them.
  const siblingGroup = lv.parent ?? undefined;
  const terms: TermScore[][] = clusterTerms(vectors.counts, lv.labels, lv.k, vectors.vocab, TERMS_PER_CLUSTER, { siblingGroup, phrases });
  const reps = representatives(X, n, d, lv.labels, lv.centroids, lv.k, REPRESENTATIVES);
  const centers = labelCenters(coords, lv.labels, lv.k);
  const size = new Int32Array(lv.k);
  for (let i = 0; i < n; i++) size[lv.labels[i]!]!++;
  const clusters: Cluster[] = Array.from({ length: lv.k }, (_, c) => ({
    id: c,
    label: labelFromTerms(terms[c]!) || `cluster ${c + 1}`,
    size: size[c]!,
    terms: terms[c]!,
    representatives: Array.from(reps[c]!),
    center: centers[c]!,
    meanDay: null,
    parent: null,
  }));
  return { name, k: lv.k, labels: lv.labels, centroids: lv.centroids, inertia: lv.inertia, clusters };
}

/**
 * Where a cluster's label goes on the map: the member closest to the members'
 * coordinate-wise median, so a label never floats in the empty middle of a
 * crescent-shaped cluster.
 */
export function labelCenters(coords: Float32Array, labels: Int32Array, k: number): [number, number][] {
  const xs: number[][] = Array.from({ length: k }, () => []);
  const ys: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < labels.length; i++) {
    xs[labels[i]!]!.push(coords[2 * i]!);
    ys[labels[i]!]!.push(coords[2 * i + 1]!);
  }
  const median = (v: number[]) => {
    const s = Float64Array.from(v).sort();
    return s.length ? s[Math.floor(s.length / 2)]! : 0;
  };
  return xs.map((cx, c) => {
    const mx = median(cx);
    const my = median(ys[c]!);
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < cx.length; j++) {
      const dd = (cx[j]! - mx) ** 2 + (ys[c]![j]! - my) ** 2;
      if (dd < bestD) {
        bestD = dd;
        best = j;
      }
    }
    return best < 0 ? [0, 0] : [cx[best]!, ys[c]![best]!];
  });
}
