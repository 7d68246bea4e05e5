/**
 * Ingest: one input file (JSONL, JSON array, CSV, arXiv snapshot, Daily Papers
 * page; optionally gzipped) → Paper[] plus a report that accounts for every row.
 * Streams the file; nothing is dropped without an issue or a count.
 */
import { contentKey } from './content-id.ts';
import { detectFormat, DETECT_CHARS } from './detect.ts';
import { peekText, splitLines } from './lines.ts';
import { readCsv, type CsvHeader } from './readers/csv.ts';
import { readDailyPapers } from './readers/daily-papers.ts';
import { readJsonArray } from './readers/json-array.ts';
import { readJsonLines } from './readers/jsonl.ts';
import type { RawRow } from './readers/row.ts';
import { DEFAULT_FIELD_NAMES, fieldNames, recordToPaper, type FieldNames } from './record.ts';
import { printable } from './printable.ts';
import { openTextSource, STDIN_PATH, type TextSource } from './source.ts';
import {
  UserError,
  type IngestIssue,
  type IngestReport,
  type InputFormat,
  type IssueReason,
  type Paper,
} from './types.ts';

export type { IngestIssue, IngestReport, InputFormat, IssueReason, Paper } from './types.ts';
export { UserError } from './types.ts';
export { printable } from './printable.ts';
export { contentId, contentKey, CONTENT_ID_PREFIX } from './content-id.ts';
export { dateFromArxivId, dayAndPrecision, normalizeDate } from './dates.ts';

export interface IngestOptions {
  /** Else detected from content (not the extension). */
  format?: InputFormat;
  /** Any bad row (skipped or bad-date) → throw UserError naming file:line:reason. */
  strict?: boolean;
  /** CSV/JSON field-name mapping. */
  columns?: Partial<Record<'id' | 'title' | 'abstract' | 'date' | 'label' | 'categories', string>>;
  /** Called with every parsed record (0-based index over all records read) before it becomes a paper: a field the paper does not keep (user vectors). */
  onRecord?: (value: unknown, record: number, line: number) => void;
  /** Called for every bad row, as found. */
  onIssue?: (issue: IngestIssue) => void;
  /** totalBytes is 0 when the input is a stream (stdin, a pipe) of unknown size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export interface IngestResult {
  papers: Paper[];
  report: IngestReport;
  /** Index of each kept paper's record among all records read (skipped ones included), as `onRecord` numbers them. */
  records: number[];
  /** sha256 (hex) of all the raw file bytes (compressed bytes for .gz), read or not. */
  sha256: string;
}

const FORMATS: readonly InputFormat[] = ['jsonl', 'json', 'csv', 'daily-papers', 'arxiv-snapshot'];

function rowsOf(
  format: InputFormat,
  chunks: AsyncIterable<string>,
  names: FieldNames,
  path: string,
  warn: (message: string) => void,
): AsyncIterable<RawRow> {
  switch (format) {
    case 'jsonl':
    case 'arxiv-snapshot':
      return readJsonLines(splitLines(chunks));
    case 'json':
      return readJsonArray(chunks);
    case 'daily-papers':
      return readDailyPapers(splitLines(chunks));
    case 'csv':
      return readCsv(splitLines(chunks), (header: CsvHeader) => checkCsvHeader(header, names, path, warn));
  }
}

/** "title (columns 2 and 5)": header names that occur more than once, with their 1-based columns. */
function duplicatedNames(header: string[]): Map<string, number[]> {
  const columns = new Map<string, number[]>();
  header.forEach((name, i) => columns.set(name, [...(columns.get(name) ?? []), i + 1]));
  for (const [name, at] of columns) if (at.length < 2) columns.delete(name);
  return columns;
}

