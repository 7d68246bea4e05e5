/**
 * The artifact the preprocessing CLI writes and the dashboard reads: one schema,
 * imported by both sides. Browser-safe (no Node imports).
 *
 * Layout on disk (a directory, default out/artifact):
 *   manifest.json          everything the first paint needs but the per-paper columns
 *   <column>.<hash>.bin    per-paper columns (little-endian typed arrays), named by content
 *   titles.<hash>.json     string[]; fetched right after first paint (tooltips, lists, export)
 *   search.<hash>.bin      keyword index (see src/search); fetched right after first paint
 *   docs/<n>.<hash>.json   abstracts in chunks of `docs.chunkSize`, fetched on demand
 *   model/                 what `--update` needs (not read by the dashboard)
 *
 * Data files carry a content hash in their name and manifest.json is renamed into
 * place last, so an interrupted run leaves the previous artifact readable.
 */

export const ARTIFACT_FORMAT = 'topic-atlas';
/** Id of the element holding the artifact inlined in a single-file export (also spelled out in src/app/index.html's file:// guard). */
export const EMBED_ELEMENT_ID = 'atlas-embedded';
export const ARTIFACT_VERSION = 1;

export type DType = 'float32' | 'int32' | 'uint32' | 'int16' | 'uint16' | 'uint8';

export interface ColumnRef {
  file: string;
  dtype: DType;
  /** Number of elements (not bytes). */
  length: number;
}

/** 0 = undated, 1 = year only, 2 = year-month, 3 = full day. */
export type DatePrecision = 0 | 1 | 2 | 3;
export type BinUnit = 'month' | 'quarter' | 'year';
export type LevelName = 'coarse' | 'default' | 'fine';

export interface TermScore {
  /** Surface form for display ("language model", "agents"). */
  term: string;
  score: number;
  phrase: boolean;
}

export interface Cluster {
  id: number;
  /** Short label from the best two or three terms. */
  label: string;
  size: number;
  terms: TermScore[];
  /** Paper indices closest to the centroid, best first. */
  representatives: number[];
  /** Where to put the label on the map: the medoid-ish centre of the cluster's points. */
  center: [number, number];
  /** Mean publication day (days since 1970-01-01 UTC) of dated papers; null if none. */
  meanDay: number | null;
  /** Index of the cluster in the next coarser level that holds most of its papers (null for the coarsest). */
  parent: number | null;
}

export interface ClusteringLevel {
  name: LevelName;
  k: number;
  /** Key into Manifest.columns of the uint16 per-paper assignment. */
  column: string;
  inertia: number;
  clusters: Cluster[];
}

export interface KScanPoint {
  k: number;
  silhouette: number;
  inertia: number;
}

export interface TimeBin {
  /** Inclusive start, 'YYYY-MM-DD'. */
  start: string;
  /** Exclusive end, 'YYYY-MM-DD'. */
  end: string;
  label: string;
  /** Dated papers in this bin (all clusters). */
  total: number;
  /** The corpus ends inside this bin: counts are incomplete; kept out of growth estimates. */
  partial: boolean;
  /**
   * Far fewer papers than the periods around it (a collection gap, a straggling
   * tail; rule in Trends.method.coverage): kept out of growth estimates like a
   * partial bin. Absent in artifacts written before the rule (read as false).
   */
  sparse?: boolean;
}

export interface Growth {
  /** Change in log-share per year (a Poisson rate ratio on the log scale, exposure = bin totals). */
  slope: number;
  ciLow: number;
  ciHigh: number;
  pValue: number;
  /** Benjamini-Hochberg adjusted p over all tests of the same family. */
  qValue: number;
}

export interface Burst {
  startBin: number;
  /** Inclusive. */
  endBin: number;
  weight: number;
}

export interface ClusterTrend {
  counts: number[];
  /** Top terms of this cluster within each bin (c-TF-IDF restricted to the bin, global IDF). */
  topTerms: string[][];
  growth: Growth | null;
  bursts: Burst[];
}

export interface LevelTrends {
  level: LevelName;
  clusters: ClusterTrend[];
}

export interface TermTrend {
  term: string;
  phrase: boolean;
  /** The cluster of the term family's level holding most papers with the term: the family it was tested in. */
  cluster?: number;
  docCount: number;
  counts: number[];
  growth: Growth;
  bursts: Burst[];
}

