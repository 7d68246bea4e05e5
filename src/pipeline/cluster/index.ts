/** Cluster stage: k-means, k selection, granularity levels, cluster terms and labels. */
export { kmeans, KMEANS_DEFAULTS, type KMeansEngine } from './kmeans.ts';
export { kmeansParallel, createKMeansPool, type KMeansPool } from './parallel.ts';
export { scanK, type ScanKOptions, type ScanKResult } from './scanK.ts';
export { silhouette } from './silhouette.ts';
export { buildLevels, buildLevelsParallel, majorityParent, levelSizes, type LevelResult, type Levels, type BuildLevelsOptions } from './levels.ts';
export { classTermScores, type ClassTermOptions, type ClassTerms } from './classTerms.ts';
export { clusterTerms, labelFromTerms, phraseIndex, type ClusterTermOptions } from './labels.ts';
export { termDefects, labelParts, type TermDefect } from './termDefects.ts';
export { representatives } from './representatives.ts';
export type { Csr, Vocabulary, KMeansOptions, KMeansResult, TermScore } from './types.ts';