function checkCsvHeader({ names: header, line }: CsvHeader, names: FieldNames, path: string, warn: (message: string) => void): void {
  // A row object keeps one value per name, so a repeated column we read would
  // silently take its last copy's text (e.g. every abstract "see attached pdf").
  const read = new Set(Object.values(names).flat());
  const describe = ([name, at]: [string, number[]]) => `"${name}" (columns ${at.join(' and ')})`;
  const duplicated = [...duplicatedNames(header)];
  const clashing = duplicated.filter(([name]) => read.has(name));
  if (clashing.length > 0) {
    throw new UserError(
      `${path}:${line}: CSV header repeats ${clashing.map(describe).join(', ')}; ` +
        'rename the copies so that each column read has one name, or map another column with --col-*',
    );
  }
  if (duplicated.length > 0) {
    warn(`${path}:${line}: CSV header repeats ${duplicated.map(describe).join(', ')}; not read, so no text is affected`);
  }
  // Without a title column every title is made from its abstract: fine for an abstract-only export, but not
  // when the user named a title column that is not there.
  const titleMapped = names.title !== DEFAULT_FIELD_NAMES.title;
  for (const field of titleMapped ? (['title', 'abstract'] as const) : (['abstract'] as const)) {
    if (!names[field].some((name) => header.includes(name))) {
      throw new UserError(
        `${path}:${line}: CSV header has no ${field} column (looked for ${names[field].join(', ')}; ` +
          `header is ${header.slice(0, 20).join(', ')}); map it with columns.${field}`,
      );
    }
  }
  if (!titleMapped && !names.title.some((name) => header.includes(name))) {
    warn(`${path}:${line}: CSV header has no ${names.title.join('/')} column: each title is made from its abstract's first sentence`);
  }
}

export async function ingestFile(path: string, options: IngestOptions = {}): Promise<IngestResult> {
  const name = path === STDIN_PATH ? 'stdin' : path;
  if (options.format !== undefined && !FORMATS.includes(options.format)) {
    throw new UserError(`${name}: unknown format "${String(options.format)}" (expected ${FORMATS.join(', ')})`);
  }
  const names = fieldNames(options.columns);
  const source = await openTextSource(path, options.onProgress);
  try {
    return await ingestSource(name, source, names, options);
  } finally {
    source.close();
  }
}

async function ingestSource(path: string, source: TextSource, names: FieldNames, options: IngestOptions): Promise<IngestResult> {
  const { prefix, chunks } = await peekText(source.chunks, DETECT_CHARS);
  if (prefix.trim() === '') {
    throw new UserError(`${path}: file is empty${source.gzipped ? ' (after decompression)' : ''}`);
  }
  const format = options.format ?? detectFormat(prefix, names);

  const report: IngestReport = {
    file: path,
    format,
    read: 0,
    kept: 0,
    skipped: {},
    undated: 0,
    badDates: 0,
    datedFromId: 0,
    ignored: 0,
    encoding: source.encoding(),
    invalidUtf8Rows: 0,
    warnings: [],
  };
  if (report.encoding !== 'utf-8') {
    report.warnings.push(`${path}: not UTF-8: read as ${report.encoding} (re-encode the file as UTF-8 if accents look wrong)`);
  }
  const papers: Paper[] = [];
  const records: number[] = [];
  const lineOfId = new Map<string, number>();
  const lineOfContent = new Map<string, number>();
  let betweenPapers = 0;
  let firstBetweenPapers = 0;

  const flag = (line: number, reason: IssueReason, detail: string, skipped: boolean): void => {
    const issue: IngestIssue = { file: path, line, reason, detail, skipped };
    if (skipped) report.skipped[reason] = (report.skipped[reason] ?? 0) + 1;
    options.onIssue?.(issue);
    if (options.strict) throw new UserError(formatIssue(issue));
  };

  for await (const row of rowsOf(format, chunks, names, path, (message) => report.warnings.push(message))) {
    if (row.kind === 'ignored') {
      report.ignored = (report.ignored ?? 0) + 1;
      if (row.betweenPapers && betweenPapers++ === 0) firstBetweenPapers = row.line;
      continue;
    }
    report.read++;
    if (row.kind === 'malformed') {
      flag(row.line, row.reason ?? 'malformed', row.detail, true);
      continue;
    }
    options.onRecord?.(row.value, report.read - 1, row.line);
    const outcome = recordToPaper(row.value, row.line, names);
    if (outcome.kind === 'skip') {
      flag(row.line, outcome.reason, outcome.detail, true);
      continue;
    }
    const { paper } = outcome;
    // Content first: for a paper without an id, its id is made from the content, and "same title and abstract" says why.
    const key = contentKey(paper.title, paper.abstract);
    const sameContent = lineOfContent.get(key);
    if (sameContent !== undefined) {
      flag(row.line, 'duplicate', `same title and abstract as line ${sameContent}`, true);
      continue;
    }
    const sameId = lineOfId.get(paper.id);
    if (sameId !== undefined) {
      flag(row.line, 'duplicate', `id ${paper.id} already read at line ${sameId}`, true);
      continue;
    }
    lineOfId.set(paper.id, row.line);
    lineOfContent.set(key, row.line);
    if (outcome.badDate !== undefined) {
      report.badDates++;
      flag(row.line, 'bad-date', outcome.badDate, false);
    }
    if (paper.date === null) report.undated++;
    if (paper.dateSource === 'arxiv-id') report.datedFromId = (report.datedFromId ?? 0) + 1;
    if (paper.titleFromAbstract) report.titlesFromAbstract = (report.titlesFromAbstract ?? 0) + 1;
    if (paper.titleOnly) report.titleOnly = (report.titleOnly ?? 0) + 1;
    if (hasReplacementChar(paper) && report.invalidUtf8Rows++ === 0) report.firstInvalidUtf8Line = paper.line;
    papers.push(paper);
    records.push(report.read - 1);
    report.kept++;
  }

  const { sha256, notes } = await source.finish();
  report.warnings.push(...notes.map((note) => `${path}: ${note}`));
  if (betweenPapers > 0) {
    report.warnings.push(
      `${path}:${firstBetweenPapers}: ${betweenPapers} paragraph${betweenPapers === 1 ? '' : 's'} between papers ` +
        'not read as papers (a title whose abstract is too short to recognise?)',
    );
  }
  if (report.invalidUtf8Rows > 0) {
    report.warnings.push(
      `${path}:${report.firstInvalidUtf8Line}: ${report.invalidUtf8Rows} paper${report.invalidUtf8Rows === 1 ? ' has' : 's have'} ` +
        'bytes that are not valid UTF-8 (shown as \ufffd); re-encode the file as UTF-8',
    );
  }
  if (report.kept === 0) {
    throw new UserError(`${path}: no papers kept (${formatReport(report)}; format ${format})`);
  }
  return { papers, report, records, sha256 };
}

