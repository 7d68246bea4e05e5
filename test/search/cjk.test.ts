/** CJK in search: keyed as bigrams like the pipeline, so a Chinese, Japanese or Korean query finds its papers. */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, matchQuery, parseQuery, searchTokens, SearchIndex, tokenSpans } from '../../src/search/index.ts';
import { highlightRanges } from '../../src/search/highlight.ts';

const corpus = [
  '深度学习模型\n基于深度学习的图像识别。', // 0
  '量子纠缠\n量子比特的纠缠测量。', // 1
  'GPT模型的训练\n大规模语言模型。', // 2
  '한국어 자연어 처리\n언어 모델 연구', // 3
  'データ解析\n新しい解析手法', // 4
  'Нейронные сети\nРаспознавание речи', // 5
];
const index = SearchIndex.decode(buildSearchIndex(corpus));
const match = (q: string) => (r => (r === null ? null : [...r]))(matchQuery(index, parseQuery(q)));

describe('search keys of CJK text', () => {
  it('are overlapping bigrams; a lone character is its own key; Latin beside them stays a word', () => {
    expect(searchTokens('深度学习，光')).toEqual(['深度', '度学', '学习', '光']);
    expect(searchTokens('GPT模型')).toEqual(['gpt', '模型']);
    expect(searchTokens('한국어')).toEqual(['한국', '국어']);
    expect(searchTokens('ｶﾞｲﾄﾞ')).toEqual(['ガイ', 'イド']); // NFKC: half-width kana as full-width
    expect(tokenSpans('深度学习').map((s) => [s.key, s.start, s.end])).toEqual([['深度', 0, 2], ['度学', 1, 3], ['学习', 2, 4]]);
  });

  it('leave non-CJK text as it was', () => {
    expect(tokenSpans("Agents' models")).toEqual([{ key: 'agent', start: 0, end: 6 }, { key: 'model', start: 8, end: 14 }]);
  });
});

describe('CJK queries', () => {
  it('find a word inside an unspaced sentence, even in one paper only', () => {
    expect(match('学习')).toEqual([0]);
    expect(match('深度学习')).toEqual([0]); // three bigrams ANDed: no pair index needed
    expect(match('图像识别')).toEqual([0]);
    expect(match('纠缠测量')).toEqual([1]);
    expect(match('模型')).toEqual([0, 2]);
    expect(match('GPT模型')).toEqual([2]);
    expect(match('언어')).toEqual([3]);
    expect(match('解析')).toEqual([4]);
    expect(match('量子计算')).toEqual([]);
  });

  it('match a lone character as the start of a bigram', () => {
    expect(parseQuery('量')).toMatchObject({ terms: [], prefixes: ['量'] });
    expect(match('量')).toEqual([1]);
  });

  it('find other scripts by word', () => {
    expect(match('сети')).toEqual([5]);
  });

  it('highlight the characters matched', () => {
    const text = '基于深度学习的图像识别。';
    expect(highlightRanges(text, parseQuery('深度学习'))).toEqual([[2, 6]]);
    expect(highlightRanges(text, parseQuery('识'))).toEqual([[9, 11]]); // 识别
  });
});
