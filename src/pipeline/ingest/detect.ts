/** Input format from content (never from the file extension). */
import type { FieldNames } from './record.ts';
import type { InputFormat } from './types.ts';

/** Characters to peek at: enough for the first line of any format we read. */
export const DETECT_CHARS = 64 * 1024;

/** Split one CSV line into trimmed header names (quotes honoured, no newlines). */
function headerNames(line: string): string[] {
  const names: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      names.push(field.trim());
      field = '';
    } else field += ch;
  }
  names.push(field.trim());
  return names;
}

function isSnapshotRecord(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const rec = value as Record<string, unknown>;
    return typeof rec.id === 'string' && Array.isArray(rec.versions) && ('update_date' in rec || 'authors_parsed' in rec);
  } catch {
    return false;
  }
}

/**
 * '{' → JSON lines (the arXiv metadata snapshot when the first record has its
 * `versions` list); '[' → JSON array; a first line with commas naming the title
 * or abstract column → CSV; anything else → a Daily Papers page (paragraphs of text).
 */
export function detectFormat(prefix: string, names: FieldNames): InputFormat {
  const start = prefix.search(/\S/);
  if (start < 0) return 'daily-papers';
  const rest = prefix.slice(start);
  const nl = rest.indexOf('\n');
  const firstLine = (nl < 0 ? rest : rest.slice(0, nl)).replace(/\r$/, '');
  if (rest[0] === '{') return isSnapshotRecord(firstLine) ? 'arxiv-snapshot' : 'jsonl';
  if (rest[0] === '[') return 'json';
  if (firstLine.includes(',')) {
    const header = headerNames(firstLine);
    if (header.length >= 2 && [...names.title, ...names.abstract].some((name) => header.includes(name))) return 'csv';
  }
  return 'daily-papers';
}
