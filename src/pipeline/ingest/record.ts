/**
 * One parsed record (JSON object or CSV row) → one Paper, or the reason it
 * cannot be one. Shared by every format so field rules live in one place.
 */
import { contentId } from './content-id.ts';
import { dateFromArxivId, dateOutOfRange, normalizeDate, processDateRange, type DateRange } from './dates.ts';
import { repairFloatArxivId } from './ids.ts';
import { excerpt } from './readers/row.ts';
import { ABSTRACT_MIN_WORDS, readsAsText, TITLE_ONLY_MIN_WORDS, titleFromAbstract } from './derive-title.ts';
import type { IssueReason, Paper } from './types.ts';

export type Field = 'id' | 'title' | 'abstract' | 'date' | 'label' | 'categories';
export type ColumnMap = Partial<Record<Field, string>>;
export type FieldNames = Record<Field, readonly string[]>;

/**
 * Field names tried in order. For dates: an explicit date first, then the first
 * version's `created` (arXiv snapshot / Kaggle export), and `update_date` only
 * as a last resort (it is the last revision, not the submission).
 */
export const DEFAULT_FIELD_NAMES: FieldNames = {
  id: ['id', 'arxiv_id'],
  title: ['title'],
  abstract: ['abstract', 'summary', 'text'],
  date: ['date', 'published', 'created', 'versions', 'update_date'],
  label: ['label'],
  categories: ['categories'],
};

export function fieldNames(columns: ColumnMap | undefined): FieldNames {
  const names = { ...DEFAULT_FIELD_NAMES };
  for (const field of Object.keys(names) as Field[]) {
    const mapped = columns?.[field];
    if (mapped !== undefined && mapped !== '') names[field] = [mapped];
  }
  return names;
}

export type RecordOutcome =
  | { kind: 'paper'; paper: Paper; badDate?: string }
  | { kind: 'skip'; reason: IssueReason; detail: string };

