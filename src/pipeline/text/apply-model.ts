import { GrowableInt32 } from './csr.ts';
import { createCachedStemmer } from './stem.ts';
import { buildStopwords } from './stopwords.ts';
import { weightCounts } from './tfidf.ts';
import { BREAK, tokenizeWithBreaks } from './tokenize.ts';
import type { Csr, TextModel } from './types.ts';

const columnsByModel = new WeakMap<TextModel, Map<string, number>>();

function columnsOf(model: TextModel): Map<string, number> {
  let columns = columnsByModel.get(model);
  if (!columns) {
    columns = new Map(model.vocab.keys.map((key, j) => [key, j]));
    columnsByModel.set(model, columns);
  }
  return columns;
}

/**
 * Vectorises new texts with a fitted vocabulary, phrases and idf (for `--update`):
 * a training text gets exactly the row it got when the model was fitted.
 * Words and phrases outside the vocabulary are ignored.
 */
export function vectorizeWithModel(texts: string[], model: TextModel): { counts: Csr; tfidf: Csr } {
  const columns = columnsOf(model);
  const stopwords = buildStopwords(model.options.extraStopwords);
  const stem = createCachedStemmer();
  const cols = model.vocab.keys.length;
  const local = new Int32Array(cols);
  const touched = new Int32Array(cols);
  const indptr = new Int32Array(texts.length + 1);
  const indices = new GrowableInt32();
  const values: number[] = [];
  for (let d = 0; d < texts.length; d++) {
    let nTouched = 0;
    const count = (j: number | undefined) => {
      if (j === undefined) return;
      if (local[j]++ === 0) touched[nTouched++] = j;
    };
    let previous: string | null = null;
    for (const token of tokenizeWithBreaks(texts[d], stopwords)) {
      if (token === BREAK) {
        previous = null;
        continue;
      }
      const s = stem(token);
      count(columns.get(s));
      if (previous !== null && previous !== s) count(columns.get(`${previous} ${s}`));
      previous = s;
    }
    const row = touched.slice(0, nTouched).sort();
    for (const j of row) {
      indices.push(j);
      values.push(local[j]);
      local[j] = 0;
    }
    indptr[d + 1] = indices.length;
  }
  const counts: Csr = { rows: texts.length, cols, indptr, indices: indices.toArray(), data: Float32Array.from(values) };
  return { counts, tfidf: weightCounts(counts, model.idf) };
}
