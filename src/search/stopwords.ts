/**
 * Function words that phrases look through. Pairs for phrase search are indexed between
 * consecutive non-stopword keys, so "mixture of experts" is answered by the pair
 * (mixture, expert) and also finds "mixture-of-experts"; "state of the art" is (state, art).
 * Pairs of function words ("of the", "in a") were 40% of a naive pair index on the 136k
 * corpus and answer nothing a user types.
 *
 * These are keys (normalised). Build and query must agree on this list: changing it
 * requires bumping SEARCH_INDEX_VERSION.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with',
  'without', 'into', 'onto', 'over', 'under', 'via', 'as', 'than', 'then', 'so', 'if', 'while', 'whereas',
  // keys, so "does" is 'doe'
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'doe', 'did',
  'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'will', 'would',
  'this', 'that', 'these', 'those', 'it', 'its', 'itself', 'they', 'them', 'their', 'we', 'our', 'us',
  'you', 'your', 'he', 'she', 'his', 'her', 'i', 'my', 'me',
  'which', 'who', 'whom', 'whose', 'what', 'where', 'when', 'how', 'why',
  'not', 'no', 'also', 'such', 'both', 'each', 'all', 'any', 'some', 'more', 'most', 'other', 'only', 'very',
  'there', 'here', 'however', 'thus', 'between', 'among', 'through', 'across', 'within', 'about', 'up', 'out',
]);

export function isStopword(key: string): boolean {
  return STOPWORDS.has(key);
}
