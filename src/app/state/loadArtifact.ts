import {
  ArtifactError,
  decodeAbstractShard,
  decodeColumn,
  gunzipShard,
  shardLength,
  shardOf,
  undateImplausibleDays,
  validateManifest,
  type AbstractRecord,
  type DocRecord,
  type Manifest,
  type TypedColumn,
} from '../../schema/artifact.ts';
import { embeddedResponse } from './embedded.ts';

/** What the first paint needs: the manifest and the point columns (everything else comes in shards). */
export interface LoadedArtifact {
  base: string;
  manifest: Manifest;
  n: number;
  x: Float32Array;
  y: Float32Array;
  day: Int32Array;
  /** As stored, except papers whose day lies outside the years 1000..9999 are undated (0). */
  datePrecision: Uint8Array;
  /** How many papers the day column dated outside the years 1000..9999 (shown as undated). */
  implausibleDays: number;
  bin: Int16Array;
  /** One assignment column per clustering level, in manifest.levels order. */
  levels: Uint16Array[];
}

export type Fetcher = (url: string, init?: RequestInit) => Promise<Response>;

// A single-file export answers from the page itself; everything else goes to the network.
export const defaultFetcher: Fetcher = async (u, init) => (await embeddedResponse(u)) ?? fetch(u, init);

/**
 * How long a request may go without receiving anything (the response, or the
 * next piece of its body) before the load gives up. A stall, not a deadline:
 * a large column on a slow link keeps going as long as bytes arrive.
 */
export const STALL_TIMEOUT_MS = 30_000;

const RERUN = 'run `npm run preprocess -- --input data/papers.jsonl` (or `npm start`)';

/**
 * Why a fetch failed, as far as a page can tell: the browser gives a bare
 * TypeError for a host that is down and for one that answers without a CORS
 * header, so a URL on another origin names both.
 */
export function unreachable(url: string, origin: string = globalThis.location?.origin ?? ''): string {
  let target: URL;
  try {
    target = new URL(url, origin || undefined);
  } catch {
    return 'the address is not a valid URL';
  }
  if (origin && target.origin !== origin) {
    return `${target.host} did not answer, or answered without a CORS header (Access-Control-Allow-Origin) letting this page read it; serve the artifact from ${new URL(origin).host}, or add that header on ${target.host}`;
  }
  return 'the server did not answer; check that it is still running, then reload';
}

async function fetchOk(fetcher: Fetcher, url: string, what: string, signal: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    res = await fetcher(url, { signal });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ArtifactError(`${what} (${url}) could not be fetched: ${unreachable(url)}`);
  }
  if (!res.ok) {
    throw new ArtifactError(`${what} (${url}) is missing (HTTP ${res.status}); ${RERUN}`);
  }
  return res;
}

/** The whole body of `url`, or an ArtifactError naming it when nothing arrives for `stallMs`. */
export async function fetchBytes(fetcher: Fetcher, url: string, what: string, stallMs = STALL_TIMEOUT_MS): Promise<Uint8Array> {
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let rearm = () => {};
  const stalled = new Promise<never>((_, reject) => {
    rearm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        reject(
          new ArtifactError(
            `${what} (${url}) did not arrive: nothing was received for ${stallMs / 1000} s; check that the server holding the artifact is running, then reload`,
          ),
        );
        abort.abort();
      }, stallMs);
    };
  });
  stalled.catch(() => undefined);
  try {
    rearm();
    const res = await Promise.race([fetchOk(fetcher, url, what, abort.signal), stalled]);
    rearm();
    return await Promise.race([readBody(res, rearm), stalled]);
  } finally {
    clearTimeout(timer);
  }
}

async function readBody(res: Response, onChunk: () => void): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    onChunk();
    chunks.push(value);
    size += value.byteLength;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const utf8 = new TextDecoder();
async function fetchJson(fetcher: Fetcher, url: string, what: string, stallMs = STALL_TIMEOUT_MS): Promise<unknown> {
  const bytes = await fetchBytes(fetcher, url, what, stallMs);
  try {
    return JSON.parse(utf8.decode(bytes));
  } catch {
    throw new ArtifactError(`${what} (${url}) is not valid JSON; ${RERUN}`);
  }
}

