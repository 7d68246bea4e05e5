/** Worker side of parallel.ts: runs k-means restarts on a shared copy of X. */
import { parentPort, workerData } from 'node:worker_threads';
import { fastContext, runRestart, type FastContext, type KMeansPlan } from './kmeans.ts';

export interface RestartRequest {
  id: number;
  plan: KMeansPlan;
  r: number;
}

export interface RestartReply {
  id: number;
  r: number;
  labels: Int32Array;
  centroids: Float64Array;
  inertia: number;
  iterations: number;
}

const { buffer, n, d } = workerData as { buffer: SharedArrayBuffer; n: number; d: number };
const X = new Float32Array(buffer, 0, n * d);
let context: FastContext | undefined;

parentPort!.on('message', ({ id, plan, r }: RestartRequest) => {
  if (!plan.useMl) context ??= fastContext(X, n, d, plan.k);
  const run = runRestart(X, n, d, plan, r, context);
  const reply: RestartReply = { id, r, ...run };
  parentPort!.postMessage(reply, [run.labels.buffer as ArrayBuffer, run.centroids.buffer as ArrayBuffer]);
});
