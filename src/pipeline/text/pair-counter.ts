/**
 * Counts of integer pairs (a, b), a, b >= 0, in an open-addressing hash table over
 * typed arrays: a corpus has millions of distinct adjacent pairs, which a
 * Map<string, number> would hold at several times the memory.
 */
export class PairCounter {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private values: Int32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1 << 12) {
    let cap = 16;
    while (cap < initialCapacity * 2) cap <<= 1;
    this.keysA = new Int32Array(cap).fill(-1);
    this.keysB = new Int32Array(cap);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
  }

  add(a: number, b: number, amount = 1): void {
    let i = this.find(a, b);
    if (this.keysA[i] === -1) {
      if ((this.size + 1) * 2 > this.keysA.length) {
        this.grow();
        i = this.find(a, b);
      }
      this.keysA[i] = a;
      this.keysB[i] = b;
      this.size++;
    }
    this.values[i] += amount;
  }

  get(a: number, b: number): number {
    const i = this.find(a, b);
    return this.keysA[i] === -1 ? 0 : this.values[i];
  }

  forEach(callback: (a: number, b: number, value: number) => void): void {
    const { keysA, keysB, values } = this;
    for (let i = 0; i < keysA.length; i++) if (keysA[i] !== -1) callback(keysA[i], keysB[i], values[i]);
  }

  private find(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    const { keysA, keysB, mask } = this;
    let i = h & mask;
    while (keysA[i] !== -1 && (keysA[i] !== a || keysB[i] !== b)) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const { keysA, keysB, values } = this;
    const cap = keysA.length * 2;
    this.keysA = new Int32Array(cap).fill(-1);
    this.keysB = new Int32Array(cap);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < keysA.length; j++) {
      if (keysA[j] === -1) continue;
      const i = this.find(keysA[j], keysB[j]);
      this.keysA[i] = keysA[j];
      this.keysB[i] = keysB[j];
      this.values[i] = values[j];
    }
  }
}
