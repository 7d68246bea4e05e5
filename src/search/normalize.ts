/**
 * The search key of one word: a light, inflection-only normaliser.
 *
 * What it folds (so a query and a text meet on the same key):
 *  - case and diacritics ("Études" → "etude");
 *  - possessives ("model's" → "model") and inner apostrophes ("don't" → "dont");
 *  - regular plurals: -s ("agents" → "agent", "GPUs" → "gpu"), -es after s/x/ch/sh/zz
 *    ("classes" → "class", "approaches" → "approach"), -ies ("policies" → "policy"),
 *    and a handful of Latin/Greek plurals common in papers ("matrices" → "matrix").
 *
 * What it deliberately leaves alone:
 *  - derivations ("agentic", "learnable", "modeling" are their own words; unlike Porter);
 *  - -ing / -ed: stripping them conflates nouns with verbs ("training" data vs "train",
 *    "embedding" vs "embed", "learning" the field vs "learned" the adjective) and needs a
 *    dictionary to undo doubled consonants and dropped e's. A trailing "*" in the query
 *    ("learn*") covers the verb forms when that is what the user means.
 *  - words of three letters or fewer ("gas", "its", "has") and words ending in -ss, -us, -is
 *    ("loss", "corpus", "analysis").
 *
 * The same function keys the index and the query, so consistency matters more than
 * linguistics: "focuses" → "focuse" is harmless because both sides agree.
 */

const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ['matrices', 'matrix'],
  ['vertices', 'vertex'],
  ['indices', 'index'],
  ['appendices', 'appendix'],
  ['analyses', 'analysis'],
  ['hypotheses', 'hypothesis'],
  ['syntheses', 'synthesis'],
  ['diagnoses', 'diagnosis'],
  ['theses', 'thesis'],
  ['criteria', 'criterion'],
  ['phenomena', 'phenomenon'],
  ['children', 'child'],
]);

/** Words that end in -s but are not plurals (or whose -s-less form is another word). */
const NOT_PLURAL: ReadonlySet<string> = new Set([
  'news', 'lens', 'bias', 'atlas', 'chaos', 'canvas', 'series', 'species', 'whereas',
  'always', 'perhaps', 'pancreas', 'mars', 'texas', 'kudos', 'ethos', 'pathos', 'cosmos',
]);

/** Plurals of acronyms in -u, which the -us rule would otherwise keep ("GPUs" → "gpu"). */
const U_ACRONYM_PLURALS: ReadonlySet<string> = new Set(['cpus', 'gpus', 'tpus', 'npus', 'dpus', 'qpus', 'ipus', 'imus', 'mcus']);

/** Singulars in -ie, whose plural -ies must not become -y ("movies" → "movie"). */
const IE_SINGULARS: ReadonlySet<string> = new Set([
  'movie', 'cookie', 'calorie', 'selfie', 'zombie', 'rookie', 'genie', 'prairie', 'freebie', 'smoothie',
]);

/** Singulars in -che/-she, whose plural takes only -s ("caches" → "cache", not "cach"). */
const CHE_SINGULARS: ReadonlySet<string> = new Set([
  'cache', 'niche', 'avalanche', 'headache', 'psyche', 'attache', 'microniche',
]);

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['\u2019]/g;
const POSSESSIVE = /['\u2019]s$/;

export function normalizeWord(word: string): string {
  return singular(foldWord(word));
}

/** Case, diacritics and apostrophes only: the form a prefix query is matched with. */
export function foldWord(word: string): string {
  let w = word.toLowerCase();
  if (NON_ASCII.test(w)) w = w.normalize('NFKD').replace(COMBINING_MARKS, '');
  return w.replace(POSSESSIVE, '').replace(APOSTROPHES, '');
}

function singular(w: string): string {
  const len = w.length;
  if (len <= 3 || w.charCodeAt(len - 1) !== 115 /* s */) return w;
  const irregular = IRREGULAR_PLURALS.get(w);
  if (irregular !== undefined) return irregular;
  if (NOT_PLURAL.has(w)) return w;
  if (U_ACRONYM_PLURALS.has(w)) return w.slice(0, -1);
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('ies') && len > 4) {
    const ie = w.slice(0, -1);
    return IE_SINGULARS.has(ie) ? ie : w.slice(0, -3) + 'y';
  }
  if (w.endsWith('sses') || w.endsWith('xes') || w.endsWith('zzes')) return w.slice(0, -2);
  if (w.endsWith('ches') || w.endsWith('shes')) {
    const e = w.slice(0, -1);
    return CHE_SINGULARS.has(e) ? e : w.slice(0, -2);
  }
  return w.slice(0, -1);
}
