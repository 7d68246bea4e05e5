/**
 * Runs one exported function of a pipeline module on a worker thread. The
 * machine we target has two cores and the heaviest stages (kNN + UMAP) are
 * single-threaded by design, for determinism; independent stages (k-means, the
 * keyword index) run beside them. Each task is deterministic on its own, so
 * results never depend on scheduling.
 */
import { Worker } from 'node:worker_threads';

export function runInWorker<T>(module: URL, fn: string, args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./taskWorker.mjs', import.meta.url), {
      workerData: { module: module.href, fn, args },
    });
    let settled = false;
    worker.once('message', (result: T) => {
      settled = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`worker for ${fn} exited with code ${code}`));
    });
  });
}
