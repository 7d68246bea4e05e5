/**
 * Project stage: kNN graph → UMAP 2-D map; nearest papers; placing new papers; map quality.
 */
export { knnGraph, nearestPapers, exactKnn, DEFAULT_HNSW, EXACT_KNN_THRESHOLD } from './knn.ts';
export type { KnnGraph, KnnOptions, HnswParams } from './knn.ts';
export { umapProject, defaultEpochs, UMAP_JS_MAX_N } from './umap.ts';
export type { UmapOptions } from './umap.ts';
export { placeNewPoints } from './place.ts';
export type { PlaceOptions } from './place.ts';
export { neighbourPreservation } from './quality.ts';
export { fuzzySimplicialSet } from './fuzzyGraph.ts';
export type { FuzzyGraph } from './fuzzyGraph.ts';
