/** Small seeded random columns for brute-force comparisons. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
