import { describe, expect, it } from 'vitest';
import { countWords, firstSentenceEnd, readsAsText, titleFromAbstract } from '../../../src/pipeline/ingest/derive-title.ts';

describe('titleFromAbstract', () => {
  it('takes the first sentence, not stopping at abbreviations, initials or decimals', () => {
    expect(titleFromAbstract('We study dark matter, e.g. WIMPs, as in Smith et al. 2005 and J. Doe. Then more.')).toBe(
      'We study dark matter, e.g. WIMPs, as in Smith et al. 2005 and J. Doe',
    );
    expect(titleFromAbstract('A gap of 3.5 eV is seen in Fig. 2 at 4.2 K. It closes at 300 K.')).toBe('A gap of 3.5 eV is seen in Fig. 2 at 4.2 K');
    expect(titleFromAbstract('Is the vacuum stable? We show it is.')).toBe('Is the vacuum stable?');
    expect(titleFromAbstract('One sentence without a final stop')).toBe('One sentence without a final stop');
  });

  it('drops a structured abstract\'s first heading, not a sentence with a colon', () => {
    expect(titleFromAbstract('BACKGROUND: Heart failure (HF) affects 2.5 % of adults. METHODS: a cohort.')).toBe('Heart failure (HF) affects 2.5 % of adults');
    expect(titleFromAbstract('Abstract. We find a new phase. More.')).toBe('We find a new phase');
    expect(titleFromAbstract('We show: the bound is tight. More.')).toBe('We show: the bound is tight');
  });

  it('caps a long sentence at a word boundary with an ellipsis', () => {
    const long = 'We ' + 'measure the conductivity of thin films, '.repeat(6) + 'and more.';
    const title = titleFromAbstract(long);
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title).toBe('We measure the conductivity of thin films, measure the conductivity of thin films, measure the conductivity of thin…');
    expect(titleFromAbstract('x'.repeat(300))).toBe('x'.repeat(119) + '…');
  });

  it('finds sentence ends', () => {
    expect(firstSentenceEnd('A b. C d.')).toBe(4);
    expect(firstSentenceEnd('See cf. Smith. Next.')).toBe(14);
  });
});

describe('readsAsText', () => {
  it('counts words, not tokens of bytes, numbers or markup', () => {
    expect(countWords('The 3 cats, (sadly) sat: 4.5 %')).toEqual({ words: 4, tokens: 7 });
    expect(readsAsText('We study the thermal conductivity of graphene sheets at low temperature.', 8)).toBe(true);
    expect(readsAsText('Numeric title.', 8)).toBe(false);
    expect(readsAsText('1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 a b c d e f g h', 8)).toBe(false);
    expect(readsAsText('ÿØÿàJFIFÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿ÃƒÂ©Â»Â¿', 8)).toBe(false);
  });
});
