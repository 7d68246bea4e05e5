import { it, expect } from 'vitest';
import { startSearchIndex } from '../../../src/pipeline/artifact/searchIndexJob.ts';
import { buildSearchIndex } from '../../../src/search/index.ts';

it('builds the same index bytes in a worker thread as on the main thread', async () => {
  const texts = Array.from({ length: 6000 }, (_, i) => `paper ${i} about agents and language models ${i % 13}`);
  const inWorker = await startSearchIndex(texts);
  expect(Buffer.compare(Buffer.from(inWorker), Buffer.from(buildSearchIndex(texts)))).toBe(0);
});
