/** CSV (RFC 4180) and JSON export of the current selection. */

export interface ExportRow {
  id: string;
  title: string;
  date: string;
  cluster: number;
  label: string;
}

/** Quotes a field when it holds a comma, quote, CR or LF; doubles inner quotes. */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly ExportRow[]): string {
  const head = 'id,title,date,cluster,label';
  const lines = rows.map((r) => [r.id, r.title, r.date, r.cluster, r.label].map(csvField).join(','));
  return [head, ...lines].join('\r\n') + '\r\n';
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
