/** Worker body: builds the keyword index off the main thread (see buildSearchIndexInWorker). */
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchIndex } from '../../search/index.ts';

const bytes = buildSearchIndex(workerData as string[]);
parentPort!.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
