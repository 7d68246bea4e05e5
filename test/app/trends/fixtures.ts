/** Small seeded random columns for brute-force comparisons. */
import { mulberry32 as rng } from '../../../src/pipeline/vectors/random.ts';

export { rng };

export function randomColumns(n: number, k: number, nBins: number, seed: number) {
  const r = rng(seed);
  const bin = new Int16Array(n);
  const labels = new Uint16Array(n);
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    bin[i] = r() < 0.1 ? -1 : Math.floor(r() * nBins);
    labels[i] = Math.floor(r() * k);
    mask[i] = r() < 0.4 ? 1 : 0;
  }
  return { bin, labels, mask };
}
