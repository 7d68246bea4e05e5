import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fetchBytes, loadArtifact, STALL_TIMEOUT_MS, unreachable, type Fetcher } from '../../../src/app/state/loadArtifact.ts';
import { ArtifactError } from '../../../src/schema/artifact.ts';

/** A server that accepts the request and never answers (but lets the client hang up). */
const silent: Fetcher = (_url, init) =>
  new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

/** Answers at once, then sends `chunks` pieces of body `gapMs` apart, and then goes quiet if `hang`. */
function trickle(chunks: number, gapMs: number, hang: boolean): Fetcher {
  return async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(c) {
        if (sent === chunks) {
          if (hang) await new Promise(() => undefined);
          c.close();
          return;
        }
        await new Promise((r) => setTimeout(r, gapMs));
        c.enqueue(Uint8Array.of(sent++));
      },
    });
    return new Response(body);
  };
}

describe('a stalled load', () => {
  it('waits 30 s by default', () => {
    expect(STALL_TIMEOUT_MS).toBe(30_000);
  });

  it('names what did not arrive and from where when the server never answers', async () => {
    const t0 = performance.now();
    await expect(loadArtifact('http://host/a/', silent, 60)).rejects.toThrow(
      new ArtifactError(
        'The artifact manifest (http://host/a/manifest.json) did not arrive: nothing was received for 0.06 s; check that the server holding the artifact is running, then reload',
      ),
    );
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('gives up when the body stops arriving', async () => {
    await expect(fetchBytes(trickle(2, 5, true), 'http://host/x.bin', 'Column x', 60)).rejects.toThrow(
      'Column x (http://host/x.bin) did not arrive: nothing was received for 0.06 s',
    );
  });

  it('keeps a slow but steady download going past the stall time', async () => {
    // 8 pieces 20 ms apart: 160 ms in all, never 60 ms without a byte.
    expect(Array.from(await fetchBytes(trickle(8, 20, false), 'http://host/x.bin', 'Column x', 60))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('loadArtifact on a real artifact', () => {
  const ROOT = resolve(import.meta.dirname, '../../..');
  const dir = mkdtempSync(join(tmpdir(), 'atlas-load-'));
  let manifest: { columns: Record<string, { file: string }> };
  beforeAll(() => {
    const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/preprocess.ts'), '--input', 'data/papers.jsonl', '--out', dir, '--quiet'], { cwd: ROOT });
    expect(r.status).toBe(0);
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  });
  /** Serves the artifact from disk, with the day column passed through `editDay`. */
  const fromDisk =
    (editDay: (day: Int32Array) => void = () => undefined): Fetcher =>
    async (url) => {
      const bytes = new Uint8Array(readFileSync(join(dir, url.replace('disk://a/', ''))));
      if (url.endsWith(manifest.columns.day!.file)) editDay(new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
      return new Response(bytes);
    };

  it('loads the columns as stored', async () => {
    const a = await loadArtifact('disk://a', fromDisk());
    expect(a.n).toBe(74);
    expect(a.implausibleDays).toBe(0);
    expect(Array.from(a.datePrecision).every((p) => p > 0)).toBe(true);
    expect(a.levels).toHaveLength(3);
  });

  it('shows a paper dated outside the years 1000..9999 as undated, and counts it', async () => {
    const a = await loadArtifact(
      'disk://a',
      fromDisk((day) => {
        day[0] = 2 ** 31 - 1;
        day[5] = -(2 ** 31);
      }),
    );
    expect(a.implausibleDays).toBe(2);
    expect(a.datePrecision[0]).toBe(0);
    expect(a.datePrecision[5]).toBe(0);
    expect(a.datePrecision[1]).toBeGreaterThan(0);
  });
});

describe('unreachable', () => {
  it('names the other host and the CORS header for a URL on another origin', () => {
    expect(unreachable('https://data.example.org/atlas/manifest.json', 'https://me.example.com')).toBe(
      'data.example.org did not answer, or answered without a CORS header (Access-Control-Allow-Origin) letting this page read it; ' +
        'serve the artifact from me.example.com, or add that header on data.example.org',
    );
  });

  it('says the server is down for a URL on the page’s own origin, relative or not', () => {
    const down = 'the server did not answer; check that it is still running, then reload';
    expect(unreachable('./artifact/manifest.json', 'http://localhost:5173')).toBe(down);
    expect(unreachable('http://localhost:5173/a/manifest.json', 'http://localhost:5173')).toBe(down);
  });
});
