/**
 * Seeded pseudo-random numbers for the project stage.
 *
 * Tausworthe "taus88" generator, the same recurrence umap-learn uses for its
 * `tau_rand_int`; three 32-bit words of state, fast on integers, no allocation.
 * Seeding goes through splitmix32 so nearby seeds give unrelated streams.
 */

export type RandomFn = () => number;

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A function returning uniform doubles in [0, 1); the same seed gives the same sequence. */
export function seededRandom(seed: number): RandomFn {
  if (!Number.isFinite(seed)) throw new Error(`seededRandom: seed must be a finite number, got ${seed}`);
  const mix = splitmix32(Math.floor(seed));
  // taus88 needs s0 > 1, s1 > 7, s2 > 15.
  let s0 = (mix() | 2) | 0;
  let s1 = (mix() | 8) | 0;
  let s2 = (mix() | 16) | 0;
  return () => {
    // State kept as int32 (small integers in V8, no boxing); same bits as the uint32 recurrence.
    s0 = ((s0 & 0xfffffffe) << 12) ^ (((s0 << 13) ^ s0) >>> 19);
    s1 = ((s1 & 0xfffffff8) << 4) ^ (((s1 << 2) ^ s1) >>> 25);
    s2 = ((s2 & 0xfffffff0) << 17) ^ (((s2 << 3) ^ s2) >>> 11);
    return ((s0 ^ s1 ^ s2) >>> 0) / 4294967296;
  };
}

/** Standard normal deviate (Box-Muller) drawn from `random`. */
export function gaussian(random: RandomFn): number {
  let u = random();
  while (u <= 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
