/**
 * Stopping `npm run preprocess` must stop the writer. npm forwards SIGINT and
 * SIGTERM to the process it started (the npm scripts `exec` node, so that is
 * the writer itself), but nothing forwards SIGKILL, and when a script runs
 * through a shell that does not exec (`npm start`: preprocess && vite), the
 * shell dies and leaves node running. Node cannot ask the kernel for a
 * parent-death signal, so a run started by npm watches its parent: once it is
 * re-parented, nobody waits for it, and it stops without committing.
 *
 * The watch runs on its own thread: the pipeline's stages are long synchronous
 * loops, during which no timer of the main thread fires.
 */
import { Worker } from 'node:worker_threads';

export interface ParentWatch {
  /** True once the process that started this run is gone. */
  orphaned(): boolean;
  stop(): Promise<void>;
}

const POLL_MS = 200;

// Eval'd workers are CommonJS. On the parent's death: one line on stderr, then SIGTERM to the
// whole process, whose default action ends it at once, whatever the main thread is doing.
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
setInterval(() => {
  if (process.ppid === workerData.parent && !workerData.adopted) return;
  try { writeSync(2, workerData.message); } catch {}
  process.kill(process.pid, 'SIGTERM');
}, ${POLL_MS});
`;

/**
 * Watches `parent` (the parent pid read as early as the entry script could)
 * when this run was started by npm (`npm_lifecycle_event` is set); a run
 * started from a shell or by `nohup` is left alone, since outliving its parent
 * is what the user asked of it.
 */
export function watchParent(parent: number = process.ppid, env: NodeJS.ProcessEnv = process.env): ParentWatch {
  if (!env.npm_lifecycle_event) return { orphaned: () => false, stop: async () => {} };
  // Adopted by init before even the entry script ran: npm is gone already.
  const adopted = parent === 1;
  const worker = new Worker(WATCHDOG, {
    eval: true,
    // Plain node: the tsx loader that --import gives workers needs the (busy) main thread to start.
    execArgv: [],
    workerData: { parent, adopted, message: 'stopped: npm, which started this run, is gone; the artifact was left as it was\n' },
  });
  worker.unref();
  return {
    orphaned: () => adopted || process.ppid !== parent,
    stop: async () => {
      await worker.terminate();
    },
  };
}
