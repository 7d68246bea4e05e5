/**
 * `npm run eval -- --input LABELLED.jsonl [--seeds 5] [--k N] [--min-df N] [--no-peer] [--vectors FILE | --vectors-field NAME]`
 *
 * Cluster quality against the corpus's `label` field (NMI, ARI, V-measure of the default level) and
 * neighbour preservation of the 2-D map (share of each paper's 10 nearest in LSA space that are among its
 * 10 nearest on the map), over several seeds, for ours (in-process runPipeline) and for the Python peer
 * on exactly the same papers (it scores itself with sklearn.metrics), then the peer-relative verdict.
 * With user vectors (as the CLI's --vectors / --vectors-field) the same seeds also run on them, and a
 * second table sets them against TF-IDF + LSA; their neighbour preservation is measured in their own space.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { ingestFile } from '../src/pipeline/ingest/index.ts';
import { runPipeline, resolveMinDf, type PipelineParams } from '../src/pipeline/run.ts';
import { parseOptions } from '../src/pipeline/cli/options.ts';
import { userVectorsReader, type UserVectors } from '../src/pipeline/vectors/user.ts';
import { neighbourPreservation } from '../src/pipeline/project/quality.ts';
import { intOption, parseArgs } from './lib/args.ts';
import { runMeasured } from './lib/child.ts';
import { ari, nmi, vMeasure } from './lib/metrics.ts';
import { compareScores, fmtMeanSd, type Comparison } from './lib/compare.ts';
import { PEER_PYTHON, parsePeerOutput, peerArgs, peerUnavailable } from './lib/peer.ts';
import { formatTable } from './lib/table.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FIRST_SEED = 42;
const PRESERVATION_K = 10;

const USAGE = `Usage: npm run eval -- --input LABELLED.jsonl [options]

  --input FILE    corpus whose papers carry a label field (required)
  --seeds N       seeds ${FIRST_SEED}, ${FIRST_SEED + 1}, … (default 5)
  --k N           clusters (default: the number of distinct labels)
  --min-df N      as the CLI (default: 2 below 10,000 papers, else 5); the peer gets the same
  --no-peer       ours only
  --vectors FILE, --vectors-field NAME
                  also score your own embeddings (as the CLI reads them) against TF-IDF + LSA
  --no-save       do not write bench/results/eval-*.json
  -h, --help      this text`;

interface SeedScores {
  seed: number;
  nmi: number;
  ari: number;
  vMeasure: number;
  preservation: number | null;
  ms?: number;
}

const METRICS = ['nmi', 'ari', 'vMeasure', 'preservation'] as const;
const METRIC_NAMES: Record<(typeof METRICS)[number], string> = {
  nmi: 'NMI',
  ari: 'ARI',
  vMeasure: 'V-measure',
  preservation: `neighbour preservation@${PRESERVATION_K}`,
};

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['input', 'seeds', 'k', 'min-df', 'vectors', 'vectors-field'], flags: ['no-peer', 'no-save', 'help', 'h'] });
  if (args.flags.has('help') || args.flags.has('h')) {
    console.log(USAGE);
    return 0;
  }
  const input = args.values.get('input')?.at(-1);
  if (!input) {
    console.error(`eval: --input is required\n\n${USAGE}`);
    return 2;
  }
  const seedCount = intOption(args, 'seeds') ?? 5;
  const seeds = Array.from({ length: seedCount }, (_, i) => FIRST_SEED + i);

  const vectorsFile = args.values.get('vectors')?.at(-1) ?? null;
  const vectorsField = args.values.get('vectors-field')?.at(-1) ?? null;
  const reader = await userVectorsReader(vectorsFile, vectorsField, input);
  const ingested = await ingestFile(resolve(input), reader?.onRecord ? { onRecord: reader.onRecord } : {});
  const { papers } = ingested;
  const userVectors: UserVectors | null = reader?.align(ingested, (w) => console.error(`eval: ${w}`)) ?? null;
  const unlabelled = papers.filter((p) => p.label === undefined || p.label === '').length;
  if (unlabelled > 0) {
    console.error(`eval: ${unlabelled} of ${papers.length} papers in ${input} have no label field; eval needs a label on every paper`);
    return 2;
  }
  const truth = papers.map((p) => p.label!);
  const classes = new Set(truth).size;
  const k = intOption(args, 'k') ?? classes;
  const minDfArg = args.values.get('min-df')?.at(-1);

  // The CLI's defaults, named in one place (options.ts); only k (and min-df if given) differ.
  const cli = parseOptions(['--input', input, '--k', String(k), ...(minDfArg ? ['--min-df', minDfArg] : [])]);
  if (cli === 'help') return 2;
  const params: PipelineParams = { ...cli, minDf: resolveMinDf(cli.minDf, papers.length) };
  console.log(
    `eval: ${relative(process.cwd(), resolve(input))}: ${papers.length} papers, ${classes} labels; k ${k}, min-df ${params.minDf}, ` +
      `max-df ${params.maxDf}, restarts ${params.restarts}, lsa ${params.lsaDims}, UMAP ${params.neighbors} neighbours (cosine), min-dist ${params.minDist}; ` +
      `seeds ${seeds.join(', ')}`,
  );

  const scoreSeeds = async (name: string, vectors: UserVectors | null): Promise<SeedScores[]> => {
    const scores: SeedScores[] = [];
    for (const seed of seeds) {
      const t0 = performance.now();
      const r = await runPipeline(papers, { ...params, seed, userVectors: vectors });
      const labels = r.levels.find((lv) => lv.name === 'default')!.labels;
      scores.push({
        seed,
        nmi: nmi(truth, labels),
        ari: ari(truth, labels),
        vMeasure: vMeasure(truth, labels).vMeasure,
        preservation: neighbourPreservation(r.space.X, r.n, r.space.dims, r.coords, PRESERVATION_K),
        ms: performance.now() - t0,
      });
      console.error(`eval: ${name} seed ${seed}: NMI ${scores.at(-1)!.nmi.toFixed(3)} (${Math.round(scores.at(-1)!.ms!)} ms)`);
    }
    return scores;
  };
  const ours = await scoreSeeds('ours', null);
  const mine = userVectors ? await scoreSeeds(`vectors (${userVectors.source})`, userVectors) : null;

  let peer: SeedScores[] = [];
  let peerName = '';
  const problem = args.flags.has('no-peer') ? 'skipped (--no-peer)' : peerUnavailable(ROOT);
  if (problem) {
    console.log(`peer unavailable: ${problem}`);
  } else {
    // The peer reads exactly the papers we ingested (same rows after dedup), not the raw file.
    const dir = mkdtempSync(join(tmpdir(), 'eval-peer-'));
    try {
      const corpus = join(dir, 'papers.jsonl');
      // A title made from the abstract is not sent: the peer's text is then the abstract alone, as ours (paperText).
      const rows = papers.map((p) => JSON.stringify({ id: p.id, title: p.titleFromAbstract ? '' : p.title, abstract: p.abstract, label: p.label }));
      writeFileSync(corpus, rows.join('\n') + '\n');
      const outPath = join(dir, 'peer.json');
      console.error(`eval: peer (${seeds.length} seeds)…`);
      const run = await runMeasured(
        PEER_PYTHON,
        peerArgs(ROOT, corpus, { k, restarts: params.restarts, minDf: params.minDf!, maxDf: params.maxDf, seed: seeds[0]! }, ['--eval-seeds', seeds.join(','), '--out', outPath]),
        { cwd: ROOT },
      );
      if (run.code !== 0) {
        console.log(`peer unavailable: exit ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      } else {
        const out = parsePeerOutput((await import('node:fs')).readFileSync(outPath, 'utf8'));
        peer = out.eval ?? [];
        peerName = out.peer;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const comparisons = new Map<string, Comparison>();
  const rows = METRICS.map((m) => {
    const o = ours.map((s) => s[m]).filter((x): x is number => x !== null);
    const p = peer.map((s) => s[m]).filter((x): x is number => x !== null);
    const c = compareScores(o, p);
    comparisons.set(m, c);
    return [METRIC_NAMES[m], fmtMeanSd(c.ours), p.length ? fmtMeanSd(c.peer) : '—', p.length ? `${c.diff >= 0 ? '+' : ''}${c.diff.toFixed(3)}` : '—', p.length ? c.verdict : '—'];
  });
  console.log(`\nours: topic-atlas runPipeline (default level); peer: ${peerName || 'unavailable'}; mean ± sd over ${seeds.length} seeds`);
  console.log(formatTable(['metric', 'ours', 'peer', 'ours − peer', 'verdict'], rows));
  console.log('\nper seed (ours | peer):');
  console.log(
    formatTable(
      ['seed', 'NMI', 'ARI', 'V', 'preserv.', 'NMI', 'ARI', 'V', 'preserv.'],
      seeds.map((seed, i) => {
        const f = (s: SeedScores | undefined) => (s ? [s.nmi, s.ari, s.vMeasure, s.preservation ?? NaN].map((x) => x.toFixed(3)) : ['—', '—', '—', '—']);
        return [String(seed), ...f(ours[i]), ...f(peer.find((s) => s.seed === seed))];
      }),
    ),
  );
  let vectorComparisons: Record<string, Comparison> | null = null;
  if (mine && userVectors) {
    vectorComparisons = {};
    const vrows = METRICS.map((m) => {
      const c = compareScores(
        mine.map((s) => s[m]).filter((x): x is number => x !== null),
        ours.map((s) => s[m]).filter((x): x is number => x !== null),
      );
      vectorComparisons![m] = c;
      return [METRIC_NAMES[m], fmtMeanSd(c.peer), fmtMeanSd(c.ours), `${c.diff >= 0 ? '+' : ''}${c.diff.toFixed(3)}`, c.verdict];
    });
    console.log(`\nyour vectors (${userVectors.source}, ${userVectors.dims} dims) against TF-IDF + LSA, same papers, k and seeds; mean ± sd over ${seeds.length} seeds`);
    console.log(formatTable(['metric', 'TF-IDF + LSA', 'your vectors', 'vectors − LSA', 'verdict'], vrows));
  }
  if (peer.length) {
    const worse = [...comparisons].filter(([, c]) => c.verdict === 'worse').map(([m]) => METRIC_NAMES[m as (typeof METRICS)[number]]);
    const better = [...comparisons].filter(([, c]) => c.verdict === 'better').map(([m]) => METRIC_NAMES[m as (typeof METRICS)[number]]);
    console.log(
      `\nverdict: ${worse.length ? `below the peer on ${worse.join(', ')}` : 'on par with or above the peer on every metric'}` +
        `${better.length ? `; above it on ${better.join(', ')}` : ''} (difference beyond the seeds' combined sd)`,
    );
  }

  if (args.flags.has('no-save')) return 0;
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `eval-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(
      {
        input, n: papers.length, classes, params, seeds, ours, peer, peerName, comparisons: Object.fromEntries(comparisons),
        ...(userVectors ? { vectors: { source: userVectors.source, dims: userVectors.dims, scores: mine, comparisons: vectorComparisons } } : {}),
      },
      null,
      2,
    ));
  console.log(`saved ${relative(ROOT, file)}`);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  console.error(`eval: ${(e as Error).message}`);
  process.exitCode = 1;
}
