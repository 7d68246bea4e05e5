import {
  ArtifactError,
  decodeColumn,
  validateManifest,
  type DocRecord,
  type Manifest,
  type TypedColumn,
} from '../../schema/artifact.ts';

/** What the first paint needs: the manifest and the per-paper columns. */
export interface LoadedArtifact {
  base: string;
  manifest: Manifest;
  n: number;
  x: Float32Array;
  y: Float32Array;
  day: Int32Array;
  datePrecision: Uint8Array;
  bin: Int16Array;
  neighbors: Int32Array;
  /** One assignment column per clustering level, in manifest.levels order. */
  levels: Uint16Array[];
}

export type Fetcher = (url: string) => Promise<Response>;

const RERUN = 'run `npm run preprocess -- --input data/papers.jsonl` (or `npm start`)';

async function fetchOk(fetcher: Fetcher, url: string, what: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetcher(url);
  } catch (e) {
    throw new ArtifactError(`${what} (${url}) could not be fetched: ${(e as Error).message}`);
  }
  if (!res.ok) {
    throw new ArtifactError(`${what} (${url}) is missing (HTTP ${res.status}); ${RERUN}`);
  }
  return res;
}

export async function loadArtifact(base: string, fetcher: Fetcher = (u) => fetch(u)): Promise<LoadedArtifact> {
  const root = base.endsWith('/') ? base : `${base}/`;
  const res = await fetchOk(fetcher, `${root}manifest.json`, 'The artifact manifest');
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new ArtifactError(`The artifact manifest (${root}manifest.json) is not valid JSON; ${RERUN}`);
  }
  const manifest = validateManifest(json);
  const names = ['x', 'y', 'day', 'datePrecision', 'bin', 'neighbors', ...manifest.levels.map((l) => l.column)];
  const columns = new Map<string, TypedColumn>();
  await Promise.all(
    names.map(async (name) => {
      const ref = manifest.columns[name]!;
      const r = await fetchOk(fetcher, root + ref.file, `Column ${name}`);
      columns.set(name, decodeColumn(name, ref, await r.arrayBuffer()));
    }),
  );
  return {
    base: root,
    manifest,
    n: manifest.n,
    x: columns.get('x') as Float32Array,
    y: columns.get('y') as Float32Array,
    day: columns.get('day') as Int32Array,
    datePrecision: columns.get('datePrecision') as Uint8Array,
    bin: columns.get('bin') as Int16Array,
    neighbors: columns.get('neighbors') as Int32Array,
    levels: manifest.levels.map((l) => columns.get(l.column) as Uint16Array),
  };
}

export async function loadTitles(a: LoadedArtifact, fetcher: Fetcher = (u) => fetch(u)): Promise<string[]> {
  const r = await fetchOk(fetcher, a.base + a.manifest.titles.file, 'Titles');
  const titles: unknown = await r.json();
  if (!Array.isArray(titles) || titles.length !== a.n) throw new ArtifactError(`titles: expected ${a.n} strings`);
  return titles as string[];
}

export async function loadIds(a: LoadedArtifact, fetcher: Fetcher = (u) => fetch(u)): Promise<string[]> {
  const r = await fetchOk(fetcher, a.base + a.manifest.ids.file, 'Ids');
  const ids: unknown = await r.json();
  if (!Array.isArray(ids) || ids.length !== a.n) throw new ArtifactError(`ids: expected ${a.n} strings`);
  return ids as string[];
}

export async function loadSearchBytes(a: LoadedArtifact, fetcher: Fetcher = (u) => fetch(u)): Promise<Uint8Array> {
  const r = await fetchOk(fetcher, a.base + a.manifest.search.file, 'Search index');
  return new Uint8Array(await r.arrayBuffer());
}

const chunkCache = new Map<string, Promise<DocRecord[]>>();

/** The full record (with abstract) of paper i; fetches its chunk once. */
export async function loadDoc(a: LoadedArtifact, i: number, fetcher: Fetcher = (u) => fetch(u)): Promise<DocRecord> {
  const chunk = Math.floor(i / a.manifest.docs.chunkSize);
  const file = a.manifest.docs.files[chunk];
  if (file === undefined) throw new ArtifactError(`docs: no chunk for paper ${i}`);
  const url = a.base + file;
  let p = chunkCache.get(url);
  if (!p) {
    p = fetchOk(fetcher, url, 'Abstracts').then((r) => r.json() as Promise<DocRecord[]>);
    chunkCache.set(url, p);
  }
  const docs = await p;
  const doc = docs[i % a.manifest.docs.chunkSize];
  if (!doc) throw new ArtifactError(`docs: chunk ${file} lacks paper ${i}`);
  return doc;
}
