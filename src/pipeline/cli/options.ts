import { parseArgs } from 'node:util';
import { UserError, type InputFormat } from '../ingest/types.ts';
import type { BinUnit } from '../../schema/artifact.ts';
import type { PipelineParams } from '../run.ts';

/** Every option of the preprocessing run, named and defaulted in one place: the model's (PipelineParams) and the run's. */
export interface PipelineOptions extends PipelineParams {
  input: string;
  out: string;
  update: string | null;
  /** --vectors FILE: a .npy matrix or JSONL of the user's own vectors. */
  vectors: string | null;
  /** --vectors-field NAME: the input field holding each paper's vector. */
  vectorsField: string | null;
  format: InputFormat | null;
  strict: boolean;
  columns: Partial<Record<'id' | 'title' | 'abstract' | 'date' | 'label' | 'categories', string>>;
  quiet: boolean;
  timingsJson: string | null;
}

export const HELP = `Usage: npm run preprocess -- --input FILE [options]

Turns a corpus of abstracts into the artifact the dashboard reads:
ingest → text → TF-IDF → LSA → k-means → UMAP → time trends → artifact.

Input
  --input FILE          corpus: JSONL, JSON array, CSV, arXiv snapshot JSONL or a
                        Hugging Face Daily Papers page; .gz of any (required)
  --format NAME         jsonl | json | csv | arxiv-snapshot | daily-papers
                        (default: detected from the content)
  --col-id NAME, --col-title NAME, --col-abstract NAME, --col-date NAME,
  --col-label NAME, --col-categories NAME
                        CSV/JSON field names (defaults: id, title, abstract|summary|text,
                        date|published|update_date, label, categories)
  --strict              fail on the first bad row instead of skipping and counting it
  --vectors FILE        cluster and map on your own embeddings instead of LSA: a .npy
                        float32/float64 matrix (row i = record i of --input, skipped
                        rows included), or JSONL of one array per record, or of
                        {"id": ..., "vector": [...]} rows matched by id; TF-IDF still
                        names the clusters and drives search and trends
  --vectors-field NAME  the same, read from field NAME of each input record
                        (e.g. "embedding": [0.1, ...]); JSON/JSONL input, or CSV
                        cells holding a JSON array

Output
  --out DIR             artifact directory (default: out/artifact)
  --update DIR          add the papers of --input to the existing artifact DIR: assign
                        them to its clusters and place them on its map without refitting
                        (not with --vectors: a map built on them has no LSA model)
  --timings-json FILE   also write per-stage wall time and peak RSS as JSON
  --quiet               no progress on stderr (warnings and errors still print)

Model
  --k N|auto            clusters (default: auto = best mean silhouette over --k-min..--k-max)
  --k-min N, --k-max N  range scanned by --k auto (default: 4..30; at most √papers)
  --seed N              seed for every stochastic stage (default: 42)
  --restarts N          k-means restarts, lowest inertia kept (default: 5); the coarse
                        and fine levels are derived from the default one
  --min-df N|F          drop terms in fewer documents (count, or fraction if < 1)
                        (default: 2 below 10,000 papers, else 5)
  --max-df F            drop terms in more than this fraction of documents (default: 0.5)
  --no-phrases          do not detect bigram phrases
  --lsa-dims N          LSA dimensions (default: 100, clamped to the corpus; unused
                        with --vectors)
  --neighbors N         UMAP neighbours (default: 15)
  --min-dist F          UMAP min_dist (default: 0.1)
  --epochs N            UMAP epochs (default: 500 up to 10,000 papers, else 200)
  --bin UNIT            month | quarter | year | auto (default: auto, from the date span)

  -h, --help            this text
`;

// Options are typed by people: "0x10", "1e20", "12abc" or " 3" are mistakes to name, not numbers to coerce.
const INTEGER = /^\d+$/;
const DECIMAL = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function numberOption(name: string, raw: string | undefined, fallback: number, check: (v: number) => boolean, what: string): number {
  if (raw === undefined) return fallback;
  const v = DECIMAL.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(v) || !check(v)) throw new UserError(`--${name} ${raw}: expected ${what}`);
  return v;
}

