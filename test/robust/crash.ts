/**
 * The parts of the robustness suite that need real processes: random SIGKILLs
 * of a writer over a previous artifact, SIGTERM to `npm run preprocess`, two
 * writers on one folder, stdin as input, and a few table cases replayed in a
 * child process (where a thrown error really prints a stack trace and exit 1).
 */
import { readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inspectArtifact } from './artifactCheck.ts';
import { CASES } from './cases.ts';
import { basePapers, jsonl, rng } from './corpus.ts';
import { alive, descendants, sleep, start, startCli, type Finished, type ProcessId } from './processes.ts';
import { cli, judge, parseSummary, pathsFor, prepare, type Case, type Outcome, type Paths, type Result } from './runCase.ts';

export interface CrashOptions {
  /** Scratch folder for this run. */
  root: string;
  /** A mid-sized corpus: long enough a run that kills land in every stage. */
  corpus: string;
  kills: number;
  seed: number;
  log: (line: string) => void;
}

/** Model options that keep a 2,000-paper run to a few seconds. */
const MODEL = ['--k', '8', '--epochs', '40', '--lsa-dims', '50'];
const runArgs = (input: string, out: string, seed: number) => ['--input', input, '--out', out, '--seed', String(seed), ...MODEL];

const STACK_LINE = /^\s+at /m;

function result(name: string, category: string, problems: string[], stackTraces = 0): Result {
  return { name, category, passed: problems.length === 0, problems, stackTraces };
}

function lastLine(s: string): string {
  const lines = s.trim().split('\n');
  return JSON.stringify(lines[lines.length - 1] ?? '').slice(0, 200);
}

function tempFilesIn(dir: string): string[] {
  const found: string[] = [];
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(join(dir, rel)).isDirectory()) walk(rel);
      else if (/\.tmp|\.partial|~$/.test(name)) found.push(rel);
    }
  };
  walk('');
  return found;
}

function msOfStage(stderr: string, stage: string): number {
  const m = new RegExp(`^\\s+${stage}\\s+([\\d.]+) (ms|s)`, 'm').exec(stderr);
  if (!m) return 0;
  return Number(m[1]) * (m[2] === 's' ? 1000 : 1);
}

/** A small generated corpus file (for previous artifacts and the second writer). */
function smallCorpus(root: string, n: number, seed: number): string {
  const path = join(root, `small-${n}-${seed}.jsonl`);
  writeFileSync(path, jsonl(basePapers(n, seed)));
  return path;
}

// ---------------------------------------------------------------------------

/**
 * SIGKILLs at seeded random moments: odd kills anywhere in the run, even ones
 * inside the write stage (the only stage that touches the folder). After each,
 * the folder must hold an intact artifact (the previous one or the new one).
 */
