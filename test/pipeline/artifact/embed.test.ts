/** The single-file export inlines exactly the files the dashboard reads, and refuses what one file cannot carry. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { dashboardFiles, embedArtifact, injectTable, readArtifactManifest } from '../../../src/pipeline/artifact/embed.ts';
import { UserError } from '../../../src/pipeline/ingest/types.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

function artifact(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'atlas-embed-')), 'a');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/preprocess.ts', '--input', 'data/papers.jsonl', '--out', dir, '--quiet'], { cwd: ROOT });
  expect(r.status).toBe(0);
  return dir;
}

describe('embedArtifact', () => {
  const dir = artifact();

  it('inlines every file the dashboard reads, byte for byte, and not the --update model', async () => {
    const m = await readArtifactManifest(dir);
    const { table, rawBytes } = await embedArtifact(dir, m, 1e9);
    expect(Object.keys(table).sort()).toEqual(dashboardFiles(m).sort());
    for (const file of Object.values(m.model ?? {})) expect(table[file]).toBeUndefined();
    let total = 0;
    for (const [name, b64] of Object.entries(table)) {
      // Shards are gzip files already and go in as they are; the rest is gzipped.
      const raw = Buffer.from(b64, 'base64');
      const bytes = name.endsWith('.gz') ? raw : gunzipSync(raw);
      expect(bytes.equals(readFileSync(join(dir, name)))).toBe(true);
      total += bytes.length;
    }
    expect(total).toBe(rawBytes);
  });

  it('refuses an artifact over the limit, pointing to the folder build', async () => {
    const m = await readArtifactManifest(dir);
    await expect(embedArtifact(dir, m, 1000)).rejects.toThrow(UserError);
    await expect(embedArtifact(dir, m, 1000)).rejects.toThrow(/74 papers \(\d+ MB of data\) is more than one HTML file can carry .*ATLAS_ARTIFACT=.* npm run build/);
  });

  it('names a folder without an artifact', async () => {
    await expect(readArtifactManifest(tmpdir() + '/no-such-artifact')).rejects.toThrow(/--artifact .*no-such-artifact: no manifest\.json there/);
  });
});

describe('injectTable', () => {
  it('puts the table in the head, before any script of the body, and keeps it one element', () => {
    const html = injectTable('<html><head><title>t</title></head><body><script>x</script></body></html>', { 'a.json': 'QUJD</script>' });
    expect(html).toBe(
      '<html><head><title>t</title><script type="application/json" id="atlas-embedded">{"a.json":"QUJD\\u003c/script>"}</script></head><body><script>x</script></body></html>',
    );
  });
});
