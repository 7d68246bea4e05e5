/** The trends stage: time bins, counts, growth with uncertainty, bursts and per-bin terms. */
export { buildTrends, type TrendsInput, type TrendsLevelInput, type TrendsOptions, type TrendsOutput } from './build.ts';
export { binMidYears, binPapers, chooseBinUnit, PARTIAL_TOLERANCE_DAYS, REQUIRED_PRECISION, type BinOptions, type Binning } from './bins.ts';
export { kleinbergBursts, type BurstOptions } from './burst.ts';
export { civilFromDays, daysFromCivil, periodLabel, periodOf, periodStart } from './calendar.ts';
export { countBinTotals, countClusterBins, countTermDocBins, meanDayByCluster } from './counts.ts';
export { benjaminiHochberg } from './fdr.ts';
export { levelIdf } from './idf.ts';
export { fitGrowth, GROWTH_METHOD, type GrowthFit } from './growth.ts';
export { significantTermTrends, type TermTrendOptions, type TermTrendResult } from './terms.ts';
export type { ClassTermScorer, Csr, Vocabulary } from './types.ts';