export async function sigkillRuns(o: CrashOptions): Promise<Result[]> {
  const dir = join(o.root, 'killed');
  const first = await startCli(runArgs(o.corpus, dir, 1)).done;
  if (first.exit !== 0) return [result('SIGKILL: writing the previous artifact', 'sigkill', [`first run exit ${first.exit}: ${lastLine(first.stderr)}`])];
  const total = first.ms;
  const writeMs = Math.max(20, msOfStage(first.stderr, 'write'));
  o.log(`  previous artifact written in ${(total / 1000).toFixed(1)} s (write stage ${Math.round(writeMs)} ms)`);
  const r = rng(o.seed);
  const results: Result[] = [];
  let landed = 0;
  for (let i = 0; i < o.kills; i++) {
    const seed = 2 + i;
    const inWrite = i % 2 === 1;
    const run = startCli(runArgs(o.corpus, dir, seed));
    let when: string;
    if (inWrite) {
      // The write stage starts right after the "search" stage line.
      const reached = await Promise.race([run.waitForLine(/^\s+search\s+[\d.]/m).then(() => true), run.done.then(() => false)]);
      const delay = r() * writeMs * 1.2;
      if (reached) await sleep(delay);
      when = `${Math.round(delay)} ms into the write stage`;
    } else {
      const delay = r() * total;
      await sleep(delay);
      when = `${(delay / 1000).toFixed(2)} s after start`;
    }
    let killed = true;
    try {
      process.kill(-run.pid, 'SIGKILL');
    } catch {
      killed = false; // already exited
    }
    const f = await run.done;
    const finished = f.signal !== 'SIGKILL';
    if (!finished) landed++;
    const problems: string[] = [];
    if (finished && f.exit !== 0) problems.push(`run ended by itself with exit ${f.exit}: ${lastLine(f.stderr)}`);
    if (STACK_LINE.test(f.stderr)) problems.push('stack trace on stderr');
    const state = inspectArtifact(dir);
    problems.push(...state.problems);
    // Each run has its own seed, so the manifest's seed says whose artifact survived.
    const which = state.manifest === null ? 'none' : state.manifest.params.seed === seed ? 'new' : 'previous';
    results.push(
      result(
        `SIGKILL ${i + 1}/${o.kills} ${when}${killed && !finished ? '' : ' (run had already finished)'}: artifact ${which}`,
        'sigkill',
        problems,
        STACK_LINE.test(f.stderr) ? 1 : 0,
      ),
    );
    o.log(`  ${results[results.length - 1].passed ? 'ok  ' : 'FAIL'} ${results[results.length - 1].name}${problems.length ? ` — ${problems[0]}` : ''}`);
  }
  // After all that, a plain run must still succeed and leave nothing behind.
  const after = await startCli(runArgs(o.corpus, dir, 100)).done;
  const problems: string[] = [];
  if (after.exit !== 0) problems.push(`exit ${after.exit}: ${lastLine(after.stderr)}`);
  problems.push(...inspectArtifact(dir).problems);
  const temps = tempFilesIn(dir);
  if (temps.length > 0) problems.push(`temp files left: ${temps.slice(0, 5).join(', ')}`);
  results.push(result(`after ${o.kills} kills (${landed} mid-run), a fresh run succeeds and leaves no temp files`, 'sigkill', problems));
  return results;
}

/**
 * SIGTERM to the `npm run preprocess` process itself (what a CI timeout or a
 * closing terminal sends): no node process it started may go on running, nor
 * finish writing its artifact afterwards.
 */
