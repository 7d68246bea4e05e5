/** Non-Latin scripts get terms: CJK as overlapping bigrams, other scripts as letter runs; Latin is unchanged. */
import { describe, expect, it } from 'vitest';
import { BREAK, tokenize, tokenizeWithBreaks, vectorize } from '../../../src/pipeline/text/index.ts';

const _ = BREAK;

describe('tokenize: CJK', () => {
  it('splits a Han run into overlapping bigrams, none of them a phrase with the next', () => {
    expect(tokenizeWithBreaks('深度学习模型。')).toEqual(['深度', _, '度学', _, '学习', _, '习模', _, '模型']);
    expect(tokenize('量子纠缠，光。')).toEqual(['量子', '子纠', '纠缠', '光']); // a lone character is a unigram
  });

  it('bigrams kana and Hangul, recomposing what NFKD decomposes (half-width and voiced kana, Hangul syllables)', () => {
    expect(tokenize('データ解析')).toEqual(['デー', 'ータ', 'タ解', '解析']);
    expect(tokenize('ｶﾞｲﾄﾞ')).toEqual(['ガイ', 'イド']);
    expect(tokenize('한국어 처리')).toEqual(['한국', '국어', '처리']);
  });

  it('keeps Latin words beside CJK as they are', () => {
    expect(tokenizeWithBreaks('GPT模型 and x-ray')).toEqual(['gpt', '模型', _, 'x-ray']);
  });
});

describe('tokenize: alphabetic scripts', () => {
  it('makes Cyrillic letter runs words, keeps й and drops Russian stopwords', () => {
    expect(tokenize('Нейронные сети для распознавания речи и языка')).toEqual(['нейронные', 'сети', 'распознавания', 'речи', 'языка']);
  });

  it('folds Greek accents as Latin ones are folded', () => {
    expect(tokenize('Μεγάλα γλωσσικά μοντέλα')).toEqual(['μεγαλα', 'γλωσσικα', 'μοντελα']);
  });

  it('drops Arabic short vowels and tatweel', () => {
    expect(tokenize('نموذج التعلُّم العميق للـغة')).toEqual(['نموذج', 'التعلم', 'العميق', 'للغة']);
  });

  it('reads Hebrew and Devanagari letter runs with their vowel signs', () => {
    expect(tokenize('למידה עמוקה')).toEqual(['למידה', 'עמוקה']);
    expect(tokenize('गहन शिक्षण मॉडल')).toEqual(['गहन', 'शिक्षण', 'मॉडल']);
  });

  it('leaves Latin text with stray symbols and single Greek letters as it was: a break where they stood', () => {
    expect(tokenizeWithBreaks('Schrödinger α-decay in μm ΛCDM, Łódź straße')).toEqual([
      'schrodinger', _, 'decay', _, 'cdm', _, 'odz', 'stra',
    ]);
  });
});

describe('vectorize: non-Latin corpora', () => {
  const CHINESE = [
    '深度学习模型的神经网络训练',
    '神经网络训练与深度学习',
    '深度学习模型用于图像识别',
    '量子纠缠与量子比特测量',
    '量子比特的纠缠测量实验',
    '光子量子纠缠的实验测量',
  ];

  it('gives every Chinese abstract terms', () => {
    const v = vectorize(CHINESE, { minDf: 2, maxDf: 1, phrases: true });
    expect(v.termless).toEqual({ noWords: 0, outsideDf: 0 });
    for (let d = 0; d < CHINESE.length; d++) expect(v.tfidf.indptr[d + 1]! - v.tfidf.indptr[d]!, CHINESE[d]).toBeGreaterThan(0);
    expect(v.vocab.keys).toContain('学习');
    expect(v.vocab.keys).toContain('量子');
    expect(v.vocab.phrase.every((p) => p === 0)).toBe(true); // overlapping bigrams never pair up into phrases
  });

  it('counts the documents left without terms, by reason', () => {
    const texts = ['graph neural networks', 'graph neural models', '1234 5678 the of and', 'zebra quagga okapi', '$x^2$ 42 %'];
    const v = vectorize(texts, { minDf: 2, maxDf: 1, phrases: false });
    expect(v.termless).toEqual({ noWords: 2, outsideDf: 1 });
  });
});
