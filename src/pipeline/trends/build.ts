/**
 * Assembles the artifact's `Trends` (and each cluster's `meanDay`) from the
 * per-paper dates, the cluster labels of every level and the term counts.
 */
import type { ClusterTrend, LevelName, LevelTrends, Trends } from '../../schema/artifact.ts';
import { binMidYears, binPapers, type BinOptions, type Binning } from './bins.ts';
import { burstMethod, kleinbergBursts, type BurstOptions } from './burst.ts';
import { classTermScores } from '../cluster/classTerms.ts';
import { countBinTotals, countClusterBins, countTermDocBins, meanDayByCluster, termOwners } from './counts.ts';
import { COVERAGE_RULE, lowCoverageBins } from './coverage.ts';
import { benjaminiHochberg } from './fdr.ts';
import { fitGrowth, GROWTH_METHOD } from './growth.ts';
import { levelIdf } from './idf.ts';
import { termTrends } from './terms.ts';
import { DEFAULT_SERIES_RULE, isTestable, type SeriesRule } from './testable.ts';
import type { ClassTermScorer, Csr, Vocabulary } from './types.ts';

export interface TrendsLevelInput {
  name: LevelName;
  /** Cluster per paper (0..k−1; negative = unassigned, not counted). */
  labels: Int32Array;
  k: number;
  /** The level's global c-TF-IDF idf, reused for the per-bin top terms (as BERTopic's topics_over_time does); computed from the labels when absent. */
  idf?: Float64Array;
}

export interface TrendsInput {
  /** Days since 1970-01-01 UTC of the first day of each paper's date. */
  day: Int32Array;
  /** 0 undated, 1 year, 2 month, 3 day. */
  precision: Uint8Array;
  levels: TrendsLevelInput[];
  /** Papers × terms counts. */
  termCounts: Csr;
  vocabulary: Vocabulary;
  /** The papers' bins when the caller has them already (binPapers of `day` and `precision` with these options). */
  binning?: Binning;
}

export interface TrendsOptions extends BinOptions {
  /** FDR level for significant clusters and terms (default 0.05). */
  alpha?: number;
  /** Minimum binned documents containing a term for it to be tested (default 20). */
  minTermDocs?: number;
  burst?: BurstOptions;
  /** Let a partial last bin and low-coverage bins enter the growth fits (default false). */
  includePartialBins?: boolean;
  /** Fewest papers and non-empty periods a series needs to be tested (default DEFAULT_SERIES_RULE). */
  series?: SeriesRule;
  /** The level whose significant clusters define the term families (default: 'default', else the first). */
  termFamilyLevel?: LevelName;
  /** Terms per cluster per bin (default 5). */
  topTermsPerBin?: number;
  /** Minimum count of a term within a cluster-bin to be listed (default 2). */
  minTermCountPerBin?: number;
  /** c-TF-IDF scorer for per-bin top terms (default classTermScores of src/pipeline/cluster/classTerms.ts); null leaves topTerms empty. */
  scoreClassTerms?: ClassTermScorer | null;
}

export interface TrendsOutput {
  trends: Trends;
  /** Bin per paper (-1 = not binned): the artifact's `bin` column. */
  bin: Int16Array;
  /** Per level, per cluster: Cluster.meanDay. */
  meanDay: (number | null)[][];
  /** Dated papers left out of the bins, far outside the bulk of the corpus (Binning.outOfRange). */
  outOfRange: number;
}

