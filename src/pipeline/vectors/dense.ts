/**
 * Small dense linear algebra over row-major Float64Arrays, shaped for the
 * randomised SVD: tall-skinny blocks (n × k, k ~ 110) and tiny k × k matrices.
 */

/** G (k × k, full symmetric) = Aᵀ A for A (n × k). Four rows per pass quarter the traffic on G. */
export function gram(A: Float64Array, n: number, k: number): Float64Array {
  const G = new Float64Array(k * k);
  let r = 0;
  for (; r + 3 < n; r += 4) {
    const o0 = r * k;
    const o1 = o0 + k;
    const o2 = o1 + k;
    const o3 = o2 + k;
    for (let a = 0; a < k; a++) {
      const x0 = A[o0 + a], x1 = A[o1 + a], x2 = A[o2 + a], x3 = A[o3 + a];
      const g = a * k;
      for (let b = a; b < k; b++) G[g + b] += x0 * A[o0 + b] + x1 * A[o1 + b] + x2 * A[o2 + b] + x3 * A[o3 + b];
    }
  }
  for (; r < n; r++) {
    const o = r * k;
    for (let a = 0; a < k; a++) {
      const x = A[o + a];
      const g = a * k;
      for (let b = a; b < k; b++) G[g + b] += x * A[o + b];
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) G[a * k + b] = G[b * k + a];
  return G;
}

/** Upper-triangular R with G = Rᵀ R, or null when G is not numerically positive definite. */
export function cholesky(G: Float64Array, k: number): Float64Array | null {
  const R = new Float64Array(k * k);
  let maxDiag = 0;
  for (let i = 0; i < k; i++) maxDiag = Math.max(maxDiag, G[i * k + i]);
  const floor = maxDiag * 1e-13;
  for (let j = 0; j < k; j++) {
    let d = G[j * k + j];
    for (let i = 0; i < j; i++) d -= R[i * k + j] * R[i * k + j];
    if (!(d > floor)) return null;
    const rjj = Math.sqrt(d);
    R[j * k + j] = rjj;
    for (let c = j + 1; c < k; c++) {
      let s = G[j * k + c];
      for (let i = 0; i < j; i++) s -= R[i * k + j] * R[i * k + c];
      R[j * k + c] = s / rjj;
    }
  }
  return R;
}

/** A ← A R⁻¹ in place (R upper triangular): invert R once, then one row-times-matrix per row of A. */
export function solveRightUpper(A: Float64Array, n: number, k: number, R: Float64Array): void {
  const Rinv = upperInverse(R, k);
  // Four entries of the row per pass over the output (Rinv is zero below the diagonal).
  const row = new Float64Array(k);
  for (let r = 0; r < n; r++) {
    const o = r * k;
    row.fill(0);
    let i = 0;
    for (; i + 3 < k; i += 4) {
      const a0 = A[o + i], a1 = A[o + i + 1], a2 = A[o + i + 2], a3 = A[o + i + 3];
      const g0 = i * k, g1 = g0 + k, g2 = g1 + k, g3 = g2 + k;
      for (let j = i; j < k; j++) row[j] += a0 * Rinv[g0 + j] + a1 * Rinv[g1 + j] + a2 * Rinv[g2 + j] + a3 * Rinv[g3 + j];
    }
    for (; i < k; i++) {
      const a = A[o + i];
      const g = i * k;
      for (let j = i; j < k; j++) row[j] += a * Rinv[g + j];
    }
    A.set(row, o);
  }
}

/** R⁻¹ of an upper-triangular R (k × k) by back substitution, column by column: R · Rinv = I. */
export function upperInverse(R: Float64Array, k: number): Float64Array {
  const Rinv = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    Rinv[c * k + c] = 1 / R[c * k + c];
    for (let i = c - 1; i >= 0; i--) {
      let s = 0;
      for (let j = i + 1; j <= c; j++) s += R[i * k + j] * Rinv[j * k + c];
      Rinv[i * k + c] = -s / R[i * k + i];
    }
  }
  return Rinv;
}

/**
 * Orthonormalises the columns of A (n × k) in place. CholeskyQR (twice when
 * `passes` = 2, which restores orthogonality to machine precision) costs two
 * cache-friendly sweeps over A; when A is (numerically) rank-deficient it falls
 * back to modified Gram-Schmidt with reorthogonalisation, zeroing dependent columns.
 */
export function orthonormalizeColumns(A: Float64Array, n: number, k: number, passes = 1): void {
  for (let pass = 0; pass < passes; pass++) {
    const R = cholesky(gram(A, n, k), k);
    if (R === null) {
      gramSchmidt(A, n, k);
      return;
    }
    solveRightUpper(A, n, k, R);
  }
}

function gramSchmidt(A: Float64Array, n: number, k: number): void {
  const norms0 = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let r = 0; r < n; r++) s += A[r * k + j] * A[r * k + j];
    norms0[j] = Math.sqrt(s);
  }
  const scale = Math.max(...norms0, 0);
  for (let j = 0; j < k; j++) {
    for (let twice = 0; twice < 2; twice++) {
      for (let i = 0; i < j; i++) {
        let dot = 0;
        for (let r = 0; r < n; r++) dot += A[r * k + i] * A[r * k + j];
        for (let r = 0; r < n; r++) A[r * k + j] -= dot * A[r * k + i];
      }
    }
    let s = 0;
    for (let r = 0; r < n; r++) s += A[r * k + j] * A[r * k + j];
    const norm = Math.sqrt(s);
    const f = norm > scale * 1e-10 ? 1 / norm : 0;
    for (let r = 0; r < n; r++) A[r * k + j] *= f;
  }
}

/**
 * Eigen-decomposition of a symmetric k × k matrix by cyclic Jacobi rotations.
 * Returns eigenvalues in descending order and the eigenvectors as the columns of
 * `vectors` (row-major k × k) in the same order.
 */
export function symmetricEigen(S: Float64Array, k: number, maxSweeps = 100): { values: Float64Array; vectors: Float64Array } {
  const A = Float64Array.from(S);
  const V = new Float64Array(k * k);
  for (let i = 0; i < k; i++) V[i * k + i] = 1;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < k; i++) {
      diag += A[i * k + i] * A[i * k + i];
      for (let j = i + 1; j < k; j++) off += A[i * k + j] * A[i * k + j];
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = A[p * k + q];
        if (apq === 0) continue;
        const app = A[p * k + p];
        const aqq = A[q * k + q];
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = A[r * k + p];
          const arq = A[r * k + q];
          A[r * k + p] = c * arp - s * arq;
          A[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = A[p * k + r];
          const aqr = A[q * k + r];
          A[p * k + r] = c * apr - s * aqr;
          A[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = V[r * k + p];
          const vrq = V[r * k + q];
          V[r * k + p] = c * vrp - s * vrq;
          V[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => A[b * k + b] - A[a * k + a] || a - b);
  const values = Float64Array.from(order, (i) => A[i * k + i]);
  const vectors = new Float64Array(k * k);
  for (let r = 0; r < k; r++) for (let c = 0; c < k; c++) vectors[r * k + c] = V[r * k + order[c]];
  return { values, vectors };
}
