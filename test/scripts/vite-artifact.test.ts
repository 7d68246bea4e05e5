import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifactFile, artifactMiddleware } from '../../scripts/vite-artifact.ts';

// <tmp>/artifact holds the artifact; <tmp>/artifact-private is a sibling whose name starts the same.
const tmp = mkdtempSync(join(tmpdir(), 'atlas-serve-'));
const dir = join(tmp, 'artifact');
mkdirSync(join(dir, 'docs'), { recursive: true });
mkdirSync(join(tmp, 'artifact-private'));
writeFileSync(join(dir, 'manifest.json'), '{"ok":true}');
writeFileSync(join(dir, 'docs', '0.json'), '[]');
writeFileSync(join(tmp, 'artifact-private', 'secret.txt'), 'secret');

describe('artifactFile', () => {
  it('maps artifact paths to files inside the folder', () => {
    expect(artifactFile(dir, '/artifact/manifest.json')).toBe(join(dir, 'manifest.json'));
    expect(artifactFile(dir, '/sub/artifact/docs/0.json?v=1')).toBe(join(dir, 'docs', '0.json'));
    expect(artifactFile(dir, '/artifact/docs/../manifest.json')).toBe(join(dir, 'manifest.json'));
  });
  it('refuses paths that leave the folder, including a sibling sharing its name’s start', () => {
    expect(artifactFile(dir, '/artifact/../artifact-private/secret.txt')).toBeNull();
    expect(artifactFile(dir, '/artifact/%2e%2e/artifact-private/secret.txt')).toBeNull();
    expect(artifactFile(dir, '/artifact/..')).toBeNull();
    expect(artifactFile(dir, '/artifact/../../etc/passwd')).toBeNull();
    expect(artifactFile(dir, '/artifact/')).toBeNull();
  });
  it('ignores other paths and undecodable ones', () => {
    expect(artifactFile(dir, '/index.html')).toBeNull();
    expect(artifactFile(dir, '/artifact/%E0%A4%A')).toBeNull();
  });
});

describe('the dev and preview middleware', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    const handle = artifactMiddleware(dir);
    server = createServer((req, res) =>
      handle(req as never, res as never, () => {
        res.statusCode = 404;
        res.end('next');
      }),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  // node:http sends the path as written (no dot-segment removal), as curl --path-as-is would.
  const get = (path: string) =>
    new Promise<{ status: number; body: string }>((done, fail) => {
      request({ host: '127.0.0.1', port, path }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c));
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      })
        .on('error', fail)
        .end();
    });

  it('serves the artifact and nothing beside it', async () => {
    expect(await get('/artifact/manifest.json')).toEqual({ status: 200, body: '{"ok":true}' });
    expect(await get('/artifact/../artifact-private/secret.txt')).toEqual({ status: 404, body: 'next' });
    expect(await get('/artifact/%2e%2e/artifact-private/secret.txt')).toEqual({ status: 404, body: 'next' });
  });
});
