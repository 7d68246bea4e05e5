/**
 * End-to-end harness: builds the dashboard once, serves it with a tiny static
 * server (artifacts mounted under /a/<name>/), and makes artifacts for tests.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

const run = promisify(execFile);
export const ROOT = resolve(import.meta.dirname, '../..');
export const TMP = join(ROOT, 'tmp/e2e');

/** The one place that decides what the tests run against: the real pipeline on the bundled corpus. */
export async function makeFixture(dir: string): Promise<string> {
  return realCorpus(dir);
}

const made = new Map<string, Promise<string>>();
/** Regenerated once per test run, so a change of artifact or index format is picked up. */
export function syntheticArtifact(dir: string, n: number): Promise<string> {
  let p = made.get(dir);
  if (!p) {
    p = (async () => {
      await rm(dir, { recursive: true, force: true });
      await run('npx', ['tsx', 'scripts/make-synthetic-artifact.ts', '--n', String(n), '--out', dir], { cwd: ROOT });
      return dir;
    })();
    made.set(dir, p);
  }
  return p;
}

/** The real pipeline on the bundled corpus. */
export async function realCorpus(dir: string): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await run('npx', ['tsx', 'scripts/preprocess.ts', '--input', 'data/papers.jsonl', '--out', dir, '--quiet'], { cwd: ROOT });
  return dir;
}

/** Rewrites paper `index`'s title (its titles shard) and abstract (its abstracts shard) in an artifact, e.g. to a script payload. */
export async function setTitle(dir: string, index: number, title: string): Promise<void> {
  const m = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  const edit = async (set: { chunkSize: number; files: string[] }, change: (shard: any, at: number) => void) => {
    const file = join(dir, set.files[Math.floor(index / set.chunkSize)]!);
    const shard = JSON.parse(gunzipSync(await readFile(file)).toString('utf8'));
    change(shard, index % set.chunkSize);
    await writeFile(file, gzipSync(JSON.stringify(shard)));
  };
  await edit(m.titles, (t, at) => (t.titles[at] = title));
  await edit(m.docs, (d, at) => (d[at].abstract = `Abstract with ${title} inside.`));
}

let built: Promise<string> | null = null;
/** Builds the app into tmp/e2e/dist without an artifact: the test server mounts artifacts. */
export function buildApp(): Promise<string> {
  built ??= (async () => {
    const out = join(TMP, 'dist');
    await run('npx', ['vite', 'build', '--config', 'vite.config.ts', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn', ...(process.env.E2E_NO_MINIFY ? ['--minify', 'false'] : [])], {
      cwd: ROOT,
      env: { ...process.env, ATLAS_ARTIFACT: 'none' },
    });
    return out;
  })();
  return built;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.bin': 'application/octet-stream', '.png': 'image/png', '.svg': 'image/svg+xml',
};

export interface StaticServer {
  url: string;
  mounts: Map<string, string>;
  close(): Promise<void>;
}

export async function serve(dist: string): Promise<StaticServer> {
  const mounts = new Map<string, string>();
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = join(dist, normalize(path === '/' ? '/index.html' : path));
    const m = path.match(/^\/a\/([^/]+)\/(.*)$/);
    if (m) {
      const dir = mounts.get(m[1]!);
      file = dir ? join(dir, normalize('/' + m[2]!)) : '/nonexistent';
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}/`, mounts, close: () => new Promise((r) => server.close(() => r())) };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function listFiles(dir: string): Promise<string[]> {
  return readdir(dir);
}
