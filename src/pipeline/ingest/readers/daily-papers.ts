/**
 * The text of a Hugging Face "Daily Papers" page: paragraphs separated by blank
 * lines, where each paper is a title paragraph followed by its abstract paragraph.
 *
 * Which paragraphs are papers is decided by shape, not by a list of known page
 * strings: a short paragraph followed by a long one is a title/abstract pair;
 * any other short paragraph ("Subscribe", "Aug 6", ...) is page chrome, reported
 * as ignored; a long paragraph without a title before it is a paper with a
 * missing title.
 *
 * A short abstract (under MIN_ABSTRACT_CHARS) must not be mistaken for the next
 * title, or it and its own title would be dropped as chrome. Between papers, a
 * short paragraph that reads as prose (ends with a full stop) right after a
 * title, and not itself followed by an abstract, is that title's abstract.
 * Page chrome before the first paper never gets this benefit of the doubt.
 */
import type { Line } from '../lines.ts';
import { excerpt, type RawRow } from './row.ts';

/** Titles on these pages are one line of at most ~200 characters. */
const MAX_TITLE_CHARS = 300;
/** Abstracts are several sentences; page chrome is a few words. */
const MIN_ABSTRACT_CHARS = 150;
/** A short abstract is still a sentence or more, not a label. */
const MIN_SHORT_ABSTRACT_WORDS = 5;

interface Paragraph {
  text: string;
  line: number;
  /** Line of an over-long line in the paragraph (its text is then incomplete). */
  tooLongLine?: number;
}

async function* paragraphs(lines: AsyncIterable<Line>): AsyncGenerator<Paragraph> {
  let parts: string[] = [];
  let start = 0;
  let tooLongLine: number | undefined;
  const paragraph = (): Paragraph => {
    const p: Paragraph = { text: parts.join('\n'), line: start };
    if (tooLongLine !== undefined) p.tooLongLine = tooLongLine;
    parts = [];
    tooLongLine = undefined;
    return p;
  };
  for await (const { text, line, tooLong } of lines) {
    if (!tooLong && text.trim() === '') {
      if (parts.length > 0) yield paragraph();
      continue;
    }
    if (parts.length === 0) start = line;
    if (tooLong) tooLongLine ??= line;
    parts.push(text);
  }
  if (parts.length > 0) yield paragraph();
}

function collapsedLength(text: string): number {
  return text.replace(/\s+/g, ' ').trim().length;
}

function looksLikeTitle(p: Paragraph): boolean {
  return p.tooLongLine === undefined && !p.text.includes('\n') && collapsedLength(p.text) <= MAX_TITLE_CHARS;
}

function looksLikeAbstract(p: Paragraph, title: Paragraph | null): boolean {
  const n = collapsedLength(p.text);
  return n >= MIN_ABSTRACT_CHARS && (title === null || n > collapsedLength(title.text));
}

/** Prose rather than a label or a title: several words ending with a full stop. */
function looksLikeShortAbstract(p: Paragraph): boolean {
  const text = p.text.trim();
  return /\.["')\]]*$/.test(text) && text.split(/\s+/).length >= MIN_SHORT_ABSTRACT_WORDS;
}

function chrome(p: Paragraph): RawRow {
  return { kind: 'ignored', line: p.line, detail: `page text, not a paper: ${excerpt(p.text)}` };
}

function tooLong(p: Paragraph, at: Paragraph): RawRow {
  return {
    kind: 'malformed',
    reason: 'line-too-long',
    line: at.line,
    detail: `paragraph with a line over the length cap at line ${p.tooLongLine}, skipped unread: ${excerpt(p.text)}`,
  };
}

export async function* readDailyPapers(lines: AsyncIterable<Line>): AsyncGenerator<RawRow> {
  let held: Paragraph | null = null; // a possible title waiting for its abstract
  let papersSeen = 0;
  // Chrome after a paper waits here: if another paper follows, it sat between
  // papers, where real pages have none, and is reported as possibly a paper.
  let waiting: RawRow[] = [];
  const ignore = function* (p: Paragraph): Generator<RawRow> {
    if (papersSeen === 0) yield chrome(p);
    else waiting.push(chrome(p));
  };
  const paper = function* (row: RawRow): Generator<RawRow> {
    for (const w of waiting) yield { ...w, betweenPapers: true } as RawRow;
    waiting = [];
    papersSeen++;
    yield row;
  };
  // One paragraph of lookahead: whether a short paragraph is a short abstract
  // or the next title depends on what follows it.
  const source = paragraphs(lines)[Symbol.asyncIterator]();
  let next = await source.next();
  while (!next.done) {
    const p = next.value;
    next = await source.next();
    const following = next.done ? null : next.value;
    if (p.tooLongLine !== undefined) {
      // An unreadable paragraph takes the held title with it: it was the abstract, or the two are lost together.
      yield* paper(tooLong(p, held ?? p));
      held = null;
      continue;
    }
    if (held !== null) {
      const shortAbstract =
        papersSeen > 0 &&
        looksLikeShortAbstract(p) &&
        !(following !== null && looksLikeTitle(p) && looksLikeAbstract(following, p));
      if (looksLikeAbstract(p, held) || shortAbstract) {
        yield* paper({ kind: 'record', line: held.line, value: { title: held.text, abstract: p.text } });
        held = null;
        continue;
      }
      yield* ignore(held);
      held = null;
    }
    if (looksLikeTitle(p)) {
      held = p;
    } else if (looksLikeAbstract(p, null)) {
      // A long paragraph with no title before it. In a structured file a row without a title is kept (titled from
      // its abstract); on a page of text nothing says this paragraph is a paper, so it is skipped as one without a title.
      yield* paper({ kind: 'malformed', reason: 'missing-title', line: p.line, detail: `a paragraph with no title before it: ${excerpt(p.text)}` });
    } else {
      yield* ignore(p);
    }
  }
  if (held !== null) yield* ignore(held);
  yield* waiting;
}