export interface Trends {
  unit: BinUnit;
  bins: TimeBin[];
  /** Papers without a date. */
  undated: number;
  /** Papers whose date is coarser than the bin unit (a year-only date with month bins). */
  imprecise: number;
  levels: LevelTrends[];
  /**
   * Tested terms: those whose share changes significantly (q below `method.alpha`),
   * rising first, then the closest non-significant ones (smallest p) for the
   * dashboard's "not significant" list.
   */
  terms: TermTrend[];
  method: {
    growth: string;
    alpha: number;
    minTermDocs: number;
    burst: string;
    /** A series (cluster or term) is tested only with at least this many papers in the fitted periods... */
    minSeriesPapers?: number;
    /** ...spread over at least this many non-empty fitted periods. */
    minSeriesPeriods?: number;
    /** The low-coverage rule behind TimeBin.sparse. */
    coverage?: string;
    termFamily?: TermFamily;
  };
}

/** Which terms were tested for growth, and how many: the multiple-testing family of the term q-values. */
export interface TermFamily {
  rule: string;
  /** The clustering level whose clusters define the families. */
  level: LevelName;
  /** Clusters of that level that passed BH: one family each. */
  clusters: number[];
  /** Terms tested over all families (the q-values' m, summed). */
  tested: number;
  /** Terms that met the paper thresholds at all (what a flat test of every term would have had to correct for). */
  eligible: number;
}

export interface Manifest {
  format: typeof ARTIFACT_FORMAT;
  version: typeof ARTIFACT_VERSION;
  generator: string;
  input: { file: string; sha256: string; format: string };
  stats: {
    read: number;
    kept: number;
    skipped: Record<string, number>;
    undated: number;
    vocabulary: number;
    nnz: number;
    /** 0 when the map was built on user vectors (see `vectors`). */
    lsaDims: number;
    timingsMs: Record<string, number>;
  };
  /** Every resolved option of the run that produced this artifact. */
  params: Record<string, string | number | boolean | null>;
  /**
   * What k-means, the kNN graph and the map ran on: LSA of the TF-IDF matrix, or
   * vectors the user computed elsewhere (`source`: their file, or 'field "NAME"'
   * of the input). Labels, search and trends come from the text either way.
   * Absent in artifacts written before user vectors (read as LSA).
   */
  vectors?: VectorMethod;
  n: number;
  /** Per-paper columns. Always present: x, y (float32), day (int32), datePrecision (uint8), bin (int16, -1 = not binned), neighbors (int32, n × neighborsK), and one uint16 column per level. */
  columns: Record<string, ColumnRef>;
  neighborsK: number;
  /** [xmin, ymin, xmax, ymax] of the map coordinates. */
  bounds: [number, number, number, number];
  levels: ClusteringLevel[];
  defaultLevel: number;
  kScan: KScanPoint[] | null;
  kCriterion: string | null;
  trends: Trends;
  titles: { file: string };
  /**
   * Papers whose title was made from their abstract (the row had none), as
   * half-open [start, end) index ranges; absent when there are none. Ranges,
   * not a column: such papers come in runs (an abstract-only file is one range).
   */
  titlesFromAbstract?: [number, number][];
  ids: { file: string };
  search: { file: string };
  docs: { chunkSize: number; files: string[] };
  /** Files `--update` needs to place new papers on this map (fitted text model, LSA vectors, centroids); not read by the dashboard. */
  model: Record<string, string> | null;
}

export type VectorMethod = { method: 'lsa'; dims: number } | { method: 'user'; dims: number; source: string };

export interface DocRecord {
  id: string;
  /** As the corpus gives it, or (with titleFromAbstract) the abstract's first sentence. */
  title: string;
  /** '' for a title-only paper (its title is its text). */
  abstract: string;
  /** The row had no title: `title` was made from the abstract. */
  titleFromAbstract?: true;
  date: string | null;
  categories?: string[];
}

export class ArtifactError extends Error {
  override name = 'ArtifactError';
}

// ---------------------------------------------------------------------------
// Validation: hand-written so messages can name the exact field.

type Check = (value: unknown, path: string) => void;

function fail(path: string, expected: string, value: unknown): never {
  const got =
    value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' && !Number.isFinite(value) ? String(value) : typeof value;
  throw new ArtifactError(`${path}: expected ${expected}, got ${got}`);
}

