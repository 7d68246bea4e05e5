/**
 * Generated malformed input (seeded, so every run sees the same bytes): the
 * reader must not crash, must report every bad line at its own line number,
 * and must keep every good line around it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../../src/pipeline/ingest/index.ts';
import type { IngestIssue, IssueReason } from '../../../src/pipeline/ingest/types.ts';
import { mulberry32 } from '../../../src/pipeline/vectors/random.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ingest-fuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


/** Bytes with no line breaks, commas or quotes; starts with 0xff so it is never blank or valid JSON. */
function junk(random: () => number): Buffer {
  const length = 1 + Math.floor(random() * 60);
  const bytes = [0xff];
  while (bytes.length < length) {
    const b = Math.floor(random() * 256);
    if (b !== 0x0a && b !== 0x0d && b !== 0x2c && b !== 0x22) bytes.push(b);
  }
  return Buffer.from(bytes);
}

interface Expected {
  line: number;
  reason: IssueReason;
}

function issueLines(issues: IngestIssue[]): Expected[] {
  return issues.map(({ line, reason }) => ({ line, reason }));
}

describe('fuzz', () => {
  it('JSONL: truncated JSON, wrong types, non-objects and binary junk', async () => {
    const random = mulberry32(20240806);
    const lines: Buffer[] = [];
    const expected: Expected[] = [];
    let good = 0;
    for (let line = 1; line <= 400; line++) {
      const record = { id: `p${line}`, title: `Title ${line}`, abstract: `Abstract of paper ${line}.`, date: '2024-05-06' };
      const json = JSON.stringify(record);
      const kind = Math.floor(random() * 8);
      let text: string | Buffer;
      if (kind === 0) {
        text = json.slice(0, 1 + Math.floor(random() * (json.length - 1))); // truncated
        expected.push({ line, reason: 'malformed' });
      } else if (kind === 1) {
        text = junk(random);
        expected.push({ line, reason: 'malformed' });
      } else if (kind === 2) {
        text = JSON.stringify({ ...record, title: random() < 0.5 ? 17 : { text: 'x' } });
        expected.push({ line, reason: 'missing-title' });
      } else if (kind === 3) {
        text = JSON.stringify({ ...record, abstract: random() < 0.5 ? ['a'] : false });
        expected.push({ line, reason: 'empty-abstract' });
      } else if (kind === 4) {
        text = JSON.stringify([[record], 1, 'two', null][Math.floor(random() * 4)]);
        expected.push({ line, reason: 'not-an-object' });
      } else if (kind === 5) {
        text = JSON.stringify({ ...record, date: random() < 0.5 ? true : '2024-13-01' });
        expected.push({ line, reason: 'bad-date' });
        good++;
      } else {
        text = json;
        good++;
      }
      lines.push(Buffer.isBuffer(text) ? text : Buffer.from(text));
    }
    const path = join(tmp, 'fuzz.jsonl');
    writeFileSync(path, Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
    const issues: IngestIssue[] = [];
    const { report, papers } = await ingestFile(path, { onIssue: (i) => issues.push(i) });
    expect(issueLines(issues)).toEqual(expected);
    expect(report.read).toBe(400);
    expect(report.kept).toBe(good);
    expect(papers.length).toBe(good);
    expect(report.read).toBe(report.kept + Object.values(report.skipped).reduce((a, b) => a + (b ?? 0), 0));
    expect(expected.length).toBeGreaterThan(150); // the generator really did generate bad lines
  });

  it('CSV: unbalanced quotes, wrong field counts and binary junk', async () => {
    const random = mulberry32(7);
    const lines: Buffer[] = [Buffer.from('id,title,abstract')];
    const expected: Expected[] = [];
    const goodLines: number[] = [];
    for (let line = 2; line <= 301; line++) {
      const kind = Math.floor(random() * 8);
      let text: string | Buffer;
      if (kind === 0) text = `u${line},"Unclosed title ${line},Abstract ${line}`; // quote opened, never closed
      else if (kind === 1) text = `s${line},Stray "quote ${line},Abstract ${line}`;
      else if (kind === 2) text = `t${line},"Closed"then text ${line},Abstract ${line}`;
      else if (kind === 3) text = `c${line},Too,many,fields ${line}`;
      else if (kind === 4) text = `f${line},Too few ${line}`;
      else if (kind === 5) text = junk(random);
      else text = `g${line},"Good, title ${line}",Good abstract ${line}`;
      if (kind <= 5) expected.push({ line, reason: 'malformed' });
      else goodLines.push(line);
      lines.push(Buffer.isBuffer(text) ? text : Buffer.from(text));
    }
    const path = join(tmp, 'fuzz.csv');
    writeFileSync(path, Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\r\n')])));
    const issues: IngestIssue[] = [];
    const { report, papers } = await ingestFile(path, { onIssue: (i) => issues.push(i) });
    expect(issueLines(issues)).toEqual(expected);
    expect(papers.map((p) => p.line)).toEqual(goodLines);
    expect(papers.every((p) => p.title === `Good, title ${p.line}`)).toBe(true);
    expect(report.read).toBe(300);
  });

  it('JSON array: bad elements between good ones', async () => {
    const random = mulberry32(99);
    const parts: string[] = [];
    const expected: Expected[] = [];
    for (let line = 2; line <= 201; line++) {
      const kind = Math.floor(random() * 5);
      if (kind === 0) parts.push('{"title": "x", "abstract": tru}');
      else if (kind === 1) parts.push(String(line));
      else if (kind === 2) parts.push(`{"title": ${line}, "abstract": "A ${line}"}`);
      else parts.push(JSON.stringify({ title: `T ${line}`, abstract: `A ${line}` }));
      if (kind < 3) expected.push({ line, reason: (['malformed', 'not-an-object', 'missing-title'] as const)[kind] });
    }
    const path = join(tmp, 'fuzz.json');
    writeFileSync(path, `[\n${parts.join(',\n')}\n]\n`);
    const issues: IngestIssue[] = [];
    const { report } = await ingestFile(path, { onIssue: (i) => issues.push(i) });
    expect(issueLines(issues)).toEqual(expected);
    expect(report.read).toBe(200);
    expect(report.kept).toBe(200 - expected.length);
  });
});
