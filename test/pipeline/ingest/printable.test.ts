import { describe, expect, it } from 'vitest';
import { printable } from '../../../src/pipeline/ingest/printable.ts';
import { formatIssue, formatReport } from '../../../src/pipeline/ingest/index.ts';
import type { IngestReport } from '../../../src/pipeline/ingest/types.ts';

describe('printable', () => {
  it('escapes terminal control sequences, C1 controls, bidi overrides and line separators', () => {
    expect(printable('\u001b]0;pwned\u0007')).toBe('\\u{1b}]0;pwned\\u{7}');
    expect(printable('\u001b[2J')).toBe('\\u{1b}[2J');
    expect(printable('a\u009bb\u202ec\u2028d\ne\u007f')).toBe('a\\u{9b}b\\u{202e}c\\u{2028}d\\u{a}e\\u{7f}');
  });

  it('leaves printable text, accents and emoji alone', () => {
    expect(printable('Café – naïve 学习 🙂 ok')).toBe('Café – naïve 学习 🙂 ok');
  });

  it('is applied to issue lines and the report line', () => {
    const issue = { file: 'x\u001b[2J.jsonl', line: 2, reason: 'duplicate' as const, detail: 'id \u001b]0;pwned\u0007 already read at line 1', skipped: true };
    expect(formatIssue(issue)).toBe('x\\u{1b}[2J.jsonl:2: skipped (duplicate): id \\u{1b}]0;pwned\\u{7} already read at line 1');
    const report: IngestReport = {
      file: 'f', format: 'csv', read: 1, kept: 1, skipped: {}, undated: 0, badDates: 0,
      encoding: 'utf-8', invalidUtf8Rows: 0, warnings: ['f:1: CSV header repeats "\u001b[31m" (columns 1 and 2)'],
    };
    expect(formatReport(report)).toBe('read 1, kept 1, skipped 0; 0 undated; warning: f:1: CSV header repeats "\\u{1b}[31m" (columns 1 and 2)');
  });
});
