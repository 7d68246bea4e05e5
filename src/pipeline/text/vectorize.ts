import { GrowableInt32 } from './csr.ts';
import { PairCounter } from './pair-counter.ts';
import { detectPhrases } from './phrases.ts';
import { porterStem } from './natural.ts';
import { chooseSurfaceForms } from './stem.ts';
import { buildStopwords } from './stopwords.ts';
import { resolveDfBounds, smoothIdf, weightCounts } from './tfidf.ts';
import { WordTable } from './tokenize.ts';
import type { Csr, ResolvedTextOptions, TermlessDocs, TextModel, TextOptions, VectorizeResult, Vocabulary } from './types.ts';

export const DEFAULT_PHRASE_THRESHOLD = 0.35;

export function resolveTextOptions(options: TextOptions, nDocs: number): ResolvedTextOptions {
  const { minCount } = resolveDfBounds(options.minDf, options.maxDf, nDocs);
  const phraseMinCount = options.phraseMinCount ?? Math.max(3, Math.ceil(minCount));
  const phraseThreshold = options.phraseThreshold ?? DEFAULT_PHRASE_THRESHOLD;
  if (!(phraseThreshold > -1 && phraseThreshold <= 1)) throw new Error(`phraseThreshold must be in (-1, 1], got ${phraseThreshold}`);
  if (!(phraseMinCount >= 1)) throw new Error(`phraseMinCount must be >= 1, got ${phraseMinCount}`);
  return {
    minDf: options.minDf,
    maxDf: options.maxDf,
    phrases: options.phrases,
    compoundParts: options.compoundParts ?? true,
    extraStopwords: [...(options.extraStopwords ?? [])].map((w) => w.toLowerCase()).sort(),
    phraseMinCount,
    phraseThreshold,
  };
}

/**
 * Fits the text stage: tokenise, stem, detect phrases, count, filter by document
 * frequency, weight. Vocabulary in key order, like scikit-learn's.
 *
 * With compoundParts, each occurrence of a hyphenated compound also counts its
 * parts' stems in the TF-IDF weights (not in `counts`, which keep what was written).
 */
