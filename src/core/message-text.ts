/**
 * A chat message as the answering code sees it, normalised once at the boundary: every kind of line break is a
 * space (CR, CRLF, U+2028: one message stays one question), escape and control characters are gone, and
 * mentions and markup are not part of a question: "<@U123>", "<!channel>", "@everyone", "<script>".
 */
import { StringDecoder } from 'node:string_decoder';
import { LINE_BREAK, stripControls } from '../domain/control-chars.js';

/** Longer messages are cut before any other work: nothing a user pastes can make cleaning slow. */
export const MAX_MESSAGE_CHARS = 5000;

export function normalizeMessage(message: string): string {
  return stripControls(message.slice(0, MAX_MESSAGE_CHARS).normalize('NFC').replace(LINE_BREAK, ' '))
    .replace(/<[^>]{0,200}>/g, ' ')
    .replace(/@(?:everyone|here|channel)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Input lines for "one reply per line": split on LF only (a CRLF's CR is dropped), so a lone CR or U+2028
 * inside a line does not turn one question into two.
 */
export async function* inputLines(input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      yield pending.slice(0, nl).replace(/\r$/, '');
      pending = pending.slice(nl + 1);
      nl = pending.indexOf('\n');
    }
  }
  pending += decoder.end();
  if (pending !== '') yield pending.replace(/\r$/, '');
}

/** JSON on one line for line-based readers: U+2028/U+2029 escaped too (JSON allows them raw; many readers split there). */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}