export async function sigtermNpm(o: CrashOptions): Promise<Result[]> {
  const dir = join(o.root, 'sigterm');
  const prev = await startCli(runArgs(smallCorpus(o.root, 60, 5), dir, 1)).done;
  if (prev.exit !== 0) return [result('SIGTERM to npm: writing the previous artifact', 'sigterm', [`exit ${prev.exit}: ${lastLine(prev.stderr)}`])];
  const seed = 2;
  const npm = start('npm', ['run', '--silent', 'preprocess', '--', ...runArgs(o.corpus, dir, seed)]);
  const reached = await Promise.race([npm.waitForLine(/^\s+tfidf\s+[\d.]/m).then(() => true), npm.exited.then(() => false), sleep(60_000).then(() => false)]);
  const problems: string[] = [];
  if (!reached) problems.push('the run never reached the tfidf stage');
  const tree: ProcessId[] = descendants(npm.pid);
  try {
    process.kill(npm.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const ended = await Promise.race([npm.exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!ended) problems.push('npm itself did not exit within 10 s of SIGTERM');
  // A writer that handles the signal stops within moments; the pipeline has seconds of work left.
  const graceMs = 2000;
  await sleep(graceMs);
  const survivors = tree.filter(alive);
  if (survivors.length > 0) {
    problems.push(`${survivors.length} process(es) still running ${graceMs / 1000} s after npm got SIGTERM: ${survivors.map((s) => `${s.pid} ${s.cmdline.slice(0, 60)}`).join('; ')}`);
    // Let a survivor show whether it goes on to write, then stop it (ours, by pid).
    await Promise.race([npm.done, sleep(30_000)]);
    for (const s of survivors.filter(alive)) {
      try {
        process.kill(s.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    while (survivors.some(alive)) await sleep(100);
  }
  try {
    process.kill(-npm.pid, 'SIGKILL'); // anything left in npm's own group
  } catch {
    /* none */
  }
  const f = await Promise.race([npm.done, sleep(5000).then(() => null)]);
  const stderr = f?.stderr ?? '';
  const state = inspectArtifact(dir);
  if (state.manifest?.params.seed === seed) problems.push('the writer finished its artifact after npm was told to stop');
  if (STACK_LINE.test(stderr)) problems.push('stack trace on stderr');
  const writerStops = result(`SIGTERM to npm (tree of ${tree.length} processes): the writer stops`, 'sigterm', problems, STACK_LINE.test(stderr) ? 1 : 0);
  const intact = result('SIGTERM to npm: the artifact is intact afterwards', 'sigterm', state.problems);
  for (const x of [writerStops, intact]) o.log(`  ${x.passed ? 'ok  ' : 'FAIL'} ${x.name}${x.problems.length ? ` — ${x.problems.join('; ')}` : ''}`);
  return [writerStops, intact];
}

interface Round {
  name: string;
  previous: boolean;
  a: (dir: string) => string[];
  b: (dir: string) => string[];
}

const LOCK_REFUSAL = /lock|in use|already|another|running/i;

/**
 * Two writers started together on one folder: the folder ends with one valid,
 * complete artifact, and the second writer is refused in one line that names
 * the lock holder (a pid), exit 2.
 */
export async function concurrentWriters(o: CrashOptions): Promise<Result[]> {
  const small = smallCorpus(o.root, 300, 8);
  const rounds: Round[] = [
    { name: 'empty folder, same corpus, seeds 1 and 2', previous: false, a: (d) => runArgs(o.corpus, d, 1), b: (d) => runArgs(o.corpus, d, 2) },
    { name: 'over a previous artifact, seeds 3 and 4', previous: true, a: (d) => runArgs(o.corpus, d, 3), b: (d) => runArgs(o.corpus, d, 4) },
    { name: 'two corpora of different sizes', previous: true, a: (d) => runArgs(o.corpus, d, 5), b: (d) => runArgs(small, d, 6) },
  ];
  const results: Result[] = [];
  for (const [i, round] of rounds.entries()) {
    const dir = join(o.root, `concurrent-${i + 1}`);
    mkdirSync(o.root, { recursive: true });
    if (round.previous) {
      const prev = await startCli(runArgs(smallCorpus(o.root, 60, 20 + i), dir, 1)).done;
      if (prev.exit !== 0) {
        results.push(result(`concurrent ${round.name}: previous artifact`, 'concurrency', [`exit ${prev.exit}: ${lastLine(prev.stderr)}`]));
        continue;
      }
    }
    const [fa, fb] = await Promise.all([startCli(round.a(dir)).done, startCli(round.b(dir)).done]);
    const both: Finished[] = [fa, fb];
    const traces = both.filter((f) => STACK_LINE.test(f.stderr)).length;
    const state = inspectArtifact(dir);
    const intactProblems = [...state.problems];
    const keptCounts = both.map((f) => parseSummary(f.stderr)?.kept).filter((n): n is number => n !== undefined);
    if (state.manifest && !keptCounts.includes(state.manifest.n)) intactProblems.push(`artifact has ${state.manifest.n} papers, the writers kept ${keptCounts.join(' and ')}`);
    if (traces > 0) intactProblems.push(`${traces} stack trace(s) on stderr`);
    results.push(result(`concurrent ${round.name}: artifact valid and complete`, 'concurrency', intactProblems, traces));

    const refusal: string[] = [];
    const codes = both.map((f) => f.exit);
    const winners = both.filter((f) => f.exit === 0).length;
    const loser = both.find((f) => f.exit !== 0);
    if (winners !== 1 || !loser) refusal.push(`exit codes ${codes.join(' and ')} (expected one 0 and one 2)`);
    else {
      const errors = loser.stderr.split('\n').filter((l) => l.startsWith('error: '));
      if (loser.exit !== 2) refusal.push(`the refused writer exited ${loser.exit}`);
      if (errors.length !== 1) refusal.push(`the refused writer printed ${errors.length} error lines`);
      else {
        if (!LOCK_REFUSAL.test(errors[0])) refusal.push(`refusal ${JSON.stringify(errors[0])} does not say the folder is in use`);
        if (!/\b\d{2,}\b/.test(errors[0])) refusal.push(`refusal ${JSON.stringify(errors[0])} does not name the holder's pid`);
      }
    }
    results.push(result(`concurrent ${round.name}: the second writer is refused in one line`, 'concurrency', refusal));
    for (const x of results.slice(-2)) o.log(`  ${x.passed ? 'ok  ' : 'FAIL'} ${x.name}${x.problems.length ? ` — ${x.problems[0]}` : ''}`);
  }
  return results;
}

function toOutcome(f: Finished): Outcome {
  return { exit: f.exit, threw: null, stdout: f.stdout, stderr: f.stderr, summary: parseSummary(f.stderr), ms: f.ms };
}

const STDIN_CASE = (name: string): Case => ({ name, category: 'jsonl', expect: { exit: 0, kept: 24, read: 24 } });

/** `--input -` and `--input /dev/stdin` with the corpus piped in. */
export async function stdinRuns(o: CrashOptions): Promise<Result[]> {
  const corpus = Buffer.from(jsonl(basePapers(24, 1)));
  const results: Result[] = [];
  for (const input of ['-', '/dev/stdin']) {
    const c = STDIN_CASE(`--input ${input} from a pipe`);
    const p: Paths = { dir: join(o.root, 'stdin'), input, out: join(o.root, `stdin-${input === '-' ? 'dash' : 'dev'}`) };
    const f = await startCli(['--input', input, '--out', p.out, '--k', '3', '--epochs', '20'], { stdin: corpus }).done;
    const { problems, stackTraces } = judge(c, p, toOutcome(f));
    results.push({ name: c.name, category: 'stdin', passed: problems.length === 0, problems, stackTraces });
    o.log(`  ${problems.length ? 'FAIL' : 'ok  '} ${c.name}${problems.length ? ` — ${problems[0]}` : ''}`);
  }
  return results;
}

/** Table cases replayed in a child process: the user's view of a throw is a stack trace and exit 1. */
export const REPLAYED = [
  'jsonl well-formed',
  'gzip trailing zero padding',
  'binary garbage',
  'unknown option',
  '--out is an existing file',
  '--timings-json in a missing folder',
  'terminal escape in a duplicated id',
  '--bin month over 1000..9999',
];

export async function replayedCases(o: CrashOptions): Promise<Result[]> {
  const root = join(o.root, 'replayed');
  const results: Result[] = [];
  for (const name of REPLAYED) {
    const c = CASES.find((x) => x.name === name);
    if (!c) {
      results.push(result(`replayed: ${name}`, 'subprocess', ['no such case in cases.ts']));
      continue;
    }
    const p = pathsFor(root, c);
    await prepare(c, p);
    const argv = (c.args ?? ((q: Paths) => cli(q)))(p);
    const f = await startCli(argv).done;
    const { problems, stackTraces } = judge(c, p, toOutcome(f));
    results.push({ name: `replayed in a process: ${name}`, category: 'subprocess', passed: problems.length === 0, problems, stackTraces });
    o.log(`  ${problems.length ? 'FAIL' : 'ok  '} ${name}${problems.length ? ` — ${problems[0]}` : ''}`);
  }
  return results;
}
