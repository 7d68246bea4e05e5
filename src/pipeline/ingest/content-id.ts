/**
 * Identity of a paper by its text, for rows that carry no id: the same title and
 * abstract give the same key in every file and every run, so `--update` can tell
 * a paper already on the map from a new one without relying on line numbers.
 */
import { createHash } from 'node:crypto';

/** Prefix of generated ids: a reader can tell at a glance that the source had none. */
export const CONTENT_ID_PREFIX = 'noid-';
/** 64 bits: collisions stay below one in ten million even for a million papers. */
const CONTENT_ID_HEX = 16;

// Whitespace is not collapsed here: papers' text already is (record.ts), and
// a regex pass over every abstract would cost more than the rest of the key.
function normalised(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** sha256 (hex) of the title and abstract as ingest stores them (whitespace collapsed); case and Unicode form do not count. */
export function contentKey(title: string, abstract: string): string {
  return createHash('sha256').update(normalised(title)).update('\0').update(normalised(abstract)).digest('hex');
}

/** e.g. "noid-3f2a9c0d41b7e865": the id of a paper whose row had none. */
export function contentId(title: string, abstract: string): string {
  return CONTENT_ID_PREFIX + contentKey(title, abstract).slice(0, CONTENT_ID_HEX);
}
