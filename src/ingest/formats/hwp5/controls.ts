/**
 * HWP 5's control characters in a paragraph's text (HWPTAG_PARA_TEXT, UTF-16 units): codes 0, 10, 13 and 24–31
 * take one unit; every other code below 32 takes eight (the code, six units of parameters, the code again).
 */

export const LINE_BREAK = 10;
export const TAB = 9;

export function controlWidth(code: number): number {
  return code === 0 || code === 10 || code === 13 || code >= 24 ? 1 : 8;
}

/** Controls with an object of their own (a ctrl_header record): tables, shapes, headers, notes, fields, sections. */
export const EXTENDED_CONTROLS = new Set([1, 2, 3, 11, 12, 14, 15, 16, 17, 18, 21, 22, 23]);
