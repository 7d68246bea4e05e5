/** Daily Papers pages where an abstract is short: pairing must not drop or shift papers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport, ingestFile } from '../../../src/pipeline/ingest/index.ts';
import { scratchFiles } from './scratch.ts';

const tmpFile = scratchFiles('ingest-daily-');

const long = (n: number) => `Abstract ${n} is long enough to be an abstract. `.repeat(5).trim();
const CHROME = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'Daily Papers', 'Aug 6'];

describe('Daily Papers: a short abstract', () => {
  it('stays with its title; the papers around it keep theirs', async () => {
    const short = 'We show a short result in one sentence.';
    const page = [...CHROME, 'Title One', long(1), 'Title Two', short, 'Title Three', long(3), 'Title Four?', long(4)].join('\n\n') + '\n';
    const { papers, report } = await ingestFile(tmpFile('short.txt', page));
    expect(papers.map((p) => [p.title, p.abstract])).toEqual([
      ['Title One', long(1)],
      ['Title Two', short],
      ['Title Three', long(3)],
      ['Title Four?', long(4)],
    ]);
    expect(report.ignored).toBe(5);
    expect(report.warnings).toEqual([]);
  });

  it('on the real seed page, one abstract cut short still gives 74 papers with their own abstracts', async () => {
    const paragraphs = readFileSync('/work/shared/data/seed-daily-papers-page.txt', 'utf8').split('\n\n');
    // Paper 4 (0-based 3): title paragraph 12, abstract paragraph 13.
    const short = 'Skills are extracted from job ads with negative sampling, which improves recall.';
    paragraphs[13] = short;
    const { papers, report } = await ingestFile(tmpFile('seed-short.txt', paragraphs.join('\n\n')));
    expect(papers.length).toBe(74);
    expect(papers[3]!.title).toBe(paragraphs[12]);
    expect(papers[3]!.abstract).toBe(short);
    expect(papers[4]!.title).toBe(paragraphs[14]);
    expect(papers[4]!.abstract).toBe(paragraphs[15]!.replace(/\s+/g, ' ').trim());
    expect(formatReport(report)).toBe('read 74, kept 74, skipped 0; 74 undated; 6 non-paper paragraphs ignored');
  });

  it('a short paragraph that is not prose is not taken for an abstract, and the gap between papers is warned about', async () => {
    const page = [...CHROME, 'Title One', long(1), 'Title Two', 'Code and data', 'Title Three', long(3)].join('\n\n');
    const path = tmpFile('gap.txt', page);
    const { papers, report } = await ingestFile(path);
    expect(papers.map((p) => p.title)).toEqual(['Title One', 'Title Three']);
    expect(report.ignored).toBe(7);
    // "Title Two" is paragraph 8, at line 15 (one blank line between paragraphs).
    expect(report.warnings).toEqual([
      `${path}:15: 2 paragraphs between papers not read as papers (a title whose abstract is too short to recognise?)`,
    ]);
  });

  it('a title ending in "?" followed by its abstract is a title, not a short abstract of the paragraph before', async () => {
    const page = [...CHROME, 'Title One', long(1), 'Footer-ish text here.', 'Can Models Learn Skills From Examples Alone?', long(2)].join('\n\n');
    const { papers } = await ingestFile(tmpFile('question.txt', page));
    expect(papers.map((p) => p.title)).toEqual(['Title One', 'Can Models Learn Skills From Examples Alone?']);
  });
});
