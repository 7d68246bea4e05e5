/** The corpora `npm run bench` measures, with the parameters each is run at (same for ours and the peer). */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

export interface Corpus {
  name: string;
  path: string;
  k: number;
  minDf: number;
  /** Written by `make` when missing (the recombined scale corpus). */
  make?: { script: string; n: number };
}

export interface RunParams {
  restarts: number;
  maxDf: number;
  seed: number;
}

export const BENCH_PARAMS: RunParams = { restarts: 5, maxDf: 0.5, seed: 42 };
const DEFAULT_K = 30;
const DEFAULT_MIN_DF = 5;

export function defaultCorpora(root: string): Corpus[] {
  const shared = resolve(root, '../shared/data');
  return [
    { name: 'bundled', path: resolve(root, 'data/papers.jsonl'), k: 5, minDf: 2 },
    { name: 'labelled-2k', path: resolve(shared, 'arxiv-labelled-archives-2k.jsonl'), k: 18, minDf: DEFAULT_MIN_DF },
    { name: 'quant-ph-36k', path: resolve(shared, 'arxiv-scale-quant-ph-36k.jsonl.gz'), k: DEFAULT_K, minDf: DEFAULT_MIN_DF },
    { name: 'recent-136k', path: resolve(shared, 'arxiv-recent-136k.jsonl.gz'), k: DEFAULT_K, minDf: DEFAULT_MIN_DF },
    {
      name: 'scale-150k',
      path: resolve(root, 'out/bench/scale-150k.jsonl'),
      k: DEFAULT_K,
      minDf: DEFAULT_MIN_DF,
      make: { script: resolve(shared, 'make-scale-corpus.mjs'), n: 150_000 },
    },
  ];
}

/** A --corpus value: a default corpus's name, or a path (k 30, min-df 5). */
export function resolveCorpus(root: string, nameOrPath: string): Corpus {
  const known = defaultCorpora(root).find((c) => c.name === nameOrPath);
  if (known) return known;
  const path = resolve(nameOrPath);
  return { name: basename(path).replace(/\.jsonl(\.gz)?$|\.json$|\.csv$/, ''), path, k: DEFAULT_K, minDf: DEFAULT_MIN_DF };
}

/** null when the corpus file is there (made now if it can be), else why not. */
export async function ensureCorpus(corpus: Corpus): Promise<string | null> {
  if (existsSync(corpus.path) && statSync(corpus.path).size > 0) return null;
  if (!corpus.make) return `${corpus.path} not found`;
  if (!existsSync(corpus.make.script)) return `${corpus.path} not found and ${corpus.make.script} (to make it) not found either`;
  mkdirSync(dirname(corpus.path), { recursive: true });
  const partial = `${corpus.path}.partial`;
  const code = await new Promise<number | null>((done, fail) => {
    const out = createWriteStream(partial);
    const child = spawn(process.execPath, [corpus.make!.script, String(corpus.make!.n)], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.pipe(out);
    child.on('error', fail);
    child.on('close', (c) => out.end(() => done(c)));
  });
  if (code !== 0) return `making ${corpus.path} failed (exit ${code})`;
  const { renameSync } = await import('node:fs');
  renameSync(partial, corpus.path);
  return null;
}