export function vectorize(texts: string[], options: TextOptions, onProgress?: (done: number, total: number) => void): VectorizeResult {
  const n = texts.length;
  const resolved = resolveTextOptions(options, n);
  const stopwords = buildStopwords(resolved.extraStopwords);

  // Pass 1: every document as word ids, -1 where adjacency breaks (and after each document).
  const table = new WordTable(stopwords);
  const words = table.words;
  const sequence = new GrowableInt32(1 << 20);
  const docStart = new Int32Array(n + 1);
  for (let d = 0; d < n; d++) {
    docStart[d] = sequence.length;
    table.appendDocument(texts[d], sequence);
    sequence.push(-1);
    if (onProgress && (d + 1) % 2000 === 0) onProgress(2 * (d + 1), 3 * n);
  }
  docStart[n] = sequence.length;
  // Progress units: tokenising is about two thirds of the stage's time, the passes after it the last third.
  onProgress?.(2 * n, 3 * n);

  // Stems of the distinct words (in word order, so stem ids follow first occurrence) and word counts.
  const wordStem = new Int32Array(words.length);
  const stemIds = new Map<string, number>();
  const stems: string[] = [];
  for (let w = 0; w < words.length; w++) {
    const stem = porterStem(words[w]);
    let s = stemIds.get(stem);
    if (s === undefined) {
      s = stems.length;
      stemIds.set(stem, s);
      stems.push(stem);
    }
    wordStem[w] = s;
  }
  const wordCount = new Int32Array(words.length);
  {
    const seq = sequence.array;
    for (let i = 0; i < sequence.length; i++) if (seq[i] >= 0) wordCount[seq[i]]++;
  }
  const stemOf = wordStem;
  const numStems = stems.length;

  // Pass 2: phrases over the whole corpus.
  const phrases = resolved.phrases
    ? detectPhrases(sequence.array, sequence.length, stemOf, numStems, resolved.phraseMinCount, resolved.phraseThreshold)
    : [];
  const phraseOf = new PairCounter(Math.max(16, phrases.length));
  phrases.forEach((p, i) => phraseOf.add(p.a, p.b, i + 1));
  // Most adjacent pairs start with a stem that starts no phrase: skip their hash lookup.
  const startsPhrase = new Uint8Array(numStems);
  for (const p of phrases) startsPhrase[p.a] = 1;

  // Pass 3: per-document term counts (stems, then phrases at numStems + i) and surface pairs of phrases.
  // rawCounts hold the weighting counts (written + as a compound's part); the part-only
  // share of an entry, where it has one, goes to a side list in entry order.
  const termSpace = numStems + phrases.length;
  const df = new Int32Array(termSpace);
  const local = new Int32Array(termSpace);
  const asPart = new Int32Array(termSpace);
  const touched = new Int32Array(termSpace);
  const rawIndptr = new Int32Array(n + 1);
  const rawIndices = new GrowableInt32(1 << 16);
  const rawCounts = new GrowableInt32(1 << 16);
  const partEntry = new GrowableInt32(1 << 10);
  const partCount = new GrowableInt32(1 << 10);
  const partsOf = resolved.compoundParts ? table.parts : null;
  const surfacePairs = new PairCounter(Math.max(16, phrases.length * 4));
  const seq = sequence.array;
  for (let d = 0; d < n; d++) {
    let nTouched = 0;
    let previous = -1;
    for (let i = docStart[d]; i < docStart[d + 1]; i++) {
      const w = seq[i];
      if (w < 0) {
        previous = -1;
        continue;
      }
      const s = stemOf[w];
      if (local[s]++ === 0) touched[nTouched++] = s;
      const parts = partsOf?.[w];
      if (parts) {
        for (let k = 0; k < parts.length; k++) {
          const t = stemOf[parts[k]];
          if (t === s) continue;
          if (local[t]++ === 0) touched[nTouched++] = t;
          asPart[t]++;
        }
      }
      if (previous >= 0 && startsPhrase[stemOf[previous]] === 1) {
        const p = phraseOf.get(stemOf[previous], s);
        if (p > 0) {
          const t = numStems + p - 1;
          if (local[t]++ === 0) touched[nTouched++] = t;
          surfacePairs.add(previous, w);
        }
      }
      previous = w;
    }
    for (let k = 0; k < nTouched; k++) {
      const t = touched[k];
      df[t]++;
      if (asPart[t] > 0) {
        partEntry.push(rawIndices.length);
        partCount.push(asPart[t]);
        asPart[t] = 0;
      }
      rawIndices.push(t);
      rawCounts.push(local[t]);
      local[t] = 0;
    }
    rawIndptr[d + 1] = rawIndices.length;
    if (onProgress && (d + 1) % 2000 === 0) onProgress(2 * n + (d + 1) / 2, 3 * n);
  }

  // Display forms.
  const stemDisplay = chooseSurfaceForms(words, wordCount, stemOf, numStems);
  const phraseDisplay = new Array<string>(phrases.length).fill('');
  const phraseDisplayCount = new Float64Array(phrases.length).fill(-1);
  surfacePairs.forEach((wa, wb, count) => {
    const p = phraseOf.get(stemOf[wa], stemOf[wb]) - 1;
    const surface = `${words[wa]} ${words[wb]}`;
    if (count > phraseDisplayCount[p] || (count === phraseDisplayCount[p] && surface < phraseDisplay[p])) {
      phraseDisplayCount[p] = count;
      phraseDisplay[p] = surface;
    }
  });

  // Document-frequency filter and key order.
  const { minCount, maxCount } = resolveDfBounds(resolved.minDf, resolved.maxDf, n);
  const keyOf = (t: number) => (t < numStems ? stems[t] : `${stems[phrases[t - numStems].a]} ${stems[phrases[t - numStems].b]}`);
  const kept: { term: number; key: string }[] = [];
  for (let t = 0; t < termSpace; t++) if (df[t] >= minCount && df[t] <= maxCount) kept.push({ term: t, key: keyOf(t) });
  kept.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const column = new Int32Array(termSpace).fill(-1);
  kept.forEach((k, j) => (column[k.term] = j));
  const vocab: Vocabulary = {
    keys: kept.map((k) => k.key),
    display: kept.map((k) => (k.term < numStems ? stemDisplay[k.term] : phraseDisplay[k.term - numStems])),
    phrase: Uint8Array.from(kept, (k) => (k.term >= numStems ? 1 : 0)),
    df: Int32Array.from(kept, (k) => df[k.term]),
  };

  const { counts, weighted } = remapColumns(rawIndptr, rawIndices.array, rawCounts.array, partEntry, partCount, column, kept.length);
  const idf = smoothIdf(vocab.df, n);
  // In place: `weighted` holds the weighting counts and becomes the TF-IDF data.
  const tfidf = weightCounts({ ...counts, data: weighted }, idf, weighted);
  onProgress?.(3 * n, 3 * n);
  const model: TextModel = { options: resolved, nDocs: n, vocab, idf };
  return { counts, tfidf, vocab, idf, model, termless: countTermless(rawIndptr, counts.indptr) };
}

