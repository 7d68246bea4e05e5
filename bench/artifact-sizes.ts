/**
 * What each part of an artifact costs on disk, in total and per paper, and what
 * the dashboard fetches before its first paint (manifest + point columns).
 *
 *   npx tsx bench/artifact-sizes.ts DIR
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { validateManifest } from '../src/schema/artifact.ts';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx bench/artifact-sizes.ts DIR');
  process.exit(2);
}
const m = validateManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
const size = (files: string[]) => files.reduce((s, f) => s + statSync(join(dir, f)).size, 0);
const parts: [string, string[]][] = [
  ['manifest', ['manifest.json']],
  ['point columns', Object.values(m.columns).map((c) => c.file)],
  [`titles + ids (${m.titles.files.length} shards)`, m.titles.files],
  [`abstracts + nearest papers (${m.docs.files.length} shards)`, m.docs.files],
  [`keyword index (${m.search.shards.length} shards)`, m.search.shards.map((s) => s.file)],
  ['--update model', Object.values(m.model ?? {})],
];
const rows = parts.map(([name, files]) => ({ name, bytes: size(files) }));
const site = rows.filter((r) => r.name !== '--update model').reduce((s, r) => s + r.bytes, 0);
const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
const per = (b: number) => `${(b / m.n).toFixed(0)} B`;
console.log(`${dir}: ${m.n.toLocaleString('en')} papers, artifact version ${m.version}\n`);
console.log('| part | on disk | per paper |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${mb(r.bytes)} | ${per(r.bytes)} |`);
console.log(`| **site (all but the model)** | ${mb(site)} | ${per(site)} |`);
const first = rows[0]!.bytes + rows[1]!.bytes;
console.log(`| fetched before first paint | ${mb(first)} | ${per(rows[1]!.bytes)} + manifest |`);
for (const [name, file] of Object.entries(m.model ?? {})) console.log(`|   model/${name} | ${mb(statSync(join(dir, file)).size)} | ${per(statSync(join(dir, file)).size)} |`);