// JSON.stringify writes a non-finite number as null, so a finite check rejects nothing the
// pipeline writes; it catches a hand edit such as 1e999, which JSON.parse reads as Infinity.
const num: Check = (v, p) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(p, 'a finite number', v);
};
const int: Check = (v, p) => {
  if (typeof v !== 'number' || !Number.isInteger(v)) fail(p, 'an integer', v);
};
const str: Check = (v, p) => {
  if (typeof v !== 'string') fail(p, 'a string', v);
};
const bool: Check = (v, p) => {
  if (typeof v !== 'boolean') fail(p, 'a boolean', v);
};
const nullable =
  (c: Check): Check =>
  (v, p) => {
    if (v !== null) c(v, p);
  };
const arrayOf =
  (c: Check): Check =>
  (v, p) => {
    if (!Array.isArray(v)) fail(p, 'an array', v);
    v.forEach((item, i) => c(item, `${p}[${i}]`));
  };
const oneOf =
  (...allowed: string[]): Check =>
  (v, p) => {
    if (typeof v !== 'string' || !allowed.includes(v)) fail(p, `one of ${allowed.join(', ')}`, v);
  };
function obj(shape: Record<string, Check>, optional: string[] = []): Check {
  return (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(p, 'an object', v);
    const o = v as Record<string, unknown>;
    for (const [key, check] of Object.entries(shape)) {
      if (!(key in o)) {
        if (optional.includes(key)) continue;
        throw new ArtifactError(`${p}.${key}: missing`);
      }
      check(o[key], `${p}.${key}`);
    }
  };
}
const recordOf =
  (c: Check): Check =>
  (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(p, 'an object', v);
    for (const [k, item] of Object.entries(v)) c(item, `${p}.${k}`);
  };

/** Days since 1970 inside the calendar the pipeline dates in (a mean day may be fractional). */
const plausibleDay: Check = (v, p) => {
  num(v, p);
  if ((v as number) < MIN_DAY || (v as number) > MAX_DAY) {
    throw new ArtifactError(`${p}: expected a day between ${dayToIso(MIN_DAY)} and ${dayToIso(MAX_DAY)} (${MIN_DAY}..${MAX_DAY}), got ${v}; the artifact is corrupt, rerun npm run preprocess`);
  }
};
const columnRef = obj({ file: str, dtype: oneOf('float32', 'int32', 'uint32', 'int16', 'uint16', 'uint8'), length: int });
const termScore = obj({ term: str, score: num, phrase: bool });
const pair: Check = (v, p) => {
  arrayOf(num)(v, p);
  if ((v as unknown[]).length !== 2) fail(p, 'a pair of numbers', v);
};
const cluster = obj({
  id: int,
  label: str,
  size: int,
  terms: arrayOf(termScore),
  representatives: arrayOf(int),
  center: pair,
  meanDay: nullable(plausibleDay),
  parent: nullable(int),
});
const level = obj({ name: oneOf('coarse', 'default', 'fine'), k: int, column: str, inertia: num, clusters: arrayOf(cluster) });
const growth = obj({ slope: num, ciLow: num, ciHigh: num, pValue: num, qValue: num });
const burst = obj({ startBin: int, endBin: int, weight: num });
const trends = obj({
  unit: oneOf('month', 'quarter', 'year'),
  bins: arrayOf(obj({ start: str, end: str, label: str, total: int, partial: bool, sparse: bool }, ['sparse'])),
  undated: int,
  imprecise: int,
  levels: arrayOf(
    obj({
      level: oneOf('coarse', 'default', 'fine'),
      clusters: arrayOf(obj({ counts: arrayOf(int), topTerms: arrayOf(arrayOf(str)), growth: nullable(growth), bursts: arrayOf(burst) })),
    }),
  ),
  terms: arrayOf(obj({ term: str, phrase: bool, cluster: int, docCount: int, counts: arrayOf(int), growth, bursts: arrayOf(burst) }, ['cluster'])),
  method: obj(
    {
      growth: str,
      alpha: num,
      minTermDocs: int,
      burst: str,
      minSeriesPapers: int,
      minSeriesPeriods: int,
      coverage: str,
      termFamily: obj({ rule: str, level: oneOf('coarse', 'default', 'fine'), clusters: arrayOf(int), tested: int, eligible: int }),
    },
    ['minSeriesPapers', 'minSeriesPeriods', 'coverage', 'termFamily'],
  ),
});

