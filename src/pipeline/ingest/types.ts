/** One paper as the ingest stage hands it to the rest of the pipeline. */
export interface Paper {
  /** Source id (arXiv id where known); unique within a corpus. Generated from the text ("noid-<hash>", see content-id.ts) when absent. */
  id: string;
  title: string;
  abstract: string;
  /** Calendar date normalised to 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; null when the row has none (or it was unparseable). */
  date: string | null;
  /** Ground-truth label for evaluation (JSON `label`, else the archive of the first category). */
  label?: string;
  categories?: string[];
  /** Where `date` came from: the record's own date field, or (fallback when it has none) the month of its arXiv id. */
  dateSource?: 'field' | 'arxiv-id';
  /** The row had no title: `title` is its abstract's first sentence (derive-title.ts). */
  titleFromAbstract?: true;
  /** The row had no abstract: its title (of enough words) is its whole text, and `abstract` is ''. */
  titleOnly?: true;
  /** 1-based line in the input where the record starts (for messages). */
  line: number;
}

export type InputFormat = 'jsonl' | 'json' | 'csv' | 'daily-papers' | 'arxiv-snapshot';

/** Why a row was skipped (or, for `undated`/`bad-date`, kept but flagged). */
export type IssueReason =
  | 'malformed'        // unparseable JSON line / CSV row
  | 'missing-title'
  | 'empty-abstract'
  | 'duplicate'        // same id, or same normalised title+abstract, as an earlier row
  | 'bad-date'         // date present but unparseable: the paper is kept, undated
  | 'not-an-object'
  | 'trailing-content' // non-blank text after the end of the data (e.g. after a JSON array's "]"); not read
  | 'line-too-long';   // a line over MAX_LINE_CHARS: skipped without being held in memory

export interface IngestIssue {
  file: string;
  line: number;
  reason: IssueReason;
  detail: string;
  /** false when the paper was kept anyway (bad-date). */
  skipped: boolean;
}

export interface IngestReport {
  file: string;
  format: InputFormat;
  read: number;
  kept: number;
  skipped: Partial<Record<IssueReason, number>>;
  /** Kept papers without a usable date (no date field, or bad-date). */
  undated: number;
  badDates: number;
  /** Kept papers dated by the arXiv-id fallback (month precision) because the row had no date. */
  datedFromId?: number;
  /** Kept papers whose title was made from the abstract's first sentence (the row had none). */
  titlesFromAbstract?: number;
  /** Kept papers without an abstract, their title (of enough words) being their text. */
  titleOnly?: number;
  /** Input that is not a record by design (page chrome of a Daily Papers page); not counted in `read`. */
  ignored?: number;
  /** How the bytes were decoded: UTF-8, or windows-1252 when the start of the file is clearly not UTF-8. */
  encoding: TextEncoding;
  /** Kept papers whose text holds U+FFFD, i.e. bytes that were not valid UTF-8 (their characters are lost). */
  invalidUtf8Rows: number;
  /** Line of the first of them. */
  firstInvalidUtf8Line?: number;
  /** Things about the whole input a user should know (not about one row), one sentence each. */
  warnings: string[];
}

export type TextEncoding = 'utf-8' | 'windows-1252';

/** A mistake in the user's input or options: printed as one line, never as a stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}
