/**
 * CSV (RFC 4180) and JSON export of the current selection. Titles come from the
 * corpus and labels from the user (or a shared link): in a CSV they are text,
 * never a spreadsheet formula. A title the corpus did not give (made from the
 * abstract) is flagged in its own column, so it is never taken for the author's.
 */

export interface ExportRow {
  id: string;
  title: string;
  date: string;
  cluster: number;
  label: string;
  /** The corpus gave no title: `title` is the abstract's first sentence. */
  titleFromAbstract: boolean;
}

/** Lead characters that make Excel, LibreOffice or Sheets read a cell as a formula (OWASP CSV injection). */
const FORMULA_LEAD = /^[=+\-@\t\r]/;

/**
 * One CSV cell. A text cell that would start a formula gets a leading `'` so a
 * spreadsheet shows it as text; then the cell is quoted when it holds a comma,
 * quote, CR or LF, with inner quotes doubled. Numbers are written as they are.
 */
export function csvField(value: string | number): string {
  const s = typeof value === 'string' && FORMULA_LEAD.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Excel decodes a CSV without a byte-order mark as the local code page, mangling "·", accents and CJK. */
export const UTF8_BOM = '\uFEFF';

export function toCsv(rows: readonly ExportRow[]): string {
  // The flag comes last, so the columns a reader already uses keep their place.
  const head = 'id,title,date,cluster,label,title_from_abstract';
  const lines = rows.map((r) => [r.id, r.title, r.date, r.cluster, r.label, r.titleFromAbstract ? 'yes' : 'no'].map(csvField).join(','));
  return UTF8_BOM + [head, ...lines].join('\r\n') + '\r\n';
}

export function toJson(rows: readonly ExportRow[]): string {
  return JSON.stringify(rows, null, 1);
}

export function download(name: string, content: string | Blob, type = 'text/plain'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The filters that made an export, written beside it so the file can be traced back to a view. */
export interface FilterRecord {
  app: 'topic-atlas';
  exported: string;
  query: string | null;
  level: string;
  clusters: { id: number; label: string }[];
  period: string | null;
  /** The map's area selection [x0, y0, x1, y1] in map coordinates. */
  area: [number, number, number, number] | null;
  papers: number;
  ofPapers: number;
  /** The dashboard address that reproduces the view. */
  view: string;
}

/**
 * A file name that says what is in the file: atlas-<query>-<YYYY-MM-DD>.<ext>.
 * The query keeps its letters and digits (any script), "-word" becomes "not-word",
 * everything else one dash; at most 48 characters; "all" without a query.
 */
export function exportFileName(query: string, date: Date, ext: string): string {
  const spelled = query.normalize('NFKC').replace(/(^|[\s(])-(?=\S)/g, '$1not ').toLowerCase();
  let slug = spelled.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  if (slug.length > 48) slug = slug.slice(0, 48).replace(/-+[^-]*$/, '') || slug.slice(0, 48);
  const day = date.toISOString().slice(0, 10);
  return `atlas-${slug || 'all'}-${day}.${ext}`;
}

/** The JSON export: the filter record, then the papers. */
export function toJsonWithFilters(rows: readonly ExportRow[], filters: FilterRecord): string {
  return JSON.stringify({ filters, papers: rows }, null, 1);
}

/** One line naming every active filter, for the PNG's caption. */
export function filterLine(parts: readonly { name: string; description: string }[], passing: number, total: number): string {
  const head = `${passing.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} papers`;
  return parts.length === 0 ? `${head} · no filter` : [head, ...parts.map((p) => `${p.name}: ${p.description}`)].join(' · ');
}

/** How a clause's source is named to the user (chips, captions). */
export const CLAUSE_NAMES: Readonly<Record<'keyword' | 'cluster' | 'time' | 'map', string>> = { keyword: 'keyword', cluster: 'cluster', time: 'period', map: 'area' };
