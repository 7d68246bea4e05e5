/** Bytes that are not UTF-8: a Latin-1 export is decoded as windows-1252; damaged UTF-8 is counted and named. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseEncoding } from '../../../src/pipeline/ingest/encoding.ts';
import { formatReport, ingestFile } from '../../../src/pipeline/ingest/index.ts';
import { scratchFiles } from './scratch.ts';

const tmpFile = scratchFiles('ingest-encoding-');

describe('chooseEncoding', () => {
  it.each([
    ['ASCII', Buffer.from('plain text'), 'utf-8'],
    ['UTF-8 accents', Buffer.from('café naïve'), 'utf-8'],
    ['Latin-1 accents', Buffer.from('café naïve', 'latin1'), 'windows-1252'],
    ['UTF-8 with one damaged byte', Buffer.concat([Buffer.from('café '), Buffer.from([0xe9]), Buffer.from(' x')]), 'utf-8'],
    ['overlong encoding is not valid UTF-8', Buffer.from([0x61, 0xc0, 0xaf, 0x62]), 'windows-1252'],
  ])('%s → %s', (_name, bytes, encoding) => {
    expect(chooseEncoding(bytes, true)).toBe(encoding);
  });

  it('a sequence cut by the end of a partial sample is not evidence', () => {
    expect(chooseEncoding(Buffer.from([0x61, 0x62, 0x63, 0x64, 0xc3]), false)).toBe('utf-8');
  });
});

describe('ingest', () => {
  const csv = (title: (i: number) => string) =>
    ['id,title,abstract', ...Array.from({ length: 4 }, (_, i) => `p${i},${title(i)},Abstract ${i}.`)].join('\n') + '\n';

  it('a Latin-1 CSV is read as windows-1252, with a warning, instead of turning accents into U+FFFD', async () => {
    const path = tmpFile('latin1.csv', Buffer.from(csv((i) => (i % 2 ? `Café ${i}` : `Plain ${i}`)), 'latin1'));
    const { papers, report } = await ingestFile(path);
    expect(papers.map((p) => p.title)).toEqual(['Plain 0', 'Café 1', 'Plain 2', 'Café 3']);
    expect(report.encoding).toBe('windows-1252');
    expect(report.invalidUtf8Rows).toBe(0);
    expect(report.warnings).toEqual([`${path}: not UTF-8: read as windows-1252 (re-encode the file as UTF-8 if accents look wrong)`]);
  });

  it('UTF-8 with damaged bytes: the papers holding U+FFFD are counted, the first is named, read = kept + skipped', async () => {
    // Rows 1 and 3 (lines 3 and 5) hold a lone Latin-1 é (0xE9) among UTF-8 text.
    const damaged = Buffer.from(csv((i) => (i % 2 ? `Caf@ ${i}` : `Café ${i}`))).map((b) => (b === 0x40 ? 0xe9 : b));
    const path = tmpFile('damaged.csv', Buffer.from(damaged));
    const { papers, report } = await ingestFile(path);
    expect(papers.map((p) => p.title)).toEqual(['Café 0', 'Caf\ufffd 1', 'Café 2', 'Caf\ufffd 3']);
    expect(report.encoding).toBe('utf-8');
    expect([report.invalidUtf8Rows, report.firstInvalidUtf8Line]).toEqual([2, 3]);
    expect(report.read).toBe(report.kept);
    expect(formatReport(report)).toBe(
      `read 4, kept 4, skipped 0; 4 undated; warning: ${path}:3: 2 papers have bytes that are not valid UTF-8 (shown as \ufffd); re-encode the file as UTF-8`,
    );
  });
});
