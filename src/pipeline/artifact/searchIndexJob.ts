/**
 * The keyword index takes tens of seconds at 150k papers but needs nothing from
 * the model, so it is built on the second core while the main thread runs
 * LSA, k-means and UMAP (single-threaded by design, for determinism).
 */
import { Worker } from 'node:worker_threads';
import { buildSearchIndex } from '../../search/index.ts';

/** Below this many papers a worker's start-up costs more than it saves. */
const WORKER_MIN_PAPERS = 5000;

export function startSearchIndex(texts: string[]): Promise<Uint8Array> {
  if (texts.length < WORKER_MIN_PAPERS) return Promise.resolve(buildSearchIndex(texts));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./searchWorker.mjs', import.meta.url), { workerData: texts });
    worker.once('message', (bytes: Uint8Array) => {
      resolve(bytes);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`search index worker exited with code ${code}`));
    });
  });
}
