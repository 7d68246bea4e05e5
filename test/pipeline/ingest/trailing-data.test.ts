/** What follows the data: concatenated JSON arrays, trailing text, gzip members and padding; the hash covers every byte. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatIssue, formatReport, ingestFile, UserError } from '../../../src/pipeline/ingest/index.ts';
import type { IngestIssue } from '../../../src/pipeline/ingest/types.ts';
import { scratchFiles } from './scratch.ts';

const tmpFile = scratchFiles('ingest-trailing-');

const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
const paper = (i: number) => ({ id: `p${i}`, title: `Title ${i}`, abstract: `Abstract ${i}.` });
const array = (from: number, to: number) => JSON.stringify(Array.from({ length: to - from }, (_, k) => paper(from + k)));
const jsonl = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => JSON.stringify(paper(from + k)) + '\n').join('');

async function ingest(path: string) {
  const issues: IngestIssue[] = [];
  const result = await ingestFile(path, { onIssue: (issue) => issues.push(issue) });
  return { ...result, issues };
}

describe('JSON arrays one after another', () => {
  it.each([
    ['[...][...]', `${array(0, 3)}${array(3, 5)}`],
    ['[...]\\n[...]\\n', `${array(0, 3)}\n${array(3, 5)}\n`],
    ['[...] [] [...]', `${array(0, 3)} [] ${array(3, 5)}`],
  ])('%s are read as one array, and the hash is of the whole file', async (_name, text) => {
    const path = tmpFile('concat.json', text);
    const { papers, report, issues, sha256: hash } = await ingest(path);
    expect(papers.map((p) => p.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(issues).toEqual([]);
    expect(formatReport(report)).toBe('read 5, kept 5, skipped 0; 5 undated');
    expect(hash).toBe(sha256(text));
  });

  it('other text after "]" is one trailing-content row naming its line; the rest of the file is still hashed', async () => {
    const text = `${array(0, 2)}\n\n{"id": "p9", "title": "T", "abstract": "A"}\n${'x'.repeat(3 << 20)}\n`;
    const path = tmpFile('trailing.json', text);
    const { papers, report, issues, sha256: hash } = await ingest(path);
    expect(papers.map((p) => p.id)).toEqual(['p0', 'p1']);
    expect(issues.map(formatIssue)).toEqual([
      `${path}:3: skipped (trailing-content): text after the array's closing "]" not read: {"id": "p9", "title": "T", "abstract": "A"} xxxxxxxxxxxxxxxx`,
    ]);
    expect(report.read).toBe(3);
    expect(report.skipped).toEqual({ 'trailing-content': 1 });
    expect(report.read).toBe(report.kept + 1);
    expect(hash).toBe(sha256(text));
  });

  it('a reader that gives up on an element still hashes the whole file', async () => {
    // Unterminated string: the element grows past the cap, the rest is not parsed.
    const text = `[${JSON.stringify(paper(0))}, {"title": "${'y'.repeat(65 << 20)}`;
    const { report, sha256: hash } = await ingest(tmpFile('runaway.json', text));
    expect([report.read, report.kept]).toEqual([2, 1]);
    expect(hash).toBe(sha256(text));
  }, 30_000);
});

describe('gzip', () => {
  const text = jsonl(0, 4);
  const gz = gzipSync(text);

  it('zero padding after the data is ignored with a warning, and hashed', async () => {
    const bytes = Buffer.concat([gz, Buffer.alloc(4096)]);
    const path = tmpFile('padded.gz', bytes);
    const { papers, report, sha256: hash } = await ingest(path);
    expect(papers.map((p) => p.id)).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(report.warnings).toEqual([`${path}: 4096 bytes of zero padding after the gzip data ignored`]);
    expect(hash).toBe(sha256(bytes));
  });

  it('several members (gzipped files concatenated) are read whole', async () => {
    const bytes = Buffer.concat([gzipSync(jsonl(0, 2)), gzipSync(jsonl(2, 3)), gzipSync(jsonl(3, 5))]);
    const { papers, report, sha256: hash } = await ingest(tmpFile('members.gz', bytes));
    expect(papers.map((p) => p.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(report.warnings).toEqual([]);
    expect(hash).toBe(sha256(bytes));
  });

  it('other bytes after the data: everything before them is kept, and they are named with their offset', async () => {
    // A long member, so the garbage arrives in the same zlib write as the member's end.
    const big = jsonl(0, 3000);
    const bytes = Buffer.concat([gzipSync(big), Buffer.from('GARBAGE!!')]);
    const path = tmpFile('garbage.gz', bytes);
    const { papers, report, sha256: hash } = await ingest(path);
    expect(papers.length).toBe(3000);
    expect(papers[2999]!.id).toBe('p2999');
    expect(report.warnings).toEqual([
      `${path}: 9 bytes after the gzip data (from byte ${bytes.length - 9}) are not gzip data and were not read`,
    ]);
    expect(hash).toBe(sha256(bytes));
  });

  it('zeros then garbage is garbage, not padding', async () => {
    const bytes = Buffer.concat([gz, Buffer.alloc(10), Buffer.from('xyz')]);
    const path = tmpFile('zeros-garbage.gz', bytes);
    const { report } = await ingest(path);
    expect(report.warnings).toEqual([`${path}: 13 bytes after the gzip data (from byte ${gz.length}) are not gzip data and were not read`]);
  });

  it.each([
    ['truncated', () => gz.subarray(0, gz.length - 12), 'cannot decompress gzip data (unexpected end of file)'],
    ['missing trailer', () => gz.subarray(0, gz.length - 4), 'cannot decompress gzip data (unexpected end of file)'],
    ['bad CRC', () => Buffer.concat([gz.subarray(0, gz.length - 8), Buffer.from([1, 2, 3, 4]), gz.subarray(gz.length - 4)]), 'cannot decompress gzip data (member 1 fails its CRC check)'],
  ])('%s → one-line UserError', async (_name, bytes, message) => {
    const path = tmpFile('damaged.gz', bytes());
    const error = await ingestFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(`${path}: ${message}`);
  });
});
