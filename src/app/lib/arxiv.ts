/** arXiv ids: new style (2101.01234, 2101.01234v2) and old style (hep-th/9901001, math.GT/0309136). */
const NEW_STYLE = /^(?:arxiv:)?(\d{4}\.\d{4,5}(?:v\d+)?)$/i;
const OLD_STYLE = /^(?:arxiv:)?([a-z-]+(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)$/i;

export function arxivUrl(id: string): string | null {
  const m = id.trim().match(NEW_STYLE) ?? id.trim().match(OLD_STYLE);
  return m ? `https://arxiv.org/abs/${m[1]}` : null;
}
