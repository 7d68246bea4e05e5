import { GrowableInt32 } from './csr.ts';
import { createCachedStemmer } from './stem.ts';
import { buildStopwords } from './stopwords.ts';
import { weightCounts } from './tfidf.ts';
import { WordTable } from './tokenize.ts';
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
 * Words and phrases outside the vocabulary are ignored. A model fitted before
 * compoundParts existed (option absent) is applied without counting parts.
 */
export function vectorizeWithModel(texts: string[], model: TextModel): { counts: Csr; tfidf: Csr } {
  const columns = columnsOf(model);
  const table = new WordTable(buildStopwords(model.options.extraStopwords));
  const stem = createCachedStemmer();
  const wordStem: string[] = []; // by word id, filled as the table grows
  const wordColumn: number[] = [];
  const cols = model.vocab.keys.length;
  const local = new Int32Array(cols);
  const asPart = new Int32Array(cols);
  const touched = new Int32Array(cols);
  const indptr = new Int32Array(texts.length + 1);
  const indices = new GrowableInt32();
  const values: number[] = [];
  const weighted: number[] = [];
  const partsOf = model.options.compoundParts === true ? table.parts : null;
  const ids = new GrowableInt32(1024);
  for (let d = 0; d < texts.length; d++) {
    let nTouched = 0;
    const count = (j: number | undefined) => {
      if (j === undefined || j < 0) return;
      if (local[j]++ === 0) touched[nTouched++] = j;
    };
    ids.length = 0;
    table.appendDocument(texts[d], ids);
    for (let w = wordStem.length; w < table.words.length; w++) {
      const s = stem(table.words[w]);
      wordStem.push(s);
      wordColumn.push(columns.get(s) ?? -1);
    }
    let previous: string | null = null;
    for (let i = 0; i < ids.length; i++) {
      const w = ids.array[i];
      if (w < 0) {
        previous = null;
        continue;
      }
      const s = wordStem[w];
      count(wordColumn[w]);
      const parts = partsOf?.[w];
      if (parts) {
        for (let k = 0; k < parts.length; k++) {
          const j = wordColumn[parts[k]];
          if (j === wordColumn[w]) continue;
          count(j);
          if (j >= 0) asPart[j]++;
        }
      }
      if (previous !== null && previous !== s) count(columns.get(`${previous} ${s}`));
      previous = s;
    }
    const row = touched.slice(0, nTouched).sort();
    for (const j of row) {
      indices.push(j);
      values.push(local[j] - asPart[j]);
      weighted.push(local[j]);
      local[j] = 0;
      asPart[j] = 0;
    }
    indptr[d + 1] = indices.length;
  }
  const counts: Csr = { rows: texts.length, cols, indptr, indices: indices.toArray(), data: Float32Array.from(values) };
  const data = Float32Array.from(weighted);
  return { counts, tfidf: weightCounts({ ...counts, data }, model.idf, data) };
}
