/**
 * Shards written by the artifact writer read back exactly, through the Node
 * reader (`--update`, the export) and the dashboard's loaders alike.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeArtifact, papersPerShard, type ArtifactParts } from '../../../src/pipeline/artifact/write.ts';
import { readDocs, readTitlesAndIds } from '../../../src/pipeline/artifact/readShards.ts';
import { buildSearchIndex, matchQuery, parseQuery, SearchIndex, ShardedIndex, shardsForQuery } from '../../../src/search/index.ts';
import { gunzipShard, type DocRecord, type Manifest } from '../../../src/schema/artifact.ts';
import { loadAbstract, loadArtifact, loadDoc, type Fetcher } from '../../../src/app/state/loadArtifact.ts';
import { PaperTitles } from '../../../src/app/state/paperTitles.ts';

const N = 23;
const K = 2;
const docs: DocRecord[] = Array.from({ length: N }, (_, i) => ({
  id: `p-${i}`,
  title: i === 5 ? 'Ünïcode “quotes” and <b>tags</b>' : `Paper ${i} on ${['graphs', 'agents', 'diffusion'][i % 3]}`,
  abstract: i === 7 ? '' : `We study ${['graph models', 'agent memory', 'diffusion models'][i % 3]} number ${i}.`,
  ...(i === 7 ? { titleFromAbstract: true as const } : {}),
  date: i % 4 === 0 ? null : `2024-0${1 + (i % 9)}-1${i % 10}`,
  ...(i % 5 === 0 ? { categories: ['cs.LG', `cat-${i}`] } : {}),
}));
const neighbors = Int32Array.from({ length: N * K }, (_, j) => (j % K === 0 ? (Math.floor(j / K) + 1) % N : -1));
const texts = docs.map((d) => `${d.title}\n${d.abstract}`);

function parts(shardBytes: number): ArtifactParts {
  const labels = Uint16Array.from({ length: N }, (_, i) => i % 3);
  const cluster = (id: number) => ({ id, label: `c${id}`, size: 0, terms: [], representatives: [], center: [0, 0] as [number, number], meanDay: null, parent: null });
  return {
    manifest: {
      generator: 'test',
      input: { file: 'x', sha256: '', format: 'jsonl' },
      stats: { read: N, kept: N, skipped: {}, undated: 0, vocabulary: 0, nnz: 0, lsaDims: 0, timingsMs: {} },
      params: {},
      n: N,
      neighborsK: K,
      bounds: [0, 0, 1, 1],
      levels: [{ name: 'default', k: 3, column: 'cluster_default', inertia: 0, clusters: [0, 1, 2].map(cluster) }],
      defaultLevel: 0,
      kScan: null,
      kCriterion: null,
      trends: { unit: 'year', bins: [], undated: N, imprecise: 0, levels: [], terms: [], method: { growth: '', alpha: 0.05, minTermDocs: 0, burst: '' } },
    },
    columns: {
      x: Float32Array.from({ length: N }, (_, i) => i / N),
      y: Float32Array.from({ length: N }, (_, i) => 1 - i / N),
      day: new Int32Array(N),
      datePrecision: new Uint8Array(N),
      bin: new Int16Array(N).fill(-1),
      cluster_default: labels,
    },
    titles: docs.map((d) => d.title),
    ids: docs.map((d) => d.id),
    search: buildSearchIndex(texts, { minPairDf: 1 }),
    docs,
    neighbors,
    shardBytes,
  };
}

/** A fetcher over an artifact folder, as a static server would answer (404 for a missing file). */
function diskFetcher(dir: string, seen: string[] = []): Fetcher {
  return async (url) => {
    seen.push(url);
    try {
      return new Response(readFileSync(join(dir, url.replace(/^\.\/[ab]\//, ''))));
    } catch {
      return new Response('not found', { status: 404 });
    }
  };
}

let dir: string;
let m: Manifest;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-shards-'));
  m = await writeArtifact(dir, parts(100));
});

describe('papersPerShard', () => {
  it('fits the average item into the target', () => {
    expect(papersPerShard(1000, 10, 250)).toBe(2);
    expect(papersPerShard(1000, 10, 50)).toBe(1);
    expect(papersPerShard(0, 0, 50)).toBe(1);
  });
});

describe('writeArtifact shards', () => {
  it('splits titles, abstracts and the index into several gzipped shards', () => {
    expect(m.titles.files.length).toBeGreaterThan(2);
    expect(m.docs.files.length).toBeGreaterThan(2);
    expect(m.search.shards.length).toBeGreaterThan(2);
    expect(m.titles.files.length).toBe(Math.ceil(N / m.titles.chunkSize));
    for (const f of [...m.titles.files, ...m.docs.files, ...m.search.shards.map((s) => s.file)]) {
      expect(f).toMatch(/^(titles|docs|search)\/\d{5}\.[0-9a-f]{12}\.(json|bin)\.gz$/);
      expect([...readFileSync(join(dir, f)).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    }
    // Nothing per paper but the point columns outside the shards.
    expect(Object.keys(m.columns).sort()).toEqual(['bin', 'cluster_default', 'datePrecision', 'day', 'x', 'y']);
  });

  it('reads back exactly in Node', async () => {
    const { ids, titles } = await readTitlesAndIds(dir, m);
    expect(ids).toEqual(docs.map((d) => d.id));
    expect(titles).toEqual(docs.map((d) => d.title));
    const back = await readDocs(dir, m);
    expect(back.docs).toEqual(docs);
    expect([...back.neighbors]).toEqual([...neighbors]);
  });

  it('the index shards answer as the whole index', async () => {
    const whole = SearchIndex.decode(buildSearchIndex(texts, { minPairDf: 1 }));
    for (const q of ['graph', 'agent -memory', '"diffusion models"', 'gr*', 'paper OR tags', 'numb', 'ünïcode']) {
      const parsed = parseQuery(q);
      const index = new ShardedIndex(m.search);
      for (const s of shardsForQuery(m.search, parsed)) index.add(s, await gunzipShard(new Uint8Array(readFileSync(join(dir, m.search.shards[s]!.file)))));
      expect(matchQuery(index, parsed), q).toEqual(matchQuery(whole, parsed));
    }
  });

  it('reads back exactly through the dashboard loaders, one shard per request', async () => {
    const seen: string[] = [];
    const fetcher = diskFetcher(dir, seen);
    const a = await loadArtifact('./a/', fetcher);
    expect(seen.sort()).toEqual(['./a/manifest.json', ...Object.values(m.columns).map((c) => `./a/${c.file}`)].sort());
    seen.length = 0;
    const titles = new PaperTitles(a, undefined, fetcher);
    expect(await titles.entry(5)).toEqual({ id: 'p-5', title: docs[5]!.title });
    expect(seen).toEqual([`./a/${m.titles.files[Math.floor(5 / m.titles.chunkSize)]}`]);
    await titles.loadAll();
    expect(titles.titles).toEqual(docs.map((d) => d.title));
    expect(titles.ids).toEqual(docs.map((d) => d.id));
    for (let i = 0; i < N; i++) {
      const { titleFromAbstract: _, ...rest } = docs[i]!;
      expect(await loadDoc(a, i, (j) => titles.entry(j), fetcher)).toEqual({ ...rest, neighbors: Array.from(neighbors.subarray(i * K, i * K + K)) });
    }
  });

  it('names the shard that is missing or corrupt', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'atlas-shards-broken-'));
    const bm = await writeArtifact(broken, parts(100));
    const file = join(broken, bm.docs.files[1]!);
    writeFileSync(file, readFileSync(file).subarray(0, 20));
    const fetcher = diskFetcher(broken);
    // Another base: the dashboard caches abstracts shards by address, and the first artifact's have the same names.
    const a = await loadArtifact('./b/', fetcher);
    const inShard1 = bm.docs.chunkSize;
    await expect(loadAbstract(a, inShard1, fetcher)).rejects.toThrow(/^could not load abstracts shard 1: the file \(.*docs\/00001\..*\) is truncated or corrupt/);
    // Other shards still load.
    expect((await loadAbstract(a, 0, fetcher)).abstract).toBe(docs[0]!.abstract);
    const titles = new PaperTitles(a, undefined, (url) => (url.includes(bm.titles.files[0]!) ? Promise.resolve(new Response('', { status: 404 })) : fetcher(url)));
    await expect(titles.entry(0)).rejects.toThrow(/^could not load titles shard 0: the file .* is missing \(HTTP 404\)/);
    expect(titles.errorFor(0)).toMatch(/^could not load titles shard 0/);
    expect(titles.errorFor(N - 1)).toBeUndefined();
    expect((await titles.entry(N - 1)).id).toBe(`p-${N - 1}`);
  });
});