export function buildTrends(input: TrendsInput, options: TrendsOptions = {}): TrendsOutput {
  const { day, precision, termCounts, vocabulary } = input;
  if (termCounts.cols !== vocabulary.keys.length) {
    throw new RangeError(`trends: term counts have ${termCounts.cols} columns but the vocabulary has ${vocabulary.keys.length} terms`);
  }
  const alpha = options.alpha ?? 0.05;
  const minTermDocs = options.minTermDocs ?? 20;
  const burst: BurstOptions = { s: options.burst?.s ?? 2, gamma: options.burst?.gamma ?? 1 };
  const series = options.series ?? DEFAULT_SERIES_RULE;
  const binning = input.binning ?? binPapers(day, precision, options);
  const { bin, edges } = binning;
  const nBins = binning.bins.length;
  const totals = countBinTotals(bin, nBins);
  const sparse = lowCoverageBins(totals, binning.bins.map((b) => b.partial));
  const bins = binning.bins.map((b, i) => ({ ...b, sparse: sparse[i] === 1 }));
  const t = binMidYears(edges);
  const include = new Uint8Array(nBins);
  for (let b = 0; b < nBins; b++) include[b] = options.includePartialBins || !(bins[b]!.partial || bins[b]!.sparse) ? 1 : 0;
  const familyLevel = options.termFamilyLevel ?? (input.levels.some((l) => l.name === 'default') ? 'default' : input.levels[0]?.name);
  let selected = new Uint8Array(0);
  let familyLabels: TrendsLevelInput | null = null;

  const levels: LevelTrends[] = [];
  const meanDay: (number | null)[][] = [];
  for (const level of input.levels) {
    const counts = countClusterBins(level.labels, level.k, bin, nBins);
    const topTerms = clusterBinTopTerms(level, bin, nBins, termCounts, vocabulary, options);
    const fits = Array.from({ length: level.k }, (_, c) => {
      const row = counts.subarray(c * nBins, (c + 1) * nBins);
      return isTestable(row, totals, include, series) ? fitGrowth(row, totals, t, include) : null;
    });
    const tested = fits.flatMap((f, c) => (f ? [c] : []));
    const q = benjaminiHochberg(tested.map((c) => fits[c]!.pValue));
    const qOf = new Map(tested.map((c, i) => [c, q[i]!]));
    if (level.name === familyLevel) {
      familyLabels = level;
      selected = new Uint8Array(level.k);
      for (const [c, qc] of qOf) if (qc < alpha) selected[c] = 1;
    }
    const clusters: ClusterTrend[] = fits.map((fit, c) => {
      const row = counts.subarray(c * nBins, (c + 1) * nBins);
      return {
        counts: Array.from(row),
        topTerms: topTerms[c]!,
        growth: fit && { slope: fit.slope, ciLow: fit.ciLow, ciHigh: fit.ciHigh, pValue: fit.pValue, qValue: qOf.get(c)! },
        bursts: kleinbergBursts(row, totals, burst),
      };
    });
    levels.push({ level: level.name, clusters });
    meanDay.push(meanDayByCluster(level.labels, level.k, day, precision));
  }

  const termDocs = countTermDocBins(termCounts, bin, nBins);
  const owner = familyLabels ? termOwners(termCounts, familyLabels.labels, familyLabels.k) : new Int32Array(vocabulary.keys.length).fill(-1);
  const { terms, tested, eligible } = termTrends(termDocs, totals, t, include, vocabulary, { owner, selected }, { minTermDocs, alpha, burst, series });
  const familyClusters = Array.from(selected.keys()).filter((c) => selected[c] === 1);

  const trends: Trends = {
    unit: binning.unit,
    bins,
    undated: binning.undated,
    imprecise: binning.imprecise,
    levels,
    terms,
    method: {
      growth:
        `${GROWTH_METHOD}; partial and low-coverage bins ${options.includePartialBins ? 'included' : 'excluded'}; ` +
        `a cluster or term is tested only with >= ${series.minPapers} papers over >= ${series.minPeriods} non-empty fitted periods; ` +
        `terms tested when in >= ${minTermDocs} binned docs (count = docs containing the term); significant when q < ${alpha}`,
      alpha,
      minTermDocs,
      burst: `${burstMethod(burst.s!, burst.gamma!)}; for every cluster and for the listed terms, over all bins`,
      minSeriesPapers: series.minPapers,
      minSeriesPeriods: series.minPeriods,
      coverage: COVERAGE_RULE,
      termFamily: {
        rule:
          `two families at alpha/2 each, a term flagged when either flags it (q = min(1, 2 min(q_flat, q_family))): ` +
          `flat, BH over every term tested; hierarchical (Yekutieli 2008), each term with the ${familyLevel} cluster holding most of its papers, ` +
          `the terms of each cluster with q < ${alpha} one family, BH within each family`,
        level: familyLevel ?? 'default',
        clusters: familyClusters,
        tested,
        eligible,
      },
    },
  };
  return { trends, bin, meanDay, outOfRange: binning.outOfRange };
}

/** Per cluster, per bin: the best terms by c-TF-IDF over classes cluster·nBins + bin with the level's global idf. */
function clusterBinTopTerms(
  level: TrendsLevelInput,
  bin: Int16Array,
  nBins: number,
  termCounts: Csr,
  vocabulary: Vocabulary,
  options: TrendsOptions,
): string[][][] {
  const empty = (): string[][][] => Array.from({ length: level.k }, () => Array.from({ length: nBins }, () => []));
  const score = options.scoreClassTerms === undefined ? classTermScores : options.scoreClassTerms;
  if (!score || nBins === 0) return empty();
  const classOf = new Int32Array(bin.length);
  for (let i = 0; i < bin.length; i++) {
    const c = level.labels[i]!;
    classOf[i] = c >= 0 && bin[i]! >= 0 ? c * nBins + bin[i]! : -1;
  }
  const { terms } = score(termCounts, classOf, level.k * nBins, {
    idf: level.idf ?? levelIdf(termCounts, level.labels, level.k),
    topN: options.topTermsPerBin ?? 5,
    minCount: options.minTermCountPerBin ?? 2,
  });
  const out = empty();
  for (let c = 0; c < level.k; c++) {
    for (let b = 0; b < nBins; b++) {
      const picked = terms[c * nBins + b];
      out[c]![b] = picked ? Array.from(picked, (j) => vocabulary.display[j] ?? vocabulary.keys[j]!) : [];
    }
  }
  return out;
}
