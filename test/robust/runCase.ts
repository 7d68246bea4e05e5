/**
 * Runs one fuzz case in-process through the CLI's `main(argv)` with stdout and
 * stderr captured, then checks the house invariants every run must keep and
 * the case's own expectation. A `main` that throws is what a user would see as
 * a stack trace: it is recorded as one and fails the case.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/pipeline/cli/preprocess.ts';
import { inspectArtifact } from './artifactCheck.ts';

export type Category =
  | 'jsonl'
  | 'json-array'
  | 'csv'
  | 'gzip'
  | 'empty-binary'
  | 'encoding'
  | 'escapes'
  | 'dates'
  | 'options'
  | 'paths'
  | 'payloads';

export interface Paths {
  /** The case's own scratch folder. */
  dir: string;
  input: string;
  out: string;
}

export interface Expect {
  /** 'any' = a clean finish either way (0, or 2 with a one-line error): used where the wanted outcome is not decided yet. */
  exit: 0 | 2 | 'any';
  kept?: number | [number, number];
  read?: number;
  /** Exact counts for the reasons listed (others unconstrained). */
  skipped?: Record<string, number>;
  badDates?: number;
  undated?: number;
  /** On exit 2: the error line matches this. */
  error?: RegExp;
  /** On exit 2: the error line contains this text (a path, usually). */
  names?: (p: Paths) => string;
  /** Refused before any work: stderr is the error line alone (no stage ran, no warning printed). */
  beforeWork?: boolean;
  stderr?: RegExp[];
  notStderr?: RegExp[];
  stdout?: RegExp;
  /** false: exit 0 writes no artifact (--help). */
  artifact?: false;
  /** Further problems (files that must be untouched, payloads stored verbatim, ...). */
  check?: (p: Paths, outcome: Outcome) => string[];
}

export interface Case {
  name: string;
  category: Category;
  /** Bytes of the input file; written to `dir/input.<ext>`. */
  input?: () => Uint8Array | string;
  ext?: string;
  /** `--out` inside the scratch folder (default "out"). */
  outName?: string;
  /** Further preparation of the scratch folder, after the input is written. */
  setup?: (p: Paths) => void | Promise<void>;
  /** argv for `main`; default `cli(p)`. */
  args?: (p: Paths) => string[];
  expect: Expect;
}

export interface Summary {
  read: number;
  kept: number;
  skipped: number;
  reasons: Record<string, number>;
  undated: number;
  badDates: number;
}

export interface Outcome {
  exit: number | null;
  threw: Error | null;
  stdout: string;
  stderr: string;
  summary: Summary | null;
  ms: number;
}

/** One checked case, in-process or spawned. */
export interface Result {
  name: string;
  category: string;
  passed: boolean;
  problems: string[];
  /** Stack traces a user would have seen: a throw out of `main`, or "    at ..." lines on stderr. */
  stackTraces: number;
}

export interface CaseResult extends Result {
  category: Category;
  outcome: Outcome;
}

/** The model options that keep a two-dozen-paper run fast; `--k` only when the case does not set its own. */
export function cli(p: Paths, ...extra: string[]): string[] {
  const argv = ['--input', p.input, '--out', p.out, '--epochs', '20', ...extra];
  if (!extra.some((a) => a === '--k' || a.startsWith('--k='))) argv.push('--k', '3');
  return argv;
}

const SUMMARY =
  /: read (\d+), kept (\d+), skipped (\d+)(?: \(([^)]*)\))?; (\d+) undated(?: \((\d+) bad dates?\))?/;

export function parseSummary(stderr: string): Summary | null {
  const m = SUMMARY.exec(stderr);
  if (!m) return null;
  const reasons: Record<string, number> = {};
  for (const part of (m[4] ?? '').split(', ').filter(Boolean)) {
    const at = part.lastIndexOf(' ');
    reasons[part.slice(0, at)] = Number(part.slice(at + 1));
  }
  return {
    read: Number(m[1]),
    kept: Number(m[2]),
    skipped: Number(m[3]),
    reasons,
    undated: Number(m[5]),
    badDates: Number(m[6] ?? 0),
  };
}

const RUN_TIMEOUT_MS = 45_000;

/** `main(argv)` with both streams captured and the terminal treated as a log (no progress redraws). */
export async function runMain(argv: string[]): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
  const capture = (sink: string[]) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      cb?.();
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
  const t0 = performance.now();
  let exit: number | null = null;
  let threw: Error | null = null;
  try {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS);
    });
    try {
      exit = await Promise.race([main(argv), timeout]);
    } finally {
      clearTimeout(timer);
    }
  } catch (e) {
    threw = e instanceof Error ? e : new Error(String(e));
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
    else delete (process.stderr as { isTTY?: boolean }).isTTY;
  }
  const stderr = err.join('');
  return { exit, threw, stdout: out.join(''), stderr, summary: parseSummary(stderr), ms: performance.now() - t0 };
}

// Anything a terminal would interpret, except the newline ending each line.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f\u009b]/;
const STACK_LINE = /^\s+at /m;

function inRange(n: number, want: number | [number, number]): boolean {
  return typeof want === 'number' ? n === want : n >= want[0] && n <= want[1];
}

