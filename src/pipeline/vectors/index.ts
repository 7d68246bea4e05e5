export { randomizedSvd, normalizeRows, type SvdOptions, type SvdResult } from './svd.ts';
export { transformTexts, projectRows, type SvdModel } from './transform.ts';
export { serializeLsaModel, deserializeLsaModel, LSA_MODEL_FORMAT, LSA_MODEL_VERSION, type LsaModelJson } from './model-io.ts';
export { mulberry32, gaussian, gaussianArray } from './random.ts';
export { gram, cholesky, orthonormalizeColumns, symmetricEigen } from './dense.ts';
