/**
 * Text from a corpus (ids, titles, file names) ends up in terminal messages; a
 * control character there can clear the screen, retitle the window or reorder
 * what the user reads. `printable` shows every such character as an escape.
 */

// C0/C1 controls and DEL (Cc), format characters such as bidi overrides and
// zero-width marks (Cf), line/paragraph separators, lone surrogates, private-use
// and unassigned code points: none of them prints as itself.
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]/gu;

/** `text` with each non-printable character written as \u{hex}, e.g. ESC → "\u{1b}". */
export function printable(text: string): string {
  return text.replace(NON_PRINTABLE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}