function hasReplacementChar(paper: Paper): boolean {
  return paper.title.includes('\ufffd') || paper.abstract.includes('\ufffd') || paper.id.includes('\ufffd');
}

/** One line, e.g. "data/x.jsonl:17: skipped (empty-abstract): abstract is blank". */
export function formatIssue(issue: IngestIssue): string {
  const what = issue.skipped ? 'skipped' : 'kept undated';
  return printable(`${issue.file}:${issue.line}: ${what} (${issue.reason}): ${issue.detail}`);
}

/** e.g. "read 2000, kept 1990, skipped 10 (duplicate 7, empty-abstract 3); 5 undated". */
export function formatReport(report: IngestReport): string {
  const entries = (Object.entries(report.skipped) as [IssueReason, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const skipped = entries.reduce((sum, [, n]) => sum + n, 0);
  let text = `read ${report.read}, kept ${report.kept}, skipped ${skipped}`;
  if (entries.length > 0) text += ` (${entries.map(([reason, n]) => `${reason} ${n}`).join(', ')})`;
  text += `; ${report.undated} undated`;
  if (report.badDates > 0) text += ` (${report.badDates} bad date${report.badDates === 1 ? '' : 's'})`;
  if (report.datedFromId) text += `; ${report.datedFromId} dated from arXiv id`;
  if (report.titlesFromAbstract) {
    text += `; ${report.titlesFromAbstract} title${report.titlesFromAbstract === 1 ? '' : 's'} made from the abstract's first sentence`;
  }
  if (report.titleOnly) text += `; ${report.titleOnly} title-only (no abstract; the title is the text)`;
  if (report.ignored) text += `; ${report.ignored} non-paper paragraph${report.ignored === 1 ? '' : 's'} ignored`;
  for (const warning of report.warnings ?? []) text += `; warning: ${warning}`;
  return printable(text);
}