/** Documents with no term before the document-frequency filter, and those with terms before it but none after. */
function countTermless(rawIndptr: Int32Array, indptr: Int32Array): TermlessDocs {
  const termless: TermlessDocs = { noWords: 0, outsideDf: 0 };
  for (let d = 0; d + 1 < indptr.length; d++) {
    if (rawIndptr[d + 1] === rawIndptr[d]) termless.noWords++;
    else if (indptr[d + 1] === indptr[d]) termless.outsideDf++;
  }
  return termless;
}

/**
 * Keeps the entries whose term has a column, renumbered, sorted within each row.
 * `values` are the weighting counts; entry partEntry[i] has partCount[i] of them
 * from compounds' parts (entries ascending), which `counts` leave out.
 */
function remapColumns(
  indptr: Int32Array,
  terms: Int32Array,
  values: Int32Array,
  partEntry: GrowableInt32,
  partCount: GrowableInt32,
  column: Int32Array,
  cols: number,
): { counts: Csr; weighted: Float32Array } {
  const rows = indptr.length - 1;
  let nnz = 0;
  for (let p = 0; p < indptr[rows]; p++) if (column[terms[p]] >= 0) nnz++;
  // On shared memory, so that the SVD's helper thread reads them without a copy.
  const outIndptr = new Int32Array(new SharedArrayBuffer((rows + 1) * 4));
  const indices = new Int32Array(new SharedArrayBuffer(nnz * 4));
  const data = new Float32Array(nnz);
  const weighted = new Float32Array(new SharedArrayBuffer(nnz * 4));
  const scratch = new Int32Array(cols);
  const scratchPart = new Int32Array(cols);
  let next = 0; // next entry of the part side list
  let q = 0;
  for (let r = 0; r < rows; r++) {
    const start = q;
    for (let p = indptr[r]; p < indptr[r + 1]; p++) {
      let part = 0;
      if (next < partEntry.length && partEntry.array[next] === p) part = partCount.array[next++];
      const c = column[terms[p]];
      if (c < 0) continue;
      indices[q++] = c;
      scratch[c] = values[p];
      scratchPart[c] = part;
    }
    const row = indices.subarray(start, q);
    row.sort();
    for (let p = start; p < q; p++) {
      weighted[p] = scratch[indices[p]];
      data[p] = scratch[indices[p]] - scratchPart[indices[p]];
    }
    outIndptr[r + 1] = q;
  }
  return { counts: { rows, cols, indptr: outIndptr, indices, data }, weighted };
}
