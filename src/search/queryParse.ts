/**
 * The keyword query language: text → expression tree, plus every part of the
 * text the parser did not understand, so the search box can say so instead of
 * silently searching it as a word.
 *
 *   query   := or
 *   or      := and ("OR" and)*            OR binds loosest: a OR b c = a OR (b AND c)
 *   and     := unary ("AND"? unary)*      juxtaposition is AND; an explicit AND is allowed
 *   unary   := "-" unary | "NOT" unary | "(" or ")" | atom
 *   atom    := word | "quoted phrase" | prefix*
 *
 * Operators are the capitalised words OR, AND, NOT (as in Google and Lucene);
 * in lower case they are searched as words, with a note saying so. A "-" starts
 * an exclusion only at the start of a chunk: "fine-tuning" stays a phrase.
 * Anything left over (a lone "-", a dangling OR, an unclosed quote or
 * parenthesis, a chunk with no letters) is listed in `problems` with its
 * position; the rest of the query still filters.
 */
import { foldWord } from './normalize.ts';
import { tokenSpans } from './tokenize.ts';

export const MIN_PREFIX_LENGTH = 2;
export const MIN_PARTIAL_PREFIX_LENGTH = 3;

/** A leaf: one key, a phrase of keys, or a forced prefix. */
export type QueryAtom =
  | { kind: 'term'; key: string; /** Folded form when this is the unfinished last word. */ partial: string | null }
  | { kind: 'phrase'; keys: string[] }
  | { kind: 'prefix'; folded: string };

export type QueryNode =
  | QueryAtom
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode };

/** A part of the query that was not understood (or is easy to misread), with its [start, end) in the text. */
export interface QueryProblem {
  start: number;
  end: number;
  message: string;
}

type Token =
  | { t: 'word'; text: string; start: number; end: number }
  | { t: 'quote'; text: string; start: number; end: number }
  | { t: 'or' | 'and' | 'not' | 'neg' | 'open' | 'close'; start: number; end: number };

const OPERATORS: Record<string, 'or' | 'and' | 'not'> = { OR: 'or', AND: 'and', NOT: 'not' };
const LOWER_OPERATORS = new Set(['or', 'and', 'not']);

function lex(q: string, problems: QueryProblem[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"') {
      const close = q.indexOf('"', i + 1);
      const end = close < 0 ? q.length : close + 1;
      if (close < 0) problems.push({ start: i, end, message: 'unclosed quote: the phrase runs to the end' });
      tokens.push({ t: 'quote', text: q.slice(i + 1, close < 0 ? q.length : close), start: i, end });
      i = end;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ t: ch === '(' ? 'open' : 'close', start: i, end: i + 1 });
      i++;
    } else if (ch === '-') {
      // Only a dash at the start of a chunk gets here (a word's inner dashes are read with the word): it excludes what follows.
      tokens.push({ t: 'neg', start: i, end: i + 1 });
      i++;
    } else {
      let j = i;
      while (j < q.length && !/[\s"()]/.test(q[j]!)) j++;
      const text = q.slice(i, j);
      const op = OPERATORS[text];
      tokens.push(op ? { t: op, start: i, end: j } : { t: 'word', text, start: i, end: j });
      i = j;
    }
  }
  return tokens;
}

export interface ParsedTree {
  expr: QueryNode | null;
  problems: QueryProblem[];
}

