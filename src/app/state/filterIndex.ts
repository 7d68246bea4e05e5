/**
 * The resolved crossfilter, kept in one place for every view. Instead of one
 * AND-ed mask per view (n bytes and a pass over n each, per clause change), it
 * keeps one byte per paper with a bit per clause the paper *fails*, and a
 * histogram of (cluster, fail bits). From those, any view's crossfilter answer
 * — "passes every clause but mine", papers per cluster, papers passing — is a
 * bit test or a sum over at most 16 cells per cluster.
 *
 * A clause change rewrites only the changed source's bit and rebuilds the
 * histogram, fused into one pass over n when a single source changed (the
 * keystroke and brush case). No n-sized allocation after construction.
 */
import type { Clause, ClauseSource } from './crossfilter.ts';

export const SOURCE_BIT: Readonly<Record<ClauseSource, number>> = { keyword: 1, cluster: 2, time: 4, map: 8 };
const SOURCES = Object.keys(SOURCE_BIT) as ClauseSource[];
const PATTERNS = 16;

/** Fail bits that matter to a view that ignores its own clause (`except`). */
export function failMaskExcept(...except: (ClauseSource | undefined)[]): number {
  let m = PATTERNS - 1;
  for (const s of except) if (s) m &= ~SOURCE_BIT[s];
  return m;
}

export class FilterIndex {
  readonly n: number;
  readonly k: number;
  readonly labels: Uint16Array;
  /** Per paper: bit SOURCE_BIT[s] set = the paper fails the clause of s. */
  readonly fails: Uint8Array;
  /** hist[c * 16 + bits] = papers of cluster c with exactly these fail bits. */
  readonly hist: Int32Array;
  /** Sources with a clause, as bits. */
  active = 0;
  /** Bumped by every update that changed something. */
  version = 0;
  #applied = new Map<ClauseSource, Uint8Array>();

  constructor(labels: Uint16Array, k: number) {
    this.n = labels.length;
    this.k = k;
    this.labels = labels;
    this.fails = new Uint8Array(this.n);
    this.hist = new Int32Array(k * PATTERNS);
    this.#rebuildHistogram();
  }

  /** Brings the bits in line with `clauses`; returns whether anything changed. */
  update(clauses: readonly Clause[]): boolean {
    const changed: { bit: number; mask: Uint8Array | null }[] = [];
    for (const s of SOURCES) {
      const mask = clauses.find((c) => c.source === s)?.mask ?? null;
      if (mask !== null && mask.length !== this.n) {
        throw new RangeError(`FilterIndex: the ${s} clause has ${mask.length} entries, expected ${this.n}`);
      }
      if ((this.#applied.get(s) ?? null) === mask) continue;
      changed.push({ bit: SOURCE_BIT[s], mask });
      if (mask) this.#applied.set(s, mask);
      else this.#applied.delete(s);
    }
    if (changed.length === 0) return false;
    this.active = 0;
    for (const s of this.#applied.keys()) this.active |= SOURCE_BIT[s];
    if (changed.length === 1) this.#rewriteBitAndCount(changed[0]!.bit, changed[0]!.mask);
    else {
      for (const c of changed) this.#rewriteBit(c.bit, c.mask);
      this.#rebuildHistogram();
    }
    this.version++;
    return true;
  }

  /** Whether paper i passes every clause but `except`'s. */
  passes(i: number, except?: ClauseSource): boolean {
    return (this.fails[i]! & failMaskExcept(except)) === 0;
  }

  /** True when some clause other than `except`'s is active. */
  filters(except?: ClauseSource): boolean {
    return (this.active & failMaskExcept(except)) !== 0;
  }

  /** Papers per cluster passing every clause but `except`'s. */
  clusterCounts(except?: ClauseSource, out: Int32Array = new Int32Array(this.k)): Int32Array {
    const m = failMaskExcept(except);
    const h = this.hist;
    for (let c = 0; c < this.k; c++) {
      let s = 0;
      for (let p = 0; p < PATTERNS; p++) if ((p & m) === 0) s += h[c * PATTERNS + p]!;
      out[c] = s;
    }
    return out;
  }

  /** Papers passing every clause but `except`'s (papers whose label is outside [0, k) count too). */
  countPassing(except?: ClauseSource): number {
    if (!this.filters(except)) return this.n;
    const counts = this.clusterCounts(except);
    let s = this.#outside(failMaskExcept(except));
    for (let c = 0; c < this.k; c++) s += counts[c]!;
    return s;
  }

  /** 1 = passes every clause but `except`'s; null when nothing filters. Into `out` when given. */
  maskFor(except?: ClauseSource, out?: Uint8Array): Uint8Array | null {
    const m = failMaskExcept(except);
    if ((this.active & m) === 0) return null;
    const mask = out && out.length === this.n ? out : new Uint8Array(this.n);
    const f = this.fails;
    for (let i = 0; i < this.n; i++) mask[i] = (f[i]! & m) === 0 ? 1 : 0;
    return mask;
  }

  #outsideCounts = new Int32Array(PATTERNS);
  #outside(m: number): number {
    let s = 0;
    for (let p = 0; p < PATTERNS; p++) if ((p & m) === 0) s += this.#outsideCounts[p]!;
    return s;
  }

  #rewriteBit(bit: number, mask: Uint8Array | null): void {
    const f = this.fails;
    const keep = ~bit & 0xff;
    if (mask === null) {
      for (let i = 0; i < this.n; i++) f[i]! &= keep;
      return;
    }
    for (let i = 0; i < this.n; i++) f[i] = (f[i]! & keep) | (mask[i] ? 0 : bit);
  }

  #rewriteBitAndCount(bit: number, mask: Uint8Array | null): void {
    const { fails: f, labels, hist: h, k } = this;
    const outside = this.#outsideCounts;
    h.fill(0);
    outside.fill(0);
    const keep = ~bit & 0xff;
    for (let i = 0; i < this.n; i++) {
      const v = mask === null ? f[i]! & keep : (f[i]! & keep) | (mask[i] ? 0 : bit);
      f[i] = v;
      const c = labels[i]!;
      if (c < k) h[c * PATTERNS + v]!++;
      else outside[v]!++;
    }
  }

  #rebuildHistogram(): void {
    const { fails: f, labels, hist: h, k } = this;
    const outside = this.#outsideCounts;
    h.fill(0);
    outside.fill(0);
    for (let i = 0; i < this.n; i++) {
      const c = labels[i]!;
      if (c < k) h[c * PATTERNS + f[i]!]!++;
      else outside[f[i]!]!++;
    }
  }
}
