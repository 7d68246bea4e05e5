/**
 * The text of a Hugging Face "Daily Papers" page: paragraphs separated by blank
 * lines, where each paper is a title paragraph followed by its abstract paragraph.
 *
 * Which paragraphs are papers is decided by shape, not by a list of known page
 * strings: a short paragraph followed by a long one is a title/abstract pair;
 * any other short paragraph ("Subscribe", "Aug 6", ...) is page chrome, reported
 * as ignored; a long paragraph without a title before it is a paper with a
 * missing title.
 */
import type { Line } from '../lines.ts';
import { excerpt, type RawRow } from './row.ts';

/** Titles on these pages are one line of at most ~200 characters. */
const MAX_TITLE_CHARS = 300;
/** Abstracts are several sentences; page chrome is a few words. */
const MIN_ABSTRACT_CHARS = 150;

interface Paragraph {
  text: string;
  line: number;
}

async function* paragraphs(lines: AsyncIterable<Line>): AsyncGenerator<Paragraph> {
  let parts: string[] = [];
  let start = 0;
  for await (const { text, line } of lines) {
    if (text.trim() === '') {
      if (parts.length > 0) yield { text: parts.join('\n'), line: start };
      parts = [];
      continue;
    }
    if (parts.length === 0) start = line;
    parts.push(text);
  }
  if (parts.length > 0) yield { text: parts.join('\n'), line: start };
}

function collapsedLength(text: string): number {
  return text.replace(/\s+/g, ' ').trim().length;
}

function looksLikeTitle(p: Paragraph): boolean {
  return !p.text.includes('\n') && collapsedLength(p.text) <= MAX_TITLE_CHARS;
}

function looksLikeAbstract(p: Paragraph, title: Paragraph | null): boolean {
  const n = collapsedLength(p.text);
  return n >= MIN_ABSTRACT_CHARS && (title === null || n > collapsedLength(title.text));
}

export async function* readDailyPapers(lines: AsyncIterable<Line>): AsyncGenerator<RawRow> {
  let held: Paragraph | null = null; // a possible title waiting for its abstract
  for await (const p of paragraphs(lines)) {
    if (held !== null) {
      if (looksLikeAbstract(p, held)) {
        yield { kind: 'record', line: held.line, value: { title: held.text, abstract: p.text } };
        held = null;
        continue;
      }
      yield { kind: 'ignored', line: held.line, detail: `page text, not a paper: ${excerpt(held.text)}` };
      held = null;
    }
    if (looksLikeTitle(p)) {
      held = p;
    } else if (looksLikeAbstract(p, null)) {
      // A long paragraph with no title before it: an abstract whose title is missing.
      yield { kind: 'record', line: p.line, value: { abstract: p.text } };
    } else {
      yield { kind: 'ignored', line: p.line, detail: `page text, not a paper: ${excerpt(p.text)}` };
    }
  }
  if (held !== null) {
    yield { kind: 'ignored', line: held.line, detail: `page text, not a paper: ${excerpt(held.text)}` };
  }
}
