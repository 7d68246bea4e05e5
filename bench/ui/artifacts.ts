/**
 * Which artifact the UI benchmark runs on. Prefers one built by the real
 * pipeline (scale corpus or the real 136k corpus); when the pipeline cannot run
 * yet, falls back to the synthetic artifact and says so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface BenchArtifact {
  dir: string;
  n: number;
  generator: string;
  synthetic: boolean;
  note: string | null;
}

const repo = resolve(import.meta.dirname, '../..');

export function describe(dir: string, note: string | null = null): BenchArtifact {
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { n: number; generator: string };
  const synthetic = m.generator.includes('synthetic');
  return { dir, n: m.n, generator: m.generator, synthetic, note };
}

function hasManifest(dir: string): boolean {
  return existsSync(join(dir, 'manifest.json'));
}

function log(msg: string): void {
  console.error(`bench:ui: ${msg}`);
}

function makeSynthetic(n: number, out: string): void {
  log(`writing synthetic ${n.toLocaleString()}-point artifact to ${out}`);
  execFileSync('npx', ['tsx', 'scripts/make-synthetic-artifact.ts', '--n', String(n), '--out', out], { cwd: repo, stdio: 'inherit' });
}

/** Runs the real pipeline on `input`; returns an error message or null. */
function runPipeline(input: string, out: string): string | null {
  if (!existsSync(join(repo, 'scripts/preprocess.ts'))) return 'scripts/preprocess.ts does not exist yet';
  log(`building ${out} with the real pipeline from ${input} (can take minutes; cached afterwards)`);
  const r = spawnSync('npx', ['tsx', 'scripts/preprocess.ts', '--input', input, '--out', out], {
    cwd: repo,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 40 * 60_000,
  });
  if (r.status === 0 && hasManifest(out)) return null;
  return `npm run preprocess exited with ${r.status ?? r.signal} (its stderr is above)`;
}

/** The 150k artifact: --artifact DIR as given, else out/bench-150k (built by the pipeline), else synthetic. */
export function resolveMainArtifact(explicit: string | undefined, allowPipeline: boolean): BenchArtifact {
  if (explicit) {
    const dir = resolve(explicit);
    if (!hasManifest(dir)) throw new Error(`--artifact ${explicit}: no manifest.json there`);
    return describe(dir);
  }
  const dir = join(repo, 'out/bench-150k');
  if (hasManifest(dir)) return describe(dir);
  let reason = 'pipeline build skipped (--no-pipeline)';
  if (allowPipeline) {
    const corpus = join(repo, 'tmp/bench-ui/scale-150k.jsonl');
    mkdirSync(dirname(corpus), { recursive: true });
    if (!existsSync(corpus)) {
      log('writing the 150k scale corpus (../shared/data/make-scale-corpus.mjs)');
      const fd = openSync(corpus, 'w');
      try {
        execFileSync('node', [resolve(repo, '../shared/data/make-scale-corpus.mjs'), '150000'], { stdio: ['ignore', fd, 'inherit'] });
      } finally {
        closeSync(fd);
      }
    }
    const err = runPipeline(corpus, dir);
    if (err === null) return describe(dir);
    reason = err;
  }
  const fallback = join(repo, 'out/bench-150k-synthetic');
  if (!hasManifest(fallback)) makeSynthetic(150_000, fallback);
  return describe(fallback, `real pipeline unavailable (${reason}); measured on the SYNTHETIC 150k artifact`);
}

export function resolveMillionArtifact(explicit: string | undefined): BenchArtifact {
  const dir = explicit ? resolve(explicit) : join(repo, 'out/bench-1m-synthetic');
  if (!hasManifest(dir)) {
    if (explicit) throw new Error(`--million ${explicit}: no manifest.json there`);
    makeSynthetic(1_000_000, dir);
  }
  return describe(dir);
}