const manifestShape = obj({
  format: (v, p) => {
    if (v !== ARTIFACT_FORMAT) fail(p, `"${ARTIFACT_FORMAT}"`, v);
  },
  version: int,
  generator: str,
  input: obj({ file: str, sha256: str, format: str }),
  stats: obj({
    read: int,
    kept: int,
    skipped: recordOf(int),
    undated: int,
    vocabulary: int,
    nnz: int,
    lsaDims: int,
    timingsMs: recordOf(num),
  }),
  params: recordOf(() => undefined),
  vectors: (v, p) => {
    obj({ method: oneOf('lsa', 'user'), dims: int, source: str }, ['source'])(v, p);
    if ((v as VectorMethod).method === 'user' && !('source' in (v as object))) throw new ArtifactError(`${p}.source: missing`);
  },
  n: int,
  columns: recordOf(columnRef),
  neighborsK: int,
  bounds: (v, p) => {
    arrayOf(num)(v, p);
    if ((v as unknown[]).length !== 4) fail(p, 'four numbers', v);
    // The map divides by the spans: a crossed or overflowing box would paint nothing.
    const [xmin, ymin, xmax, ymax] = v as number[];
    if (!(xmin! <= xmax! && ymin! <= ymax!) || !Number.isFinite(xmax! - xmin!) || !Number.isFinite(ymax! - ymin!)) {
      throw new ArtifactError(`${p}: expected [xmin, ymin, xmax, ymax] with min ≤ max and finite spans, got [${(v as number[]).join(', ')}]; the artifact is corrupt, rerun npm run preprocess`);
    }
  },
  levels: arrayOf(level),
  defaultLevel: int,
  kScan: nullable(arrayOf(obj({ k: int, silhouette: num, inertia: num }))),
  kCriterion: nullable(str),
  trends,
  titles: obj({ file: str }),
  titlesFromAbstract: (v, p) => {
    arrayOf(arrayOf(int))(v, p);
    for (const [i, r] of (v as number[][]).entries()) if (r.length !== 2 || !(r[0]! < r[1]!)) fail(`${p}[${i}]`, '[start, end] with start < end', r);
  },
  ids: obj({ file: str }),
  search: obj({ file: str }),
  docs: obj({ chunkSize: int, files: arrayOf(str) }),
  model: nullable(recordOf(str)),
}, ['titlesFromAbstract', 'vectors']);

export const REQUIRED_COLUMNS: Record<string, DType> = {
  x: 'float32',
  y: 'float32',
  day: 'int32',
  datePrecision: 'uint8',
  bin: 'int16',
  neighbors: 'int32',
};

/**
 * Checks a parsed manifest.json and returns it typed. Throws ArtifactError with
 * a message naming the offending field ("manifest.levels[1].clusters[3].label: ...").
 */
export function validateManifest(value: unknown): Manifest {
  if (typeof value === 'object' && value !== null && 'version' in value) {
    const version = (value as { version: unknown }).version;
    if (typeof version === 'number' && version !== ARTIFACT_VERSION) {
      throw new ArtifactError(
        `manifest.version: this dashboard reads version ${ARTIFACT_VERSION}, the artifact is version ${version}; rerun npm run preprocess`,
      );
    }
  }
  manifestShape(value, 'manifest');
  const m = value as Manifest;
  for (const [name, dtype] of Object.entries(REQUIRED_COLUMNS)) {
    const ref = m.columns[name];
    if (!ref) throw new ArtifactError(`manifest.columns.${name}: missing`);
    if (ref.dtype !== dtype) throw new ArtifactError(`manifest.columns.${name}.dtype: expected ${dtype}, got ${ref.dtype}`);
    const expected = name === 'neighbors' ? m.n * m.neighborsK : m.n;
    if (ref.length !== expected) throw new ArtifactError(`manifest.columns.${name}.length: expected ${expected}, got ${ref.length}`);
  }
  if (m.levels.length === 0) throw new ArtifactError('manifest.levels: expected at least one clustering level');
  if (m.defaultLevel < 0 || m.defaultLevel >= m.levels.length) {
    throw new ArtifactError(`manifest.defaultLevel: ${m.defaultLevel} is not a level index (0..${m.levels.length - 1})`);
  }
  m.levels.forEach((lv, i) => {
    const ref = m.columns[lv.column];
    if (!ref) throw new ArtifactError(`manifest.levels[${i}].column: no column named "${lv.column}"`);
    if (ref.dtype !== 'uint16' || ref.length !== m.n) {
      throw new ArtifactError(`manifest.columns.${lv.column}: expected uint16 × ${m.n}`);
    }
    if (lv.clusters.length !== lv.k) throw new ArtifactError(`manifest.levels[${i}].clusters: expected ${lv.k} clusters, got ${lv.clusters.length}`);
  });
  return m;
}

