import { describe, expect, it } from 'vitest';
import { csvField, exportFileName, filterLine, toCsv, toJson, toJsonWithFilters, type FilterRecord } from '../../../src/app/lib/exportData.ts';
import { arxivUrl } from '../../../src/app/lib/arxiv.ts';
import { segmentText } from '../../../src/app/lib/textSegments.ts';

describe('CSV export', () => {
  it('quotes per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(3)).toBe('3');
  });
  it('writes a byte-order mark, a header and CRLF rows', () => {
    expect(
      toCsv([
        { id: '2101.00001', title: 'A, "B"', date: '2021-01-02', cluster: 4, label: 'agents · tools', titleFromAbstract: false },
        { id: 'noid-1', title: 'We study X…', date: '', cluster: 0, label: 'x', titleFromAbstract: true },
      ]),
    ).toBe(
      '\uFEFFid,title,date,cluster,label,title_from_abstract\r\n2101.00001,"A, ""B""",2021-01-02,4,agents · tools,no\r\nnoid-1,We study X…,,0,x,yes\r\n',
    );
    // The BOM is the three bytes EF BB BF once the string is encoded as the download does.
    expect([...new TextEncoder().encode(toCsv([])).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
  it('writes a text cell that would start a formula as text', () => {
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe(`"'\rx"`);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    // Only a leading character counts; numbers are numbers.
    expect(csvField('a=b-c')).toBe('a=b-c');
    expect(csvField(-3)).toBe('-3');
  });
  it('neutralises every text column, and leaves the JSON export as it was', () => {
    const row = { id: '-1', title: '=cmd|x', date: '@2021', cluster: 0, label: '+agents', titleFromAbstract: false };
    expect(toCsv([row]).split('\r\n')[1]).toBe("'-1,'=cmd|x,'@2021,0,'+agents,no");
    expect(JSON.parse(toJson([row]))).toEqual([row]);
  });
});

describe('arXiv links', () => {
  it('recognises new and old ids only', () => {
    expect(arxivUrl('2101.01234')).toBe('https://arxiv.org/abs/2101.01234');
    expect(arxivUrl('2101.01234v3')).toBe('https://arxiv.org/abs/2101.01234v3');
    expect(arxivUrl('hep-th/9901001')).toBe('https://arxiv.org/abs/hep-th/9901001');
    expect(arxivUrl('math.GT/0309136')).toBe('https://arxiv.org/abs/math.GT/0309136');
    expect(arxivUrl('syn-12')).toBeNull();
    expect(arxivUrl('javascript:alert(1)')).toBeNull();
  });
});

describe('highlight segments', () => {
  it('splits text into marked and plain runs, merging overlaps', () => {
    expect(segmentText('agents and agent tools', [[0, 6], [11, 16], [3, 8]])).toEqual([
      { text: 'agents', mark: true },
      { text: ' a', mark: true },
      { text: 'nd ', mark: false },
      { text: 'agent', mark: true },
      { text: ' tools', mark: false },
    ]);
  });
});

describe('export names and filter records', () => {
  const day = new Date('2026-12-04T21:00:00Z');
  it('names the file by query and date, sanitised', () => {
    expect(exportFileName('agents -quantum', day, 'csv')).toBe('atlas-agents-not-quantum-2026-12-04.csv');
    expect(exportFileName('"language model" OR rl', day, 'json')).toBe('atlas-language-model-or-rl-2026-12-04.json');
    expect(exportFileName('../../etc/passwd', day, 'csv')).toBe('atlas-etc-passwd-2026-12-04.csv');
    expect(exportFileName('', day, 'png')).toBe('atlas-all-2026-12-04.png');
    expect(exportFileName('=cmd|x', day, 'csv')).toBe('atlas-cmd-x-2026-12-04.csv');
    expect(exportFileName('深度学习 Agents', day, 'csv')).toBe('atlas-深度学习-agents-2026-12-04.csv');
    const long = exportFileName('reinforcement learning from human feedback for large language models', day, 'csv');
    expect(long).toBe('atlas-reinforcement-learning-from-human-feedback-for-2026-12-04.csv');
  });
  it('puts the filters before the papers in the JSON export', () => {
    const filters: FilterRecord = {
      app: 'topic-atlas', exported: day.toISOString(), query: 'agents', level: 'default', clusters: [{ id: 2, label: 'tools' }],
      period: '2025-01 – 2025-03', area: [0, 1, 2, 3], papers: 1, ofPapers: 74, view: 'http://x/#q=agents',
    };
    const row = { id: '1', title: 't', date: '2025-01-02', cluster: 2, label: 'tools', titleFromAbstract: false };
    expect(JSON.parse(toJsonWithFilters([row], filters))).toEqual({ filters, papers: [row] });
  });
  it('spells the active filters in one caption line', () => {
    expect(filterLine([], 74, 74)).toBe('74 of 74 papers · no filter');
    expect(filterLine([{ name: 'keyword', description: '“agents”' }, { name: 'area', description: '5 papers in the box' }], 5, 1200)).toBe(
      '5 of 1,200 papers · keyword: “agents” · area: 5 papers in the box',
    );
  });
});
