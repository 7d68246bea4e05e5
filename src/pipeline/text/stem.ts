import { porterStem } from './natural.ts';

/**
 * Porter stemming behind a word -> stem cache. A corpus has far fewer distinct
 * words than tokens (136k abstracts: ~20M tokens, ~250k words), and natural's
 * stemmer is regex-heavy, so the cache turns minutes into well under a second.
 */
export function createCachedStemmer(): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let stem = cache.get(word);
    if (stem === undefined) {
      stem = porterStem(word);
      cache.set(word, stem);
    }
    return stem;
  };
}

/**
 * The surface form to show for each stem: the most frequent word with that stem,
 * ties broken by the alphabetically first word.
 */
export function chooseSurfaceForms(words: readonly string[], wordCount: ArrayLike<number>, wordStem: ArrayLike<number>, numStems: number): string[] {
  const best = new Array<string>(numStems).fill('');
  const bestCount = new Float64Array(numStems).fill(-1);
  for (let w = 0; w < words.length; w++) {
    const s = wordStem[w];
    const c = wordCount[w];
    if (c > bestCount[s] || (c === bestCount[s] && words[w] < best[s])) {
      bestCount[s] = c;
      best[s] = words[w];
    }
  }
  return best;
}
