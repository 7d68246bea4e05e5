/**
 * `npm run labelled-sets -- [--input FILE] [--out DIR] [--seed N]`
 *
 * Writes the labelled test corpora of bench/lib/labelledSets.ts, cut from the
 * 136k arXiv corpus by primary category, as DIR/NAME.jsonl (default /tmp/labelled-sets:
 * generated data, never committed), for `npm run eval -- --input DIR/NAME.jsonl --k auto`.
 */
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { intOption, parseArgs } from './lib/args.ts';
import { LABELLED_SETS, pickLabelled, type CategorisedRow } from './lib/labelledSets.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DEFAULT_INPUT = join(ROOT, '../shared/data/arxiv-recent-136k.jsonl.gz');

async function readRows(file: string): Promise<CategorisedRow[]> {
  const raw = createReadStream(file);
  const lines = createInterface({ input: file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw, crlfDelay: Infinity });
  const rows: CategorisedRow[] = [];
  for await (const line of lines) if (line.trim()) rows.push(JSON.parse(line) as CategorisedRow);
  return rows;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['input', 'out', 'seed'], flags: [] });
  const input = resolve(args.values.get('input')?.at(-1) ?? DEFAULT_INPUT);
  const out = resolve(args.values.get('out')?.at(-1) ?? '/tmp/labelled-sets');
  const seed = intOption(args, 'seed') ?? 42;
  const rows = await readRows(input);
  mkdirSync(out, { recursive: true });
  for (const spec of LABELLED_SETS) {
    const picked = pickLabelled(rows, spec, seed);
    const file = join(out, `${spec.name}.jsonl`);
    writeFileSync(file, picked.map(({ categories: _drop, ...row }) => JSON.stringify(row)).join('\n') + '\n');
    const counts = new Map<string, number>();
    for (const p of picked) counts.set(p.label, (counts.get(p.label) ?? 0) + 1);
    console.log(`${file}: ${picked.length} papers, ${counts.size} labels (${spec.about}): ${[...counts].map(([l, c]) => `${l} ${c}`).join(', ')}`);
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  console.error(`labelled-sets: ${(e as Error).message}`);
  process.exitCode = 1;
}
