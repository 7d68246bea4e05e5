/**
 * `npm run test:robust`: the whole robustness suite of issue 16 — the fuzz
 * table in-process, then the parts that need real processes (SIGKILLs, SIGTERM
 * to npm, concurrent writers, stdin, replayed cases) — ending with a totals
 * table for the README. Exit 1 when any case fails.
 *
 *   npm run test:robust -- [--fast] [--slow] [--kills N] [--seed N] [--corpus FILE] [--keep] [--json FILE]
 *
 * ROBUST_CLI sets how the CLI is spawned (default `node --import tsx scripts/preprocess.ts`).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CASES } from './cases.ts';
import { basePapers, jsonl } from './corpus.ts';
import { concurrentWriters, replayedCases, sigkillRuns, sigtermNpm, stdinRuns, type CrashOptions } from './crash.ts';
import { runCase, type Result } from './runCase.ts';

const MID_CORPUS = '/work/shared/data/arxiv-labelled-archives-2k.jsonl';

const { values } = parseArgs({
  options: {
    fast: { type: 'boolean' },
    slow: { type: 'boolean' },
    kills: { type: 'string', default: '20' },
    seed: { type: 'string', default: '16' },
    corpus: { type: 'string' },
    keep: { type: 'boolean' },
    json: { type: 'string' },
  },
});
const runFast = !values.slow || Boolean(values.fast);
const runSlow = !values.fast || Boolean(values.slow);

const root = mkdtempSync(join(tmpdir(), 'atlas-robust-'));
const log = (line: string) => process.stderr.write(`${line}\n`);
const results: Result[] = [];
const t0 = performance.now();

if (runFast) {
  log(`fuzz table: ${CASES.length} cases in-process`);
  for (const c of CASES) {
    const r = await runCase(join(root, 'fast'), c);
    results.push({ name: r.name, category: r.category, passed: r.passed, problems: r.problems, stackTraces: r.stackTraces });
    if (!r.passed) log(`  FAIL ${c.category}: ${c.name} — ${r.problems[0]}`);
  }
  log(`  ${results.filter((r) => r.passed).length}/${results.length} passed in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

if (runSlow) {
  let corpus = values.corpus ?? (existsSync(MID_CORPUS) ? MID_CORPUS : '');
  if (corpus === '') {
    corpus = join(root, 'mid-2000.jsonl');
    writeFileSync(corpus, jsonl(basePapers(2000, 3)));
  }
  const o: CrashOptions = { root: join(root, 'slow'), corpus, kills: Number(values.kills), seed: Number(values.seed), log };
  for (const [title, part] of [
    [`SIGKILL ×${o.kills} (corpus ${corpus}, seed ${o.seed})`, sigkillRuns],
    ['SIGTERM to npm run preprocess', sigtermNpm],
    ['two concurrent writers', concurrentWriters],
    ['stdin', stdinRuns],
    ['table cases replayed in a process', replayedCases],
  ] as const) {
    log(title);
    results.push(...(await part(o)));
  }
}

const categories = [...new Set(results.map((r) => r.category))];
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const lines = [
  row(['category', 'cases', 'passed', 'failed', 'stack traces']),
  row(['---', '--:', '--:', '--:', '--:']),
  ...categories.map((cat) => {
    const rs = results.filter((r) => r.category === cat);
    const passed = rs.filter((r) => r.passed).length;
    return row([cat, rs.length, passed, rs.length - passed, rs.reduce((s, r) => s + r.stackTraces, 0)]);
  }),
];
const passed = results.filter((r) => r.passed).length;
const traces = results.reduce((s, r) => s + r.stackTraces, 0);
lines.push(row(['**total**', results.length, passed, results.length - passed, traces]));

const failed = results.filter((r) => !r.passed);
process.stdout.write(`\n${lines.join('\n')}\n`);
if (failed.length > 0) {
  process.stdout.write(`\nFailed (${failed.length}):\n`);
  for (const r of failed) process.stdout.write(`- ${r.category}: ${r.name} — ${r.problems.join('; ')}\n`);
}
process.stdout.write(`\n${results.length} cases in ${((performance.now() - t0) / 1000).toFixed(0)} s; scratch ${values.keep ? `kept in ${root}` : 'removed'}\n`);
if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2));
if (!values.keep) rmSync(root, { recursive: true, force: true });
process.exitCode = failed.length > 0 ? 1 : 0;
