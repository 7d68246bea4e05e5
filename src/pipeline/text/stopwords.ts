import { NATURAL_CYRILLIC_STOPWORDS, NATURAL_STOPWORDS } from './natural.ts';

/**
 * Words that appear in most abstracts whatever the topic ("we propose a novel
 * approach ... results show"). They would otherwise top every cluster's terms.
 * Surface forms, matched after lower-casing and before stemming; inflections are
 * listed explicitly so that topical relatives survive ("base model" keeps "base").
 */
export const ACADEMIC_BOILERPLATE: readonly string[] = Object.freeze([
  // the paper talking about itself
  'paper', 'papers', 'article', 'work', 'works', 'study', 'studies', 'studied', 'research',
  'propose', 'proposes', 'proposed', 'proposing', 'present', 'presents', 'presented',
  'introduce', 'introduces', 'introduced', 'introducing', 'describe', 'describes', 'described',
  'investigate', 'investigates', 'investigated', 'explore', 'explores', 'explored',
  'approach', 'approaches', 'method', 'methods', 'methodology', 'technique', 'techniques',
  'framework', 'frameworks',
  'result', 'results', 'resulting', 'finding', 'findings',
  'show', 'shows', 'showed', 'shown', 'showing', 'demonstrate', 'demonstrates', 'demonstrated',
  'find', 'finds', 'found', 'obtain', 'obtained', 'provide', 'provides', 'provided',
  'achieve', 'achieves', 'achieved', 'achieving', 'outperform', 'outperforms', 'outperforming',
  'experiments', 'extensive', 'state-of-the-art', 'sota',
  'novel', 'new', 'based', 'using', 'use', 'used', 'uses', 'via',
  'existing', 'previous', 'prior', 'recent', 'recently', 'current', 'currently',
  'significant', 'significantly', 'effective', 'effectively', 'various', 'several', 'different',
  'well-known', 'important', 'key', 'particular', 'particularly', 'specifically', 'respectively',
  'order', 'able', 'allows', 'allow', 'enables', 'enable', 'given', 'including', 'include', 'includes',
  // connectives and function words natural's list lacks
  'also', 'however', 'furthermore', 'moreover', 'additionally', 'thus', 'therefore', 'hence',
  'whereas', 'whether', 'within', 'without', 'across', 'among', 'along', 'upon', 'onto', 'toward', 'towards',
  'per', 'us', 'not', 'no', 'nor', 'yet', 'even', 'may', 'often', 'less', 'due', 'either', 'neither',
  'one', 'two', 'three', 'first', 'thereby', 'whose', 'will', 'which', 'etc', 'et', 'al', 'eg', 'ie',
]);

/** natural's English (and Russian/Ukrainian) stopwords + the academic boilerplate + any extras (lower-cased). */
export function buildStopwords(extra: readonly string[] = []): Set<string> {
  const set = new Set<string>(NATURAL_STOPWORDS);
  for (const w of NATURAL_CYRILLIC_STOPWORDS) set.add(w);
  for (const w of ACADEMIC_BOILERPLATE) set.add(w);
  for (const w of extra) set.add(w.toLowerCase());
  return set;
}