/** Parses a query into its tree and the problems found on the way (never throws). */
export function parseTree(q: string): ParsedTree {
  const problems: QueryProblem[] = [];
  const tokens = lex(q, problems);
  // The last chunk is unfinished while the user types (no space, quote or bracket after it).
  const last = tokens[tokens.length - 1];
  const openWord = last !== undefined && last.t === 'word' && last.end === q.length ? last : null;
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const ends = (t: Token | undefined) => t === undefined || t.t === 'close' || t.t === 'or';

  function parseOr(): QueryNode | null {
    const children: QueryNode[] = [];
    const first = parseAnd();
    if (first) children.push(first);
    while (peek()?.t === 'or') {
      const op = tokens[pos++]!;
      if (children.length === 0) problems.push({ start: op.start, end: op.end, message: 'OR with nothing before it: ignored' });
      const next = parseAnd();
      if (next) children.push(next);
      else problems.push({ start: op.start, end: op.end, message: 'OR with nothing after it: ignored' });
    }
    return children.length === 0 ? null : children.length === 1 ? children[0]! : { kind: 'or', children };
  }

  function parseAnd(): QueryNode | null {
    const children: QueryNode[] = [];
    while (!ends(peek())) {
      const t = peek()!;
      if (t.t === 'and') {
        pos++;
        if (children.length === 0 || ends(peek())) problems.push({ start: t.start, end: t.end, message: 'AND with nothing on one side: ignored' });
        continue;
      }
      const node = parseUnary();
      if (node) children.push(node);
    }
    return children.length === 0 ? null : children.length === 1 ? children[0]! : { kind: 'and', children };
  }

  function parseUnary(): QueryNode | null {
    const t = tokens[pos++]!;
    if (t.t === 'neg' || t.t === 'not') {
      const next = peek();
      if (ends(next) || next!.t === 'and') {
        const what = t.t === 'neg' ? '"-"' : 'NOT';
        problems.push({ start: t.start, end: t.end, message: `${what} with nothing after it: ignored (write ${t.t === 'neg' ? '-word' : 'NOT word'} to exclude a word)` });
        return null;
      }
      const child = parseUnary();
      return child ? { kind: 'not', child } : null;
    }
    if (t.t === 'open') {
      const inner = parseOr();
      if (peek()?.t === 'close') pos++;
      else problems.push({ start: t.start, end: t.end, message: '"(" without ")": closed at the end' });
      return inner;
    }
    if (t.t === 'word' || t.t === 'quote') return atomOf(t, t === openWord);
    // 'and' is consumed by parseAnd, 'close' and 'or' end it: nothing else reaches here.
    return null;
  }

  function atomOf(t: Token & { text: string }, unfinished: boolean): QueryNode | null {
    const quoted = t.t === 'quote';
    const text = t.text;
    const forcedPrefix = !quoted && text.endsWith('*');
    const spans = tokenSpans(text);
    if (spans.length === 0) {
      if (!quoted || text.trim()) problems.push({ start: t.start, end: t.end, message: 'no searchable letters: ignored' });
      return null;
    }
    if (!quoted && LOWER_OPERATORS.has(text)) {
      problems.push({ start: t.start, end: t.end, message: `searched as a word; write ${text.toUpperCase()} in capitals for the operator` });
    }
    if (!quoted && spans.some((s) => s.cjk)) {
      // CJK outside quotes: the AND of its bigrams (a lone character is a prefix), see query.ts.
      const atoms: QueryNode[] = spans.map((s) => {
        const lone = s.cjk === true && spans.length === 1 && s.end - s.start === s.key.length && Array.from(s.key).length === 1;
        return lone ? { kind: 'prefix', folded: s.key } : { kind: 'term', key: s.key, partial: null };
      });
      return atoms.length === 1 ? atoms[0]! : { kind: 'and', children: atoms };
    }
    if (spans.length > 1) return { kind: 'phrase', keys: spans.map((s) => s.key) };
    const folded = foldWord(text.slice(spans[0]!.start, spans[0]!.end));
    if (forcedPrefix) {
      if (folded.length >= MIN_PREFIX_LENGTH) return { kind: 'prefix', folded };
      problems.push({ start: t.start, end: t.end, message: `a prefix needs ${MIN_PREFIX_LENGTH} letters; searched as a word` });
    }
    return { kind: 'term', key: spans[0]!.key, partial: !quoted && !forcedPrefix && unfinished ? folded : null };
  }

  let expr = parseOr();
  while (pos < tokens.length) {
    // Only a ")" without its "(" stops parseOr early.
    const t = tokens[pos++]!;
    problems.push({ start: t.start, end: t.end, message: '")" without "(": ignored' });
    const rest = parseOr();
    if (rest) expr = expr ? { kind: 'and', children: [expr, rest] } : rest;
  }
  problems.sort((a, b) => a.start - b.start);
  return { expr, problems };
}