/** An integer in min..max written in decimal digits; `or` names another accepted value in the message. */
function intOption(name: string, raw: string | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER, or = ''): number {
  if (raw === undefined) return fallback;
  const v = INTEGER.test(raw) ? Number(raw) : NaN;
  if (!(v >= min && v <= max)) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer in ${min}..${max}`;
    throw new UserError(`--${name} ${raw}: expected ${range}${or ? ` or ${or}` : ''}`);
  }
  return v;
}

/** The seed feeds 32-bit generators (cluster/random.ts): larger values would silently wrap onto smaller ones. */
const MAX_SEED = 2 ** 32 - 1;
/** Cluster columns are uint16. */
const MAX_K = 65535;

const FORMATS: InputFormat[] = ['jsonl', 'json', 'csv', 'arxiv-snapshot', 'daily-papers'];
const BINS = ['month', 'quarter', 'year', 'auto'] as const;

export function parseOptions(argv: string[]): PipelineOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        input: { type: 'string' },
        out: { type: 'string' },
        update: { type: 'string' },
        vectors: { type: 'string' },
        'vectors-field': { type: 'string' },
        format: { type: 'string' },
        strict: { type: 'boolean' },
        'col-id': { type: 'string' },
        'col-title': { type: 'string' },
        'col-abstract': { type: 'string' },
        'col-date': { type: 'string' },
        'col-label': { type: 'string' },
        'col-categories': { type: 'string' },
        k: { type: 'string' },
        'k-min': { type: 'string' },
        'k-max': { type: 'string' },
        seed: { type: 'string' },
        restarts: { type: 'string' },
        'min-df': { type: 'string' },
        'max-df': { type: 'string' },
        'no-phrases': { type: 'boolean' },
        'lsa-dims': { type: 'string' },
        neighbors: { type: 'string' },
        'min-dist': { type: 'string' },
        epochs: { type: 'string' },
        bin: { type: 'string' },
        quiet: { type: 'boolean' },
        'timings-json': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UserError(`${(e as Error).message.split('\n')[0]} (see --help)`);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (!v.input) throw new UserError('--input FILE is required (see --help)');
  if (v.format !== undefined && !FORMATS.includes(v.format as InputFormat)) {
    throw new UserError(`--format ${v.format}: expected one of ${FORMATS.join(', ')}`);
  }
  if (v.bin !== undefined && !(BINS as readonly string[]).includes(v.bin)) {
    throw new UserError(`--bin ${v.bin}: expected one of ${BINS.join(', ')}`);
  }
  if (v.vectors !== undefined && v['vectors-field'] !== undefined) {
    throw new UserError('--vectors and --vectors-field: give one (a vectors file, or a field of the input)');
  }
  if (v.update !== undefined && (v.vectors !== undefined || v['vectors-field'] !== undefined)) {
    throw new UserError(
      `--${v.vectors !== undefined ? 'vectors' : 'vectors-field'} with --update: new papers are placed with the map's LSA model, ` +
        'which user vectors do not have; rebuild the map from the whole corpus with the vectors instead',
    );
  }
  if (v['vectors-field'] === '') throw new UserError('--vectors-field: expected a field name');
  const k = v.k === undefined || v.k === 'auto' ? 'auto' : intOption('k', v.k, 0, 2, MAX_K, 'auto');
  const columns: PipelineOptions['columns'] = {};
  for (const key of ['id', 'title', 'abstract', 'date', 'label', 'categories'] as const) {
    const name = v[`col-${key}`];
    if (name !== undefined) columns[key] = name;
  }
  const kMin = intOption('k-min', v['k-min'], 4, 2, MAX_K);
  const kMax = intOption('k-max', v['k-max'], 30, kMin, MAX_K);
  return {
    input: v.input,
    out: v.out ?? 'out/artifact',
    update: v.update ?? null,
    vectors: v.vectors ?? null,
    vectorsField: v['vectors-field'] ?? null,
    format: (v.format as InputFormat | undefined) ?? null,
    strict: v.strict ?? false,
    columns,
    k,
    kMin,
    kMax,
    seed: intOption('seed', v.seed, 42, 0, MAX_SEED),
    restarts: intOption('restarts', v.restarts, 5, 1),
    minDf: v['min-df'] === undefined ? null : numberOption('min-df', v['min-df'], 1, (x) => x > 0 && (x < 1 || Number.isInteger(x)), 'a count ≥ 1 or a fraction < 1'),
    maxDf: numberOption('max-df', v['max-df'], 0.5, (x) => x > 0 && x <= 1, 'a fraction in (0, 1]'),
    phrases: !(v['no-phrases'] ?? false),
    lsaDims: intOption('lsa-dims', v['lsa-dims'], 100, 1),
    neighbors: intOption('neighbors', v.neighbors, 15, 2),
    minDist: numberOption('min-dist', v['min-dist'], 0.1, (x) => x >= 0 && x <= 1, 'a number in [0, 1]'),
    epochs: v.epochs === undefined ? null : intOption('epochs', v.epochs, 0, 1),
    bin: (v.bin as BinUnit | 'auto' | undefined) ?? 'auto',
    quiet: v.quiet ?? false,
    timingsJson: v['timings-json'] ?? null,
  };
}
