/**
 * `npm run eval -- --k auto`: for each labelled corpus and seed, the default
 * level's scores at the k `--k auto` picks and at k = the number of labels,
 * and whether the auto k keeps ARI ≥ 0.8 × the ARI at k = labels.
 */
import { relative, resolve } from 'node:path';
import type { Paper } from '../../src/pipeline/ingest/types.ts';
import { runPipeline, type PipelineParams } from '../../src/pipeline/run.ts';
import { ari, nmi } from './metrics.ts';
import { fmtMeanSd } from './compare.ts';
import { formatTable } from './table.ts';

export const ARI_SHARE_WANTED = 0.8;

export interface AutoKSeed {
  seed: number;
  k: number;
  /** The scan's top candidate. */
  kMax: number;
  ari: number;
  nmi: number;
  ariAtLabels: number;
  nmiAtLabels: number;
}

export interface AutoKSet {
  input: string;
  n: number;
  labels: number;
  seeds: AutoKSeed[];
}

export async function evalAutoK(input: string, papers: Paper[], params: PipelineParams, seeds: number[]): Promise<AutoKSet> {
  const truth = papers.map((p) => p.label!);
  const labels = new Set(truth).size;
  const out: AutoKSeed[] = [];
  for (const seed of seeds) {
    const auto = await runPipeline(papers, { ...params, k: 'auto', seed, skipProjection: true });
    const fixed = await runPipeline(papers, { ...params, k: labels, seed, skipProjection: true });
    const a = auto.levels.find((lv) => lv.name === 'default')!;
    const f = fixed.levels.find((lv) => lv.name === 'default')!;
    const points = auto.kScan!.points;
    out.push({
      seed,
      k: a.k,
      kMax: points[points.length - 1]!.k,
      ari: ari(truth, a.labels),
      nmi: nmi(truth, a.labels),
      ariAtLabels: ari(truth, f.labels),
      nmiAtLabels: nmi(truth, f.labels),
    });
    const s = out[out.length - 1]!;
    console.error(`eval: ${relative(process.cwd(), resolve(input))} seed ${seed}: auto k ${s.k}, ARI ${s.ari.toFixed(3)} (k = ${labels}: ${s.ariAtLabels.toFixed(3)})`);
  }
  return { input, n: papers.length, labels, seeds: out };
}

const meanSd = (xs: number[]): { mean: number; sd: number } => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = xs.length > 1 ? Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1)) : 0;
  return { mean, sd };
};

/** One row per corpus: labels, the auto k per seed, scores at auto k and at k = labels, and the verdict. */
export function autoKTable(sets: readonly AutoKSet[]): string {
  return formatTable(
    ['corpus', 'papers', 'labels', 'auto k (per seed)', 'ARI auto', `ARI k=labels`, 'ratio', 'NMI auto', 'NMI k=labels', `≥ ${ARI_SHARE_WANTED}×`, 'top of range'],
    sets.map((s) => {
      const ariAuto = meanSd(s.seeds.map((x) => x.ari));
      const ariLab = meanSd(s.seeds.map((x) => x.ariAtLabels));
      const passed = s.seeds.filter((x) => x.ari >= ARI_SHARE_WANTED * x.ariAtLabels).length;
      const top = s.seeds.filter((x) => x.k === x.kMax).length;
      return [
        relative(process.cwd(), resolve(s.input)),
        String(s.n),
        String(s.labels),
        s.seeds.map((x) => x.k).join(' '),
        fmtMeanSd(ariAuto),
        fmtMeanSd(ariLab),
        (ariAuto.mean / ariLab.mean).toFixed(2),
        fmtMeanSd(meanSd(s.seeds.map((x) => x.nmi))),
        fmtMeanSd(meanSd(s.seeds.map((x) => x.nmiAtLabels))),
        `${passed}/${s.seeds.length} seeds`,
        `${top}/${s.seeds.length}`,
      ];
    }),
  );
}
