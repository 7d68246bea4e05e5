/**
 * `npm run preprocess`: read a corpus, run the pipeline, write the artifact.
 * User mistakes (bad options, unreadable input, an empty corpus) end with one
 * line on stderr and exit code 2; nothing else is ever printed as a stack trace
 * unless it is a bug (exit code 1).
 */
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { ingestFile, formatIssue, formatReport, printable, type IngestIssue } from '../ingest/index.ts';
import { UserError } from '../ingest/types.ts';
import { ArtifactError } from '../../schema/artifact.ts';
import { runPipeline } from '../run.ts';
import { toArtifactParts } from '../artifact/build.ts';
import { writeArtifact } from '../artifact/write.ts';
import { startSearchIndex } from '../artifact/searchIndexJob.ts';
import { HELP, parseOptions, type PipelineOptions } from './options.ts';
import { createProgress, formatMs, type Progress } from './progress.ts';
import { preflight } from './preflight.ts';
import { watchParent, type ParentWatch } from './supervision.ts';
import { userVectorsReader } from '../vectors/user.ts';

/** Issues printed one by one before the rest are only counted. */
const MAX_PRINTED_ISSUES = 20;

/** Exit code of a run stopped because npm, which started it, is gone (as if SIGTERM had reached it). */
const EXIT_STOPPED = 143;

class RunStopped extends Error {}

export async function main(argv: string[], started: { parentPid?: number } = {}): Promise<number> {
  try {
    const options = parseOptions(argv);
    if (options === 'help') {
      process.stdout.write(HELP);
      return 0;
    }
    const lock = await preflight(options);
    // Released on any exit but a signal's; a signalled run leaves its lock behind, stale, for the next run to take over.
    const releaseAtExit = () => lock.releaseSync();
    process.on('exit', releaseAtExit);
    const parent = watchParent(started.parentPid);
    try {
      await preprocess(options, parent);
    } finally {
      await parent.stop();
      await lock.release();
      process.off('exit', releaseAtExit);
    }
    return 0;
  } catch (e) {
    if (e instanceof UserError || e instanceof ArtifactError) {
      process.stderr.write(`error: ${printable(e.message)}\n`);
      return 2;
    }
    if (e instanceof RunStopped) return EXIT_STOPPED;
    throw e;
  }
}

export async function preprocess(options: PipelineOptions, parent?: ParentWatch): Promise<void> {
  // The last moment to stop: nothing the user can see has changed yet.
  const beforeCommit = async () => {
    if (parent?.orphaned()) throw new RunStopped();
  };
  const progress = createProgress({ quiet: options.quiet });
  const t0 = performance.now();
  let printed = 0;
  let unprinted = 0;
  const onIssue = (issue: IngestIssue) => {
    if (printed < MAX_PRINTED_ISSUES) {
      progress.warn(formatIssue(issue));
      printed++;
    } else unprinted++;
  };

  const input = options.input === '-' ? 'stdin' : printable(options.input);
  // A bad vectors file is said before the minutes of ingest; --vectors-field is read by ingest itself.
  const vectorsReader = options.vectors ?? options.vectorsField
    ? await progress.stage('vectors', () => userVectorsReader(options.vectors, options.vectorsField, input))
    : null;
  const ingested = await progress.stage('ingest', (tick) =>
    ingestFile(options.input, {
      ...(options.format ? { format: options.format } : {}),
      strict: options.strict,
      columns: options.columns,
      // With --strict the first issue is the error itself: printing it as a warning too would say it twice.
      ...(options.strict ? {} : { onIssue }),
      ...(vectorsReader?.onRecord ? { onRecord: vectorsReader.onRecord } : {}),
      onProgress: tick,
    }),
  );
  if (unprinted > 0) progress.warn(`... and ${unprinted} more issue(s), counted below`);
  // The summary on one line, then each warning on its own: a warning appended to a long line is easily missed.
  progress.warn(`${input}: ${formatReport({ ...ingested.report, warnings: [] })}`);
  for (const warning of ingested.report.warnings) progress.warn(`warning: ${warning}`);

  if (options.update) {
    const { updateArtifact } = await import('../artifact/update.ts');
    await updateArtifact(options.update, ingested, options, progress, beforeCommit);
  } else {
    const searchJob = startSearchIndex(ingested.papers.map((p) => `${p.title}\n${p.abstract}`));
    const userVectors = vectorsReader?.align(ingested, (w) => progress.warn(w)) ?? null;
    if (userVectors) progress.info(`  vectors: ${userVectors.source}, ${userVectors.dims} dimensions, instead of LSA for k-means, kNN and UMAP`);
    const result = await runPipeline(ingested.papers, { ...options, userVectors }, progress);
    const search = await progress.stage('search', () => searchJob);
    const parts = toArtifactParts(
      ingested.papers,
      result,
      { file: options.input === '-' ? 'stdin' : basename(options.input), sha256: ingested.sha256, format: ingested.report.format, report: ingested.report },
      // Timings vary run to run; keeping them out of the manifest keeps the artifact byte-identical for the same input and seed.
      {},
      search,
    );
    await progress.stage('write', () => writeArtifact(options.out, parts, { beforeCommit }));
    summarize(progress, options.out, result.n, result.levels.map((l) => l.k));
  }
  const total = performance.now() - t0;
  progress.timings.total = Math.round(total);
  progress.peakRss.total = process.resourceUsage().maxRSS * 1024;
  if (options.timingsJson) {
    try {
      await writeFile(options.timingsJson, JSON.stringify({ timingsMs: progress.timings, peakRssBytes: progress.peakRss }, null, 2));
    } catch (e) {
      throw new UserError(`--timings-json ${options.timingsJson}: cannot write it (${(e as Error).message}); the artifact was written`);
    }
  }
  progress.info(`done in ${formatMs(total)}, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  // `npm start` serves the artifact right after this line; telling the user to serve it again would mislead.
  if (process.env.npm_lifecycle_event !== 'start') progress.info(`open it: ${openCommand(options.update ?? options.out)}`);
}

function summarize(progress: Progress, out: string, n: number, ks: number[]): void {
  progress.info(`wrote ${printable(out)}: ${n} papers, k = ${ks.join(' / ')} (coarse / default / fine)`);
}

/** The package root: npm runs `npm run dev` here, and vite.config.ts resolves ATLAS_ARTIFACT from here. */
const PACKAGE_ROOT = resolve(import.meta.dirname, '../../..');

/**
 * The command that serves the dashboard on the artifact in `out`: `npm run dev` for the
 * default folder, else with ATLAS_ARTIFACT set (relative to the package root inside it,
 * absolute outside it; quoted for the shell when it needs to be).
 */
export function openCommand(out: string, cwd = process.cwd(), root = PACKAGE_ROOT): string {
  const abs = resolve(cwd, out);
  if (abs === resolve(root, 'out/artifact')) return 'npm run dev';
  const rel = relative(root, abs);
  const dir = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
  return `ATLAS_ARTIFACT=${shellQuote(printable(dir))} npm run dev`;
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
