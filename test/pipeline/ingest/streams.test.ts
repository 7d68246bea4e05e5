/** Input that is a stream, not a regular file: a named pipe, /dev/stdin, "-" for stdin. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../../src/pipeline/ingest/index.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'ingest-streams-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const text = ['{"id": "a", "title": "T1", "abstract": "A1."}', '{"id": "b", "title": "T2", "abstract": "A2."}', ''].join('\n');

/** Ingest through a tsx child whose stdin is `input`, printing the result as JSON. */
function ingestStdin(path: string, input: string) {
  const script = `import { ingestFile } from ${JSON.stringify(join(ROOT, 'src/pipeline/ingest/index.ts'))};
    const progress = [];
    ingestFile(${JSON.stringify(path)}, { onProgress: (read, total) => progress.push([read, total]) }).then(
      (r) => console.log(JSON.stringify({ ids: r.papers.map((p) => p.id), sha256: r.sha256, file: r.report.file, progress: progress.at(-1) })),
      (e) => console.log(JSON.stringify({ error: e.message, name: e.name })));`;
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['--input-type=module', '-e', script], { input, encoding: 'utf8', cwd: ROOT });
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('streams', () => {
  it('reads a named pipe, hashing all bytes; progress has no total', async () => {
    const fifo = join(tmp, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const progress: [number, number][] = [];
    const reading = ingestFile(fifo, { onProgress: (read, total) => progress.push([read, total]) });
    const writer = createWriteStream(fifo);
    writer.end(text);
    const { papers, sha256 } = await reading;
    expect(papers.map((p) => p.id)).toEqual(['a', 'b']);
    expect(sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(progress.at(-1)).toEqual([Buffer.byteLength(text), 0]);
  });

  it.each(['-', '/dev/stdin'])('reads stdin as %s', (path) => {
    expect(ingestStdin(path, text)).toEqual({
      ids: ['a', 'b'],
      sha256: createHash('sha256').update(text).digest('hex'),
      file: path === '-' ? 'stdin' : path,
      progress: [Buffer.byteLength(text), 0],
    });
  });

  it('an empty stdin is the one-line "file is empty" error', () => {
    expect(ingestStdin('-', '')).toEqual({ error: 'stdin: file is empty', name: 'UserError' });
  });
});
