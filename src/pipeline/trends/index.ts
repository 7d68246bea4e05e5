/** The trends stage: time bins, counts, growth with uncertainty, bursts and per-bin terms. */
export { buildTrends, type TrendsInput, type TrendsLevelInput, type TrendsOptions, type TrendsOutput } from './build.ts';
export { binMidYears, binPapers, chooseBinUnit, PARTIAL_TOLERANCE_DAYS, REQUIRED_PRECISION, type BinOptions, type Binning } from './bins.ts';
export { kleinbergBursts, type BurstOptions } from './burst.ts';
export { civilFromDays, daysFromCivil, periodLabel, periodOf, periodStart } from './calendar.ts';
export { countBinTotals, countClusterBins, countTermDocBins, meanDayByCluster, termOwners } from './counts.ts';
export { benjaminiHochberg } from './fdr.ts';
export { levelIdf } from './idf.ts';
export { fitGrowth, GROWTH_METHOD, type GrowthFit } from './growth.ts';
export { termTrends, NEAR_MISSES, type TermFamilies, type TermTrendOptions, type TermTrendResult } from './terms.ts';
export { lowCoverageBins, COVERAGE_RULE, SPARSE_MIN_MEDIAN, SPARSE_NEIGHBOURS, SPARSE_SHARE } from './coverage.ts';
export { DEFAULT_SERIES_RULE, isTestable, MIN_SERIES_PAPERS, MIN_SERIES_PERIODS, seriesSupport, type SeriesRule } from './testable.ts';
export type { ClassTermScorer, Csr, Vocabulary } from './types.ts';
