/** Node-only code (natural and its database clients, file I/O) never reaches the browser bundle. */
import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildApp } from './harness.ts';

describe('browser bundle', () => {
  it('contains no Node-only pipeline code', async () => {
    const dist = await buildApp();
    const assets = join(dist, 'assets');
    const files = (await readdir(assets)).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    const code = (await Promise.all(files.map((f) => readFile(join(assets, f), 'utf8')))).join('\n');
    for (const marker of ['mongoose', 'PorterStemmer', 'node:fs', 'node:worker_threads', 'hnswlib', 'umap-js', 'ml-kmeans']) {
      expect(code.includes(marker), marker).toBe(false);
    }
    // The search code is shared and does belong in the bundle.
    expect(code).toMatch(/search index/);
  });
});
