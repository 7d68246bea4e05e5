// Worker entry: Node 20 does not apply the parent's TypeScript loader to a
// worker's entry file, so register tsx here, then run the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('./searchWorker.ts');
