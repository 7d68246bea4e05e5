/**
 * LaTeX markup as arXiv abstracts carry it, reduced to plain words.
 *
 * Math ($...$, $$...$$, \(...\), \[...\]) is dropped and leaves a comma behind so
 * that the words on either side are not read as a phrase. Text-formatting commands
 * (\emph{x}, \textit{x}, unknown \cmd{x}) keep their argument; reference commands
 * (\cite, \ref, \label, \url) lose it. Escaped specials (\% \& \# \_) become the
 * character, accents (\"o, {\'e}) the bare letter; remaining ^ _ { } ~ become spaces.
 */

const ESCAPED = /\\([%&#_])/g;
const ESCAPED_DOLLAR = /\\\$/g;
const ACCENT = /\{?\\(?:['"^`~=.]\s*\{?|[uvHc]\{)([A-Za-z])\}?\}?/g;
const DISPLAY_MATH = /\$\$[\s\S]*?\$\$|\\\[[\s\S]*?\\\]/g;
const INLINE_MATH = /\$[^$]*\$|\\\([\s\S]*?\\\)/g;
const DROP_WITH_ARGUMENT = /\\(?:cite[a-zA-Z]*|ref|eqref|autoref|cref|Cref|label|url)\*?\s*(?:\[[^\]]*\]\s*)?\{[^{}]*\}/g;
const HREF = /\\href\s*\{[^{}]*\}/g;
const COMMAND = /\\[a-zA-Z]+\*?/g;
const LINE_BREAK = /\\\\/g;
const LEFTOVER = /[\^_{}~\\$]/g;
const URL = /\b(?:https?:\/\/|www\.)\S+/g;

export function stripLatex(text: string): string {
  if (!/[\\$^_{}~]|http|www\./.test(text)) return text; // most abstracts: nothing to do
  return text
    .replace(URL, ' , ')
    .replace(ESCAPED_DOLLAR, ' ')
    .replace(ESCAPED, ' $1 ')
    .replace(ACCENT, '$1')
    .replace(DISPLAY_MATH, ' , ')
    .replace(INLINE_MATH, ' , ')
    .replace(DROP_WITH_ARGUMENT, ' ')
    .replace(HREF, ' ')
    .replace(LINE_BREAK, ' ')
    .replace(COMMAND, '')
    .replace(LEFTOVER, ' ');
}
