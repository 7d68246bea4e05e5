/**
 * `npx tsx scripts/extract-position-fixture.ts ARTIFACT_DIR OUT.json`: the map
 * positions and cluster labels of an artifact, quantised to bytes (x and y to
 * 256 steps of the bounds, labels as uint8), base64: a few KB that the colour
 * tests run the adjacency and the assignment on, with no big artifact in CI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadArtifact, type Fetcher } from '../src/app/state/loadArtifact.ts';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('Usage: npx tsx scripts/extract-position-fixture.ts ARTIFACT_DIR OUT.json');
  process.exit(2);
}
const fetcher: Fetcher = async (url) => new Response(readFileSync(join(resolve(dir), url.replace('disk://a/', ''))));
const a = await loadArtifact('disk://a', fetcher);
const [x0, y0, x1, y1] = a.manifest.bounds;
const q = (v: number, lo: number, hi: number) => Math.min(255, Math.max(0, Math.floor(((v - lo) / (hi - lo)) * 256)));
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const levels = a.manifest.levels.map((lv, i) => {
  if (lv.k > 256) throw new Error(`level ${lv.name}: k = ${lv.k} does not fit a byte`);
  return { name: lv.name, k: lv.k, labels: b64(Uint8Array.from(a.levels[i]!)) };
});
const fixture = {
  source: `${a.manifest.n} papers, ${dir}`,
  n: a.n,
  bounds: a.manifest.bounds,
  x: b64(Uint8Array.from(a.x, (v) => q(v, x0, x1))),
  y: b64(Uint8Array.from(a.y, (v) => q(v, y0, y1))),
  levels,
};
writeFileSync(out, JSON.stringify(fixture) + '\n');
console.log(`wrote ${out}: ${a.n} papers, ${levels.map((l) => `${l.name} k=${l.k}`).join(', ')}`);