/** Any whitespace other than single inner spaces (the same set as \s). */
const UNCOLLAPSED = /[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;

export function collapseWhitespace(text: string): string {
  // Most corpora are already collapsed: testing is far cheaper than rewriting.
  return UNCOLLAPSED.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** The first present, non-blank field of `names`; else the first blank one (so messages can say "blank"). */
function pick(record: Record<string, unknown>, names: readonly string[]): { name: string; value: unknown } | null {
  let blank: { name: string; value: unknown } | null = null;
  for (const name of names) {
    const value = record[name];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') {
      blank ??= { name, value };
      continue;
    }
    return { name, value };
  }
  return blank;
}

/** A field's text, whitespace collapsed; or what is wrong with it ("no title field", "title is a number, expected text"). */
function readText(field: { name: string; value: unknown } | null, names: readonly string[]): string | { problem: string } {
  if (field === null) return { problem: `no ${names.join('/')} field` };
  if (typeof field.value !== 'string') return { problem: `${field.name} is ${describeType(field.value)}, expected text` };
  const text = collapseWhitespace(field.value);
  return text === '' ? { problem: `${field.name} is blank` } : text;
}

function problemOf(text: string | { problem: string }): string {
  return typeof text === 'string' ? '' : text.problem;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const PY_CREATED = /['"]created['"]\s*:\s*['"]([^'"]*)['"]/;

/**
 * The first version's `created` from an arXiv `versions` value: a JSON array of
 * {version, created} (snapshot) or its Python-literal text (Kaggle CSV export).
 * Other values are returned unchanged (a plain date field).
 */
function firstCreated(value: unknown): unknown {
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    if (first !== null && typeof first === 'object' && 'created' in first) return (first as { created: unknown }).created;
    return value.length === 0 ? null : value;
  }
  if (typeof value === 'string' && value.trimStart().startsWith('[')) {
    const m = PY_CREATED.exec(value);
    return m ? m[1] : value;
  }
  return value;
}

function readId(value: unknown): string | null {
  if (typeof value === 'string') {
    const s = value.trim();
    return s === '' ? null : repairFloatArxivId(s);
  }
  if (typeof value === 'number' && Number.isFinite(value)) return repairFloatArxivId(String(value));
  return null;
}

function readCategories(value: unknown): string[] | undefined {
  let list: string[] = [];
  if (typeof value === 'string') list = value.split(/\s+/);
  else if (Array.isArray(value)) list = value.filter((v): v is string => typeof v === 'string').map((v) => v.trim());
  list = list.filter((c) => c !== '');
  return list.length > 0 ? list : undefined;
}

/** 'cs.CL' → 'cs', 'hep-th' → 'hep-th', 'math.AG' → 'math'. */
export function archiveOf(category: string): string {
  const dot = category.indexOf('.');
  return dot < 0 ? category : category.slice(0, dot);
}

/** `dates`: the plausible dates (default: this process's run date, see dates.ts); others are kept undated as bad-date. */
export function recordToPaper(record: unknown, line: number, names: FieldNames, dates: DateRange = processDateRange()): RecordOutcome {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return { kind: 'skip', reason: 'not-an-object', detail: `expected an object, got ${describeType(record)}` };
  }
  const rec = record as Record<string, unknown>;

  const titleField = pick(rec, names.title);
  const abstractField = pick(rec, names.abstract);
  const titleText = readText(titleField, names.title);
  const abstractText = readText(abstractField, names.abstract);

  let title: string;
  let abstract: string;
  let derived: 'titleFromAbstract' | 'titleOnly' | null = null;
  if (typeof titleText === 'string' && typeof abstractText === 'string') {
    title = titleText;
    abstract = abstractText;
  } else if (typeof abstractText === 'string') {
    // No title: the abstract's first sentence is one, if the abstract is prose (junk must not become a paper).
    if (!readsAsText(abstractText, ABSTRACT_MIN_WORDS)) {
      return {
        kind: 'skip',
        reason: 'missing-title',
        detail: `${problemOf(titleText)}, and the ${abstractField!.name} is too little text to stand alone (fewer than ${ABSTRACT_MIN_WORDS} words)`,
      };
    }
    title = titleFromAbstract(abstractText);
    abstract = abstractText;
    derived = 'titleFromAbstract';
  } else if (typeof titleText === 'string') {
    // No abstract: a title of several words still says what the paper is about; a short one does not.
    if (!readsAsText(titleText, TITLE_ONLY_MIN_WORDS)) {
      return {
        kind: 'skip',
        reason: 'empty-abstract',
        detail: `${problemOf(abstractText)} for "${excerpt(titleText)}" (a title alone is kept from ${TITLE_ONLY_MIN_WORDS} words)`,
      };
    }
    title = titleText;
    abstract = '';
    derived = 'titleOnly';
  } else {
    return { kind: 'skip', reason: 'missing-title', detail: `${titleText.problem}, and ${abstractText.problem}` };
  }

  const idField = pick(rec, names.id);
  // Not the line number: the same paper must get the same id in every file (see content-id.ts).
  const id = (idField && readId(idField.value)) ?? contentId(title, abstract);

  const paper: Paper = { id, title, abstract, date: null, line };
  if (derived === 'titleFromAbstract') paper.titleFromAbstract = true;
  if (derived === 'titleOnly') paper.titleOnly = true;

  let badDate: string | undefined;
  for (const name of names.date) {
    const raw = firstCreated(rec[name]);
    const date = normalizeDate(raw);
    if (date === null) continue; // absent or empty: try the next field
    const implausible = date === undefined ? 'is not a date' : dateOutOfRange(date, dates);
    if (date === undefined || implausible !== null) {
      badDate = `${name} ${excerpt(JSON.stringify(raw) ?? String(raw))} ${implausible}`;
    } else {
      paper.date = date;
      paper.dateSource = 'field';
    }
    break;
  }
  // Explicit fallback: no date field at all → the month the arXiv id was assigned.
  if (paper.date === null && badDate === undefined) {
    const fromId = dateFromArxivId(id);
    if (fromId !== null && dateOutOfRange(fromId, dates) === null) {
      paper.date = fromId;
      paper.dateSource = 'arxiv-id';
    }
  }

  const categories = readCategories(pick(rec, names.categories)?.value);
  if (categories) paper.categories = categories;
  const labelValue = pick(rec, names.label)?.value;
  const label = typeof labelValue === 'string' || typeof labelValue === 'number' ? String(labelValue).trim() : '';
  if (label !== '') {
    paper.label = label;
  } else if (categories) {
    paper.label = archiveOf(categories[0]);
  }

  return badDate === undefined ? { kind: 'paper', paper } : { kind: 'paper', paper, badDate };
}