export async function loadArtifact(base: string, fetcher: Fetcher = defaultFetcher, stallMs = STALL_TIMEOUT_MS): Promise<LoadedArtifact> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const manifest = validateManifest(await fetchJson(fetcher, `${root}manifest.json`, 'The artifact manifest', stallMs));
  const names = ['x', 'y', 'day', 'datePrecision', 'bin', ...manifest.levels.map((l) => l.column)];
  const columns = new Map<string, TypedColumn>();
  await Promise.all(
    names.map(async (name) => {
      const ref = manifest.columns[name]!;
      const bytes = await fetchBytes(fetcher, root + ref.file, `Column ${name}`, stallMs);
      columns.set(name, decodeColumn(name, ref, bytes.buffer as ArrayBuffer));
    }),
  );
  const day = columns.get('day') as Int32Array;
  const dates = undateImplausibleDays(day, columns.get('datePrecision') as Uint8Array);
  return {
    base: root,
    manifest,
    n: manifest.n,
    x: columns.get('x') as Float32Array,
    y: columns.get('y') as Float32Array,
    day,
    datePrecision: dates.precision,
    implausibleDays: dates.undated,
    bin: columns.get('bin') as Int16Array,
    levels: manifest.levels.map((l) => columns.get(l.column) as Uint16Array),
  };
}

/**
 * The inflated bytes of one shard file; any failure (missing, unreachable,
 * truncated, corrupt) as an ArtifactError "could not load <what>: ...", for
 * the view that needed the shard to show.
 */
export async function fetchShard(a: LoadedArtifact, file: string, what: string, fetcher: Fetcher = defaultFetcher): Promise<Uint8Array> {
  const url = a.base + file;
  let bytes: Uint8Array;
  try {
    bytes = await fetchBytes(fetcher, url, 'the file');
  } catch (e) {
    throw new ArtifactError(`could not load ${what}: ${(e as Error)?.message ?? String(e)}`);
  }
  try {
    return await gunzipShard(bytes);
  } catch (e) {
    throw new ArtifactError(`could not load ${what}: the file (${url}) is truncated or corrupt (${(e as Error)?.message ?? String(e)}); ${RERUN}`);
  }
}

/** Decodes a fetched shard, naming it in the error. */
export async function fetchDecoded<T>(a: LoadedArtifact, file: string, what: string, decode: (bytes: Uint8Array) => T, fetcher: Fetcher = defaultFetcher): Promise<T> {
  const bytes = await fetchShard(a, file, what, fetcher);
  try {
    return decode(bytes);
  } catch (e) {
    throw new ArtifactError(`could not load ${what}: ${(e as Error)?.message ?? String(e)}`);
  }
}

const abstractShards = new Map<string, Promise<AbstractRecord[]>>();

/** Abstract, date, categories and nearest papers of paper i; fetches its shard once. */
export async function loadAbstract(a: LoadedArtifact, i: number, fetcher: Fetcher = defaultFetcher): Promise<AbstractRecord> {
  const { shard, at } = shardOf(a.manifest.docs, i);
  const file = a.manifest.docs.files[shard];
  if (file === undefined) throw new ArtifactError(`could not load the abstract of paper ${i}: no abstracts shard ${shard}`);
  const url = a.base + file;
  let p = abstractShards.get(url);
  if (!p) {
    const what = `abstracts shard ${shard}`;
    p = fetchDecoded(a, file, what, (b) => decodeAbstractShard(b, shardLength(a.manifest.docs, a.n, shard), what), fetcher);
    abstractShards.set(url, p);
  }
  return (await p)[at]!;
}

/** Everything the paper panel shows of paper i: its title and id (`titleOf`, from the titles shards) with its abstract record. */
export async function loadDoc(
  a: LoadedArtifact,
  i: number,
  titleOf: (i: number) => Promise<{ id: string; title: string }>,
  fetcher: Fetcher = defaultFetcher,
): Promise<DocRecord & { neighbors: number[] }> {
  const [{ id, title }, rec] = await Promise.all([titleOf(i), loadAbstract(a, i, fetcher)]);
  return { id, title, abstract: rec.abstract, date: rec.date, ...(rec.categories ? { categories: rec.categories } : {}), neighbors: rec.neighbors };
}
