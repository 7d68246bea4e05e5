/** Seeded generators for the synthetic series (mulberry32; Knuth / inversion samplers). */
export { mulberry32 } from '../../../src/pipeline/vectors/random.ts';

/** Poisson(lambda) by inversion (fine for lambda up to a few hundred). */
export function poisson(rand: () => number, lambda: number): number {
  let k = 0;
  let p = Math.exp(-lambda);
  let cdf = p;
  const u = rand();
  while (u > cdf && k < 10_000) {
    k++;
    p *= lambda / k;
    cdf += p;
  }
  return k;
}

export function binomial(rand: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rand() < p) k++;
  return k;
}
