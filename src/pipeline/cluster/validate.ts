/** Boundary checks: fail early with a message that names what is wrong. */

export function checkMatrix(X: Float32Array, n: number, d: number, where: string): void {
  if (!(X instanceof Float32Array)) throw new TypeError(`${where}: X must be a Float32Array`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${where}: n must be a positive integer, got ${n}`);
  if (!Number.isInteger(d) || d < 1) throw new RangeError(`${where}: d must be a positive integer, got ${d}`);
  if (X.length !== n * d) {
    throw new RangeError(`${where}: X has ${X.length} values, expected n × d = ${n} × ${d} = ${n * d}`);
  }
  for (let i = 0; i < X.length; i++) {
    if (!Number.isFinite(X[i])) {
      throw new RangeError(`${where}: X[${i}] (row ${Math.floor(i / d)}, column ${i % d}) is ${X[i]}`);
    }
  }
}

export function checkK(k: number, n: number, where: string): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`${where}: k must be a positive integer, got ${k}`);
  if (k > n) throw new RangeError(`${where}: k = ${k} exceeds the number of rows n = ${n}`);
}

export function checkLabels(labels: Int32Array, n: number, k: number, where: string): void {
  if (labels.length !== n) throw new RangeError(`${where}: labels has length ${labels.length}, expected n = ${n}`);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (c < 0 || c >= k) throw new RangeError(`${where}: labels[${i}] = ${c} is outside [0, ${k})`);
  }
}
