// Worker entry for runInWorker: Node 20 does not apply the parent's TypeScript
// loader to a worker's entry file, so register tsx here, then call the task.
import { register } from 'tsx/esm/api';
import { parentPort, workerData } from 'node:worker_threads';

register();
const { module, fn, args } = workerData;
const result = await (await import(module))[fn](...args);
const transfer = [];
const collect = (v, depth) => {
  if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) {
    if (!transfer.includes(v.buffer)) transfer.push(v.buffer);
  } else if (v && typeof v === 'object' && depth < 4) {
    for (const x of Object.values(v)) collect(x, depth + 1);
  }
};
collect(result, 0);
parentPort.postMessage(result, transfer);
