import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../src/app/lib/exportData.ts';
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
  it('writes a header and CRLF rows', () => {
    expect(toCsv([{ id: '2101.00001', title: 'A, "B"', date: '2021-01-02', cluster: 4, label: 'agents' }])).toBe(
      'id,title,date,cluster,label\r\n2101.00001,"A, ""B""",2021-01-02,4,agents\r\n',
    );
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
