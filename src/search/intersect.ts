/** Set operations on sorted Uint32Array postings lists. */

/** Intersection of two sorted lists; gallops through the longer one. */
export function intersectSorted(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (a.length > b.length) [a, b] = [b, a];
  const out = new Uint32Array(a.length);
  let k = 0;
  let j = 0;
  const nb = b.length;
  for (let i = 0; i < a.length && j < nb; i++) {
    const x = a[i];
    if (b[j] < x) {
      // Gallop: find a bracket [j + step/2, j + step] holding the first b >= x, then bisect.
      let step = 1;
      while (j + step < nb && b[j + step] < x) step *= 2;
      let lo = j + (step >>> 1);
      let hi = Math.min(j + step, nb);
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (b[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      j = lo;
      if (j === nb) break;
    }
    if (b[j] === x) {
      out[k++] = x;
      j++;
    }
  }
  return out.slice(0, k);
}

/** Intersection of many lists, smallest first so every step can only shrink the work. */
export function intersectAll(lists: Uint32Array[]): Uint32Array {
  if (lists.length === 0) throw new Error('intersectAll: no lists');
  const sorted = [...lists].sort((x, y) => x.length - y.length);
  let acc = sorted[0];
  for (let i = 1; i < sorted.length && acc.length > 0; i++) acc = intersectSorted(acc, sorted[i]);
  return acc;
}

/** Union of many lists of ids below n, via a mark array (linear in their total length plus n). */
export function unionAll(lists: Uint32Array[], n: number): Uint32Array {
  if (lists.length === 0) return new Uint32Array(0);
  if (lists.length === 1) return lists[0];
  const mark = new Uint8Array(n);
  let count = 0;
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      if (mark[list[i]] === 0) {
        mark[list[i]] = 1;
        count++;
      }
    }
  }
  const out = new Uint32Array(count);
  let k = 0;
  for (let i = 0; i < n; i++) if (mark[i] !== 0) out[k++] = i;
  return out;
}

/** The ids of sorted list a that are not in sorted list b. */
export function subtractSorted(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (b.length === 0) return a;
  const out = new Uint32Array(a.length);
  let k = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    while (j < b.length && b[j]! < x) j++;
    if (j === b.length || b[j] !== x) out[k++] = x;
  }
  return out.slice(0, k);
}