export type TypedColumn = Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Uint8Array;

const BYTES: Record<DType, number> = { float32: 4, int32: 4, uint32: 4, int16: 2, uint16: 2, uint8: 1 };

/** Turns a column file's bytes into its typed array, checking the size against the manifest. */
export function decodeColumn(name: string, ref: ColumnRef, bytes: ArrayBuffer): TypedColumn {
  const expected = ref.length * BYTES[ref.dtype];
  if (bytes.byteLength !== expected) {
    throw new ArtifactError(`column ${name} (${ref.file}): expected ${expected} bytes, got ${bytes.byteLength}; the artifact is truncated or corrupt, rerun npm run preprocess`);
  }
  switch (ref.dtype) {
    case 'float32':
      return new Float32Array(bytes);
    case 'int32':
      return new Int32Array(bytes);
    case 'uint32':
      return new Uint32Array(bytes);
    case 'int16':
      return new Int16Array(bytes);
    case 'uint16':
      return new Uint16Array(bytes);
    case 'uint8':
      return new Uint8Array(bytes);
  }
}

export function dtypeOf(column: TypedColumn): DType {
  if (column instanceof Float32Array) return 'float32';
  if (column instanceof Int32Array) return 'int32';
  if (column instanceof Uint32Array) return 'uint32';
  if (column instanceof Int16Array) return 'int16';
  if (column instanceof Uint16Array) return 'uint16';
  return 'uint8';
}

/** The calendar the pipeline dates papers in (years 1000..9999), as days since 1970-01-01. */
export const MIN_DAY = -354_285; // 1000-01-01
export const MAX_DAY = 2_932_896; // 9999-12-31

/** A day the pipeline could have written; outside it, Date cannot format the day, or it is garbage. */
export function isPlausibleDay(day: number): boolean {
  return Number.isInteger(day) && day >= MIN_DAY && day <= MAX_DAY;
}

/**
 * The date precision column with papers whose day is outside the years 1000..9999
 * marked undated (a copy; the input is untouched), and how many there were. A
 * damaged day column then shows those papers as undated instead of throwing
 * wherever a date is formatted.
 */
export function undateImplausibleDays(day: Int32Array, precision: Uint8Array): { precision: Uint8Array; undated: number } {
  let out: Uint8Array | null = null;
  let undated = 0;
  for (let i = 0; i < day.length; i++) {
    if (precision[i] && !isPlausibleDay(day[i]!)) {
      out ??= precision.slice();
      out[i] = 0;
      undated++;
    }
  }
  return { precision: out ?? precision, undated };
}

/** Days since 1970-01-01 (UTC calendar) → 'YYYY-MM-DD'. Calendar arithmetic only: never shifted by a time zone. */
export function dayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** A paper's date as precise as it is known: 'YYYY', 'YYYY-MM', 'YYYY-MM-DD', or '' when undated. */
export function formatPaperDate(day: number, precision: number): string {
  if (!precision || !isPlausibleDay(day)) return '';
  const iso = dayToIso(day);
  return precision === 1 ? iso.slice(0, 4) : precision === 2 ? iso.slice(0, 7) : iso;
}

/** 'YYYY-MM-DD' (or 'YYYY-MM', 'YYYY') → days since 1970-01-01 of its first day. */
export function isoToDay(iso: string): number {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y!, m - 1, d) / 86_400_000);
}

/** The [start, end) runs of papers flagged `titleFromAbstract`, for the manifest. */
export function titleFromAbstractRanges(docs: ReadonlyArray<Pick<DocRecord, 'titleFromAbstract'>>): [number, number][] {
  const ranges: [number, number][] = [];
  docs.forEach((doc, i) => {
    if (!doc.titleFromAbstract) return;
    const last = ranges.at(-1);
    if (last && last[1] === i) last[1] = i + 1;
    else ranges.push([i, i + 1]);
  });
  return ranges;
}

/** Per paper, 1 where its title was made from its abstract (the manifest's ranges unpacked). */
export function titleFromAbstractMask(n: number, ranges: ReadonlyArray<readonly [number, number]> | undefined): Uint8Array {
  const mask = new Uint8Array(n);
  for (const [start, end] of ranges ?? []) mask.fill(1, Math.max(0, start), Math.min(n, end));
  return mask;
}
