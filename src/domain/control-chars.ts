/**
 * Characters that change a terminal or a chat client instead of being read: ANSI escape sequences (colour,
 * cursor moves, window titles), C0/C1 control characters other than tab and newline, bidirectional marks,
 * embeddings, overrides and isolates that reorder what a reader sees (U+061C, U+200E/F, U+202A–202E,
 * U+2066–2069), and lone surrogates (half a character, which some clients refuse or show as garbage).
 * Stripped from user messages and from document text (ingest, after entities are decoded), and again by every
 * renderer: this is the one definition all of them share.
 */
const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[P^_][^\x1b]*(?:\x1b\\)?|[ -/]*[0-~]?)|\x9b[0-?]*[ -/]*[@-~]?/g;
// With the u flag the surrogate range matches only a surrogate that is not half of a pair.
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/gu;

/** Breaks that end a line in some program: CRLF, CR, LF, NEL, LINE and PARAGRAPH SEPARATOR. */
export const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** Removes escape sequences and control characters; keeps tab and newline. */
export function stripControls(text: string): string {
  return text.replace(ANSI, '').replace(CONTROLS, '');
}
