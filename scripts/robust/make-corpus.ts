/**
 * Writes the fuzz corpus of test/robust/cases.ts to a folder, one subfolder per
 * case (its input file and any prepared state), plus cases.tsv listing each
 * case's command line and expected outcome, so any case can be rerun by hand:
 *
 *   node --import tsx scripts/robust/make-corpus.ts DIR
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CASES } from '../../test/robust/cases.ts';
import { cli, pathsFor, prepare, type Expect, type Paths } from '../../test/robust/runCase.ts';

function describe(e: Expect, p: Paths): string {
  const parts = [`exit ${e.exit === 'any' ? '0 or 2' : e.exit}`];
  if (e.kept !== undefined) parts.push(`kept ${Array.isArray(e.kept) ? e.kept.join('..') : e.kept}`);
  if (e.read !== undefined) parts.push(`read ${e.read}`);
  for (const [reason, n] of Object.entries(e.skipped ?? {})) parts.push(`skipped ${reason} ${n}`);
  if (e.badDates !== undefined) parts.push(`${e.badDates} bad dates`);
  if (e.undated !== undefined) parts.push(`${e.undated} undated`);
  if (e.error) parts.push(`error matching ${e.error}`);
  if (e.names) parts.push(`error naming ${e.names(p)}`);
  if (e.beforeWork) parts.push('refused before any work');
  return parts.join(', ');
}

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: node --import tsx scripts/robust/make-corpus.ts DIR\n');
  process.exit(2);
}
const root = resolve(out);
mkdirSync(root, { recursive: true });
const rows = ['name\tcategory\targs\texpected'];
for (const c of CASES) {
  const p = pathsFor(root, c);
  await prepare(c, p);
  const argv = (c.args ?? ((q: Paths) => cli(q)))(p);
  rows.push([c.name, c.category, JSON.stringify(argv), describe(c.expect, p)].join('\t'));
}
writeFileSync(resolve(root, 'cases.tsv'), rows.join('\n') + '\n');
process.stderr.write(`${CASES.length} cases written to ${root} (see cases.tsv)\n`);
