/**
 * Repair of arXiv ids that a spreadsheet stored as floating-point numbers:
 * "704.001" was 0704.0010, "704.2" was 0704.2000 (the leading zero of YYMM and
 * the trailing zeros of the number are lost).
 */

const FLOAT_LIKE_ID = /^(\d{3,4})\.(\d{1,5})$/;

/**
 * Repair a damaged new-style arXiv id: pad YYMM to 4 digits, then right-pad the
 * number with zeros to 4 digits (YYMM < 1501) or 5 (from 1501, when arXiv
 * switched to 5-digit numbers). Anything that does not look like a damaged
 * new-style id (bad month, too many digits, old-style ids, free text) is
 * returned unchanged.
 */
export function repairFloatArxivId(raw: string): string {
  const m = FLOAT_LIKE_ID.exec(raw.trim());
  if (!m) return raw;
  const yymm = m[1].padStart(4, '0');
  const yy = Number(yymm.slice(0, 2));
  const mm = Number(yymm.slice(2));
  if (yy < 7 || mm < 1 || mm > 12) return raw; // new-style ids start at 0704
  const width = Number(yymm) < 1501 ? 4 : 5;
  if (m[2].length > width) return raw;
  return `${yymm}.${m[2].padEnd(width, '0')}`;
}
