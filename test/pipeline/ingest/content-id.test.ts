import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentId, contentKey } from '../../../src/pipeline/ingest/content-id.ts';

describe('content ids', () => {
  it('is "noid-" and the first 16 hex digits of sha256(title \\0 abstract), lower-cased', () => {
    const expected = createHash('sha256').update('a title\0an abstract.').digest('hex');
    expect(contentKey('A Title', 'An abstract.')).toBe(expected);
    expect(contentId('A Title', 'An abstract.')).toBe(`noid-${expected.slice(0, 16)}`);
  });

  it('ignores case and Unicode normal form; differs when the text differs', () => {
    const id = contentId('Café Title', 'Abstract text.');
    expect(contentId('cafe\u0301 title', 'ABSTRACT text.')).toBe(id);
    expect(contentId('Café Title', 'Abstract text!')).not.toBe(id);
    expect(contentId('Café Title', '')).not.toBe(contentId('Café', ' Title'));
  });
});
