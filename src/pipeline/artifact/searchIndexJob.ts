/**
 * The keyword index takes tens of seconds at 150k papers but needs nothing from
 * the model, so it is built on a worker thread while the pipeline runs.
 */
import { buildSearchIndex } from '../../search/index.ts';
import { runInWorker } from '../parallel/runInWorker.ts';

/** Below this many papers a worker's start-up costs more than it saves. */
const WORKER_MIN_PAPERS = 5000;

export function startSearchIndex(texts: string[]): Promise<Uint8Array> {
  if (texts.length < WORKER_MIN_PAPERS) return Promise.resolve(buildSearchIndex(texts));
  return runInWorker<Uint8Array>(new URL('../../search/build.ts', import.meta.url), 'buildSearchIndex', [texts]);
}
