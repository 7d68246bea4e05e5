/**
 * Vite plugin: serves one artifact directory at ./artifact/ (dev and preview)
 * and copies it into the build, so `npm run build` ships exactly the artifact
 * and nothing else that happens to sit under out/ (benchmark corpora, other
 * artifacts).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import type { Connect, Plugin } from 'vite';

const TYPES: Record<string, string> = { '.json': 'application/json', '.bin': 'application/octet-stream' };

function middleware(dir: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = decodeURIComponent((req.url ?? '').split('?')[0]!);
    const at = url.indexOf('/artifact/');
    if (at < 0) return next();
    const file = resolve(dir, normalize(url.slice(at + '/artifact/'.length)));
    if (!file.startsWith(resolve(dir)) || !existsSync(file) || !statSync(file).isFile()) return next();
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
      if (dir) server.middlewares.use(middleware(dir));
    },
    configurePreviewServer(server) {
      if (dir) server.middlewares.use(middleware(dir));
    },
    async closeBundle() {
      if (building && dir && existsSync(join(dir, 'manifest.json'))) {
        // model/ is only for --update; a static site does not need it.
        await cp(dir, join(outDir, 'artifact'), { recursive: true, filter: (src) => relative(dir, src).split(sep)[0] !== 'model' });
      }
    },
  };
}
