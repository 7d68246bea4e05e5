/**
 * Vite plugin: serves one artifact directory at ./artifact/ (dev and preview)
 * and copies it into the build, so `npm run build` ships exactly the artifact
 * and nothing else that happens to sit under out/ (benchmark corpora, other
 * artifacts).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import type { Connect, Plugin } from 'vite';

const TYPES: Record<string, string> = { '.json': 'application/json', '.bin': 'application/octet-stream' };

/**
 * The file under `dir` that a request path asks for ("/x/artifact/manifest.json"
 * → "<dir>/manifest.json"), or null when the path is not an artifact path,
 * cannot be decoded, or resolves outside `dir` ("/artifact/../artifact-private/…":
 * a sibling whose name merely starts with the folder's is outside too).
 */
export function artifactFile(dir: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    return null;
  }
  const at = path.indexOf('/artifact/');
  if (at < 0) return null;
  const root = resolve(dir);
  const file = resolve(root, normalize(path.slice(at + '/artifact/'.length)));
  const rel = relative(root, file);
  if (rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return null;
  return file;
}

export function artifactMiddleware(dir: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const file = artifactFile(dir, req.url ?? '');
    if (!file || !existsSync(file) || !statSync(file).isFile()) return next();
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  };
}

export function serveArtifact(dir: string | null): Plugin {
  let outDir = 'dist';
  let building = false;
  return {
    name: 'topic-atlas-artifact',
    configResolved(config) {
      outDir = config.build.outDir;
      // Vitest runs on a Vite server whose build hooks also fire on close: copy only in a real build.
      building = config.command === 'build' && !process.env.VITEST;
    },
    configureServer(server) {
      if (dir) server.middlewares.use(artifactMiddleware(dir));
    },
    configurePreviewServer(server) {
      if (dir) server.middlewares.use(artifactMiddleware(dir));
    },
    async closeBundle() {
      if (building && dir && existsSync(join(dir, 'manifest.json'))) {
        // model/ is only for --update; a static site does not need it.
        await cp(dir, join(outDir, 'artifact'), { recursive: true, filter: (src) => relative(dir, src).split(sep)[0] !== 'model' });
      }
    },
  };
}