/** The invariants of every run, then the case's expectation; [] when all hold. */
export function judge(c: Case, p: Paths, o: Outcome): { problems: string[]; stackTraces: number } {
  const problems: string[] = [];
  let stackTraces = 0;
  const e = c.expect;
  if (o.threw) {
    stackTraces++;
    problems.push(`main threw ${o.threw.name}: ${firstLine(o.threw.message)} (a stack trace for the user)`);
  }
  if (STACK_LINE.test(o.stderr)) {
    stackTraces++;
    problems.push('stderr holds a stack trace line');
  }
  const control = RAW_CONTROL.exec(o.stderr);
  if (control) problems.push(`stderr holds a raw control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`);
  if (o.exit !== null && o.exit !== 0 && o.exit !== 2) problems.push(`exit code ${o.exit} (expected 0 or 2)`);

  const lines = o.stderr.split('\n').filter((l) => l.trim() !== '');
  const errors = lines.filter((l) => l.startsWith('error: '));
  const s = o.summary;
  if (s) {
    if (s.read !== s.kept + s.skipped) problems.push(`summary says read ${s.read} ≠ kept ${s.kept} + skipped ${s.skipped}`);
    const sum = Object.values(s.reasons).reduce((a, b) => a + b, 0);
    if (sum !== s.skipped) problems.push(`skip reasons add up to ${sum}, summary says skipped ${s.skipped}`);
  }
  for (const l of lines) {
    const text = l.startsWith('error: ') ? l.slice('error: '.length) : l;
    if (/: (skipped|kept undated) \(/.test(text) && !text.startsWith(`${p.input}:`)) problems.push(`issue line does not start with the file name: ${clip(l)}`);
  }

  if (o.exit === 2) {
    if (errors.length !== 1) problems.push(`exit 2 with ${errors.length} "error: " lines (expected exactly one)`);
    else if (lines[lines.length - 1] !== errors[0]) problems.push('the error line is not the last line on stderr');
  }
  if (o.exit === 0 && errors.length > 0) problems.push(`exit 0 but stderr has an error line: ${clip(errors[0])}`);

  if (o.exit !== null && !o.threw) {
    if (e.exit !== 'any' && o.exit !== e.exit) {
      problems.push(`exit ${o.exit}, expected ${e.exit}${errors[0] ? ` (${clip(errors[0])})` : ''}`);
    }
  } else if (e.exit !== 'any' && !o.threw) problems.push(`no exit code (expected ${e.exit})`);

  if (o.exit === 2 && errors.length === 1) {
    if (e.error && !e.error.test(errors[0])) problems.push(`error line ${clip(errors[0])} does not match ${e.error}`);
    if (e.names && !errors[0].includes(e.names(p))) problems.push(`error line ${clip(errors[0])} does not name ${e.names(p)}`);
    if (e.beforeWork && lines.length !== 1) problems.push(`refused only after work: ${lines.length} lines on stderr before/with the error (first: ${clip(lines[0])})`);
  }

  if (o.exit === 0 && e.artifact !== false) {
    if (!s && e.kept !== undefined) problems.push('no ingest summary on stderr');
    const art = inspectArtifact(p.out);
    if (art.problems.length > 0) problems.push(`artifact: ${art.problems.slice(0, 3).join('; ')}`);
    if (s && art.manifest && art.manifest.n !== s.kept) problems.push(`artifact has ${art.manifest.n} papers, summary says kept ${s.kept}`);
  }
  if (s && (o.exit === 0 || e.exit !== 2)) {
    if (e.kept !== undefined && !inRange(s.kept, e.kept)) problems.push(`kept ${s.kept}, expected ${JSON.stringify(e.kept)}`);
    if (e.read !== undefined && s.read !== e.read) problems.push(`read ${s.read}, expected ${e.read}`);
    for (const [reason, n] of Object.entries(e.skipped ?? {})) {
      if ((s.reasons[reason] ?? 0) !== n) problems.push(`skipped ${reason} ${s.reasons[reason] ?? 0}, expected ${n}`);
    }
    if (e.badDates !== undefined && s.badDates !== e.badDates) problems.push(`${s.badDates} bad dates, expected ${e.badDates}`);
    if (e.undated !== undefined && s.undated !== e.undated) problems.push(`${s.undated} undated, expected ${e.undated}`);
  } else if (o.exit === 0 && (e.kept !== undefined || e.skipped)) problems.push('no ingest summary to check the counts against');
  for (const re of e.stderr ?? []) if (!re.test(o.stderr)) problems.push(`stderr does not match ${re}`);
  for (const re of e.notStderr ?? []) if (re.test(o.stderr)) problems.push(`stderr matches ${re}: ${clip(o.stderr.match(re)![0])}`);
  if (e.stdout && !e.stdout.test(o.stdout)) problems.push(`stdout does not match ${e.stdout}`);
  if (e.check) problems.push(...e.check(p, o));
  return { problems, stackTraces };
}

export function pathsFor(root: string, c: Case): Paths {
  const dir = join(root, slug(c.name));
  return { dir, input: join(dir, `input.${c.ext ?? 'jsonl'}`), out: join(dir, c.outName ?? 'out') };
}

export async function prepare(c: Case, p: Paths): Promise<void> {
  mkdirSync(p.dir, { recursive: true });
  if (c.input) writeFileSync(p.input, c.input());
  await c.setup?.(p);
}

export async function runCase(root: string, c: Case): Promise<CaseResult> {
  const p = pathsFor(root, c);
  await prepare(c, p);
  const outcome = await runMain((c.args ?? ((q) => cli(q)))(p));
  const { problems, stackTraces } = judge(c, p, outcome);
  return { name: c.name, category: c.category, passed: problems.length === 0, problems, stackTraces, outcome };
}

export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

function firstLine(s: string): string {
  return clip(s.split('\n')[0]);
}

function clip(s: string | undefined): string {
  const t = JSON.stringify(s ?? '');
  return t.length > 160 ? `${t.slice(0, 159)}…"` : t;
}
