/** The project's real input files (read-only, under /work/shared/data). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentId, formatReport, ingestFile } from '../../../src/pipeline/ingest/index.ts';

const DATA = '/work/shared/data';

interface JsonPaper {
  id: string;
  title: string;
  abstract: string;
  date: string;
  label?: string;
}

function readJsonl(path: string): JsonPaper[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as JsonPaper);
}

describe('real files', () => {
  it('seed Daily Papers page → exactly the 74 papers of seed-papers.jsonl, page chrome counted', async () => {
    const { papers, report } = await ingestFile(`${DATA}/seed-daily-papers-page.txt`);
    const seed = readJsonl(`${DATA}/seed-papers.jsonl`);
    expect(report.format).toBe('daily-papers');
    expect(formatReport(report)).toBe('read 74, kept 74, skipped 0; 74 undated; 6 non-paper paragraphs ignored');
    expect(papers.map((p) => p.title)).toEqual(seed.map((p) => p.title));
    expect(papers.map((p) => p.abstract)).toEqual(seed.map((p) => p.abstract));
    expect(papers.every((p) => p.date === null && /^noid-[0-9a-f]{16}$/.test(p.id))).toBe(true);
    expect(new Set(papers.map((p) => p.id)).size).toBe(74);
    expect(papers[0]).toMatchObject({ id: contentId(papers[0]!.title, papers[0]!.abstract), line: 13, title: 'Task-Specific Skill Localization in Fine-tuned Language Models' });
  });

  it('seed-papers.jsonl → 74 papers, all dated (27 by day, 47 by month)', async () => {
    const { papers, report } = await ingestFile(`${DATA}/seed-papers.jsonl`);
    expect(formatReport(report)).toBe('read 74, kept 74, skipped 0; 0 undated');
    expect(papers.filter((p) => p.date?.length === 10).length).toBe(27);
    expect(papers.filter((p) => p.date?.length === 7).length).toBe(47);
    expect(papers.find((p) => p.id === '2310.04965')?.date).toBe('2023-10');
  });

  it('Kaggle CSV export → 2000 rows with repaired ids and first-version dates, equal to the labelled corpus', async () => {
    const { papers, report, sha256 } = await ingestFile(`${DATA}/arxiv-kaggle-export.csv`);
    expect(report.format).toBe('csv');
    expect(formatReport(report)).toBe('read 2000, kept 2000, skipped 0; 0 undated');
    expect(papers[0]).toMatchObject({ id: '0704.0001', date: '2007-04-02', label: 'hep-ph', categories: ['hep-ph'] });
    expect(papers[0].title).toBe('Calculation of prompt diphoton production cross sections at Tevatron and LHC energies');
    expect(papers[9].id).toBe('0704.0010');
    expect(papers[1999].id).toBe('0704.2000');
    expect(new Set(papers.map((p) => p.id)).size).toBe(2000);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);

    // arxiv-labelled-archives-2k.jsonl was derived from this CSV by the same rules.
    const labelled = readJsonl(`${DATA}/arxiv-labelled-archives-2k.jsonl`);
    const project = (p: JsonPaper | (typeof papers)[number]) => [p.id, p.title, p.abstract, p.date, p.label];
    expect(papers.map(project)).toEqual(labelled.map(project));
  });

  it('arXiv snapshot sample → 200 papers dated by versions[0].created, abstracts collapsed', async () => {
    const { papers, report } = await ingestFile(`${DATA}/arxiv-snapshot-sample.jsonl`);
    expect(report.format).toBe('arxiv-snapshot');
    expect(formatReport(report)).toBe('read 200, kept 200, skipped 0; 0 undated');
    expect(papers[0]).toMatchObject({ id: '0704.0001', date: '2007-04-02', label: 'hep-ph' });
    expect(papers[0].abstract.startsWith('A fully differential calculation in perturbative quantum chromodynamics is presented')).toBe(true);
    expect(papers.some((p) => /\s{2}|\n/.test(p.abstract) || p.abstract !== p.abstract.trim())).toBe(false);
    const labelled = readJsonl(`${DATA}/arxiv-labelled-archives-2k.jsonl`).slice(0, 200);
    expect(papers.map((p) => [p.id, p.date])).toEqual(labelled.map((p) => [p.id, p.date]));
  });
});
