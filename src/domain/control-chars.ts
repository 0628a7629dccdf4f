/**
 * Characters that change a terminal or a chat client instead of being read: ANSI escape sequences (colour,
 * cursor moves, window titles), C0/C1 control characters other than tab and newline, and bidirectional
 * overrides that reorder what a reader sees. Stripped from user messages and from document text.
 */
const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[P^_][^\x1b]*(?:\x1b\\)?|[ -/]*[0-~]?)|\x9b[0-?]*[ -/]*[@-~]?/g;
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Breaks that end a line in some program: CRLF, CR, LF, NEL, LINE and PARAGRAPH SEPARATOR. */
export const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** Removes escape sequences and control characters; keeps tab and newline. */
export function stripControls(text: string): string {
  return text.replace(ANSI, '').replace(CONTROLS, '');
}
