/**
 * One helper thread for the SVD's row-parallel loops, driven synchronously.
 *
 * Work is always cut into the same two parts (fixed row ranges); the main thread
 * computes part 0 while the helper computes part 1, and waits on an Atomics flag.
 * Without a helper (one core, a small input, or a helper that failed to start),
 * the main thread computes both parts: the bytes are the same either way.
 *
 * The helper runs the kernels' own source text (kernels.ts) as an eval'd worker,
 * so it needs no TypeScript loader: it works the same under tsx, vitest and node.
 * Every array handed to it must live on a SharedArrayBuffer.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { gramRows, rightMultiplyRows, spmmRows } from './kernels.ts';

const KERNELS = { spmmRows, gramRows, rightMultiplyRows };
type KernelName = keyof typeof KERNELS;

const IDLE = 0;
const BUSY = 1;
const DONE = 2;
const FAILED = 3;
const STARTUP_TIMEOUT_MS = 15_000;

function workerSource(): string {
  const kernels = Object.values(KERNELS).map((f) => f.toString()).join('\n');
  return `'use strict';
const { parentPort, workerData } = require('node:worker_threads');
var __name = (f) => f; // esbuild's keepNames helper, should the source carry it
${kernels}
const kernels = { spmmRows, gramRows, rightMultiplyRows };
const control = new Int32Array(workerData.control);
parentPort.on('message', (job) => {
  let state = ${DONE};
  try {
    kernels[job.kernel](...job.args);
  } catch (error) {
    state = ${FAILED};
  }
  Atomics.store(control, 0, state);
  Atomics.notify(control, 0);
});
Atomics.store(control, 1, 1);
Atomics.notify(control, 1);
`;
}

export class RowParallel {
  private worker: Worker | null = null;
  private readonly control = new Int32Array(new SharedArrayBuffer(8));
  private ready = false;
  /** Parts the helper computed (for tests and diagnostics). */
  helperParts = 0;

  /** Starts the helper when `threads` >= 2 (it loads while the caller keeps working). */
  constructor(threads: number) {
    if (threads < 2) return;
    try {
      this.worker = new Worker(workerSource(), { eval: true, workerData: { control: this.control.buffer } });
      this.worker.unref();
      this.worker.on('error', () => undefined); // a failed helper falls back to the main thread
    } catch {
      this.worker = null;
    }
  }

  /** Runs kernel(...args(part)) for parts 0 and 1; returns when both are done. */
  run<K extends KernelName>(kernel: K, args: (part: 0 | 1) => Parameters<(typeof KERNELS)[K]>): void {
    const f = KERNELS[kernel] as (...a: unknown[]) => void;
    const helper = this.helper();
    if (helper === null) {
      f(...args(0));
      f(...args(1));
      return;
    }
    Atomics.store(this.control, 0, BUSY);
    helper.postMessage({ kernel, args: args(1) });
    f(...args(0));
    while (Atomics.load(this.control, 0) === BUSY) Atomics.wait(this.control, 0, BUSY, 1000);
    if (Atomics.load(this.control, 0) !== DONE) {
      this.close();
      f(...args(1));
    } else {
      this.helperParts++;
    }
    Atomics.store(this.control, 0, IDLE);
  }

  private helper(): Worker | null {
    if (this.worker === null || this.ready) return this.worker;
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    while (Atomics.load(this.control, 1) === 0 && Date.now() < deadline) Atomics.wait(this.control, 1, 0, 100);
    if (Atomics.load(this.control, 1) === 0) this.close();
    else this.ready = true;
    return this.worker;
  }

  close(): void {
    void this.worker?.terminate();
    this.worker = null;
  }
}

/** Threads worth using for `work` multiply-adds per product: 2 on a multi-core machine for large inputs. */
export function defaultThreads(work: number): number {
  return work >= 50_000_000 && availableParallelism() >= 2 ? 2 : 1;
}

export const sharedF32 = (length: number): Float32Array => new Float32Array(new SharedArrayBuffer(length * 4));
export const sharedF64 = (length: number): Float64Array => new Float64Array(new SharedArrayBuffer(length * 8));
export const sharedI32 = (length: number): Int32Array => new Int32Array(new SharedArrayBuffer(length * 4));

/** The array itself when it lives on a SharedArrayBuffer, else a shared copy. */
export function asShared<T extends Int32Array | Float32Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const copy = (a instanceof Int32Array ? sharedI32(a.length) : sharedF32(a.length)) as T;
  copy.set(a);
  return copy;
}
