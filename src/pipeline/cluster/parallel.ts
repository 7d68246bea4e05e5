/**
 * k-means restarts spread over worker threads. Each restart is a pure function
 * of (X, plan, restart index), and the winner is picked by (inertia, index), so
 * the result is byte-identical to `kmeans()` whatever the scheduling — or if
 * the workers cannot start (e.g. under a test runner), in which case the main
 * thread runs everything.
 *
 * Pays at dashboard scale: 150k × 100, k = 30, 5 restarts is ~6.7 s of CPU,
 * split 3 + 2 restarts over the two cores (bench/stages/kmeans.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { fastContext, type FastContext, meanFeatureVariance, pickBest, planKMeans, relabelBySize, runRestart, type KMeansEngine } from './kmeans.ts';
import type { LloydResult } from './lloyd.ts';
import type { RestartReply, RestartRequest } from './restartWorker.ts';
import type { KMeansOptions, KMeansResult } from './types.ts';

/** Below this n·k·d a run takes well under the ~0.3 s a worker needs to start. */
export const PARALLEL_MIN_WORK = 30_000_000;

export interface KMeansPool {
  /** Threads in use, the calling one included (1 = workers unavailable or not needed). */
  readonly threads: number;
  kmeans(k: number, options: KMeansOptions & { engine?: KMeansEngine }): Promise<KMeansResult>;
  close(): Promise<void>;
}

export function defaultThreads(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/** A pool for several k-means calls on the same X (e.g. the three granularity levels). */
export function createKMeansPool(X: Float32Array, n: number, d: number, options: { threads?: number } = {}): KMeansPool {
  const wanted = options.threads ?? defaultThreads();
  const variance = meanFeatureVariance(X, n, d);
  let context: FastContext | null = null;
  const workers: Worker[] = [];
  const dead = new Set<Worker>();
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: LloydResult) => void; reject: (e: unknown) => void }>();
  let started = false;
  // Workers start on the first call big enough to use them.
  const ensureWorkers = (): void => {
    if (started) return;
    started = true;
    const shared = toShared(X);
    for (let w = 1; w < wanted; w++) {
      const worker = startWorker({ buffer: shared.buffer as SharedArrayBuffer, n, d });
      if (!worker) break;
      worker.unref();
      worker.on('message', (m: RestartReply) => {
        const p = pending.get(m.id);
        pending.delete(m.id);
        p?.resolve({ labels: m.labels, centroids: m.centroids, inertia: m.inertia, iterations: m.iterations });
      });
      worker.on('error', (e) => {
        dead.add(worker);
        for (const p of pending.values()) p.reject(e);
        pending.clear();
      });
      workers.push(worker);
    }
  };

  const runHere = (plan: ReturnType<typeof planKMeans>, r: number): LloydResult => {
    if (!plan.useMl) context ??= fastContext(X, n, d, plan.k);
    return runRestart(X, n, d, plan, r, context ?? undefined);
  };

  return {
    get threads() {
      return 1 + workers.length - dead.size;
    },
    async kmeans(k, kmOptions) {
      const plan = planKMeans(X, n, d, k, kmOptions, variance);
      if (wanted > 1 && !plan.useMl && plan.restarts > 1 && n * k * d >= PARALLEL_MIN_WORK) ensureWorkers();
      const live = workers.filter((w) => !dead.has(w));
      const spread = !plan.useMl && plan.restarts > 1 && live.length > 0 && n * k * d >= PARALLEL_MIN_WORK;
      const slots = spread ? live.length + 1 : 1;
      const remote: Array<Promise<LloydResult> | null> = plan.runSeeds.map((_, r) => {
        const slot = r % slots;
        if (slot === 0) return null;
        const id = nextId++;
        const request: RestartRequest = { id, plan, r };
        return new Promise<LloydResult>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          live[slot - 1].postMessage(request);
        });
      });
      const runs: LloydResult[] = new Array(plan.restarts);
      // This thread's share first, while the workers compute theirs.
      plan.runSeeds.forEach((_, r) => {
        if (remote[r] === null) runs[r] = runHere(plan, r);
      });
      for (let r = 0; r < plan.restarts; r++) {
        const job = remote[r];
        if (job === null) continue;
        try {
          runs[r] = await job;
        } catch {
          runs[r] = runHere(plan, r); // a worker died: same result, computed here
        }
      }
      return relabelBySize(pickBest(runs), n, d, k);
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** `kmeans()` with restarts spread over threads; same result. */
export async function kmeansParallel(
  X: Float32Array,
  n: number,
  d: number,
  k: number,
  options: KMeansOptions & { engine?: KMeansEngine; threads?: number },
): Promise<KMeansResult> {
  const pool = createKMeansPool(X, n, d, { threads: options.threads });
  try {
    return await pool.kmeans(k, options);
  } finally {
    await pool.close();
  }
}

function toShared(X: Float32Array): Float32Array {
  if (X.buffer instanceof SharedArrayBuffer) return X;
  const copy = new Float32Array(new SharedArrayBuffer(X.byteLength));
  copy.set(X);
  return copy;
}

/**
 * Starts restartWorker. From TypeScript sources (tsx), the worker first
 * registers tsx's loader, which workers do not inherit. Returns null when that
 * is impossible (e.g. inside a test runner that transforms modules itself).
 */
function startWorker(workerData: { buffer: SharedArrayBuffer; n: number; d: number }): Worker | null {
  try {
    const fromSource = import.meta.url.endsWith('.ts');
    const entry = new URL(fromSource ? './restartWorker.ts' : './restartWorker.js', import.meta.url);
    if (!fromSource) return new Worker(entry, { workerData });
    if (typeof import.meta.resolve !== 'function' || process.env.VITEST) return null;
    const api = import.meta.resolve('tsx/esm/api');
    const boot = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
    return new Worker(boot, { eval: true, workerData });
  } catch {
    return null;
  }
}
