/**
 * Text from a document or a user must never ping a channel or drive a terminal: "@everyone", "@here",
 * "<!channel>", "<@U123>", "<#C123>" and HTML are defused, escape and control characters removed, before any
 * renderer sees them. A zero-width joiner after "@" keeps the word readable while no platform treats it as a
 * mention. Every renderer (plain text, Slack, Discord, `ask --json`) neutralises its strings here again, whatever
 * ingest already stripped: a reply also carries what users typed and what a later code path adds.
 */
import type { Block, Reply } from '../core/reply.js';
import { LINE_BREAK, stripControls } from '../domain/control-chars.js';

export function defuse(text: string): string {
  return text
    .replace(/<(?=[!@#])/g, '‹')
    .replace(/(‹[!@#][^>]*)>/g, '$1›')
    // An e-mail's "@" (a letter or digit before it) mentions no one and stays as written, so it can be copied.
    .replace(/@(?=everyone|here|channel)|(?<![\w.+-])@(?=[A-Za-z0-9_])/gi, '@\u2060')
    .replace(/<(\/?)(script|iframe|img|a|style)\b/gi, '‹$1$2');
}

/** One string made safe to show: no control characters, no mention. Idempotent. */
export function neutralize(text: string): string {
  return defuse(stripControls(text));
}

/** Any JSON value with every string in it neutralised (keys too): for `--json` output of stored rows and digests. */
export function neutralizeJson<T>(value: T): T {
  if (typeof value === 'string') return neutralize(value) as T;
  if (Array.isArray(value)) return value.map(neutralizeJson) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [neutralize(k), neutralizeJson(v)])) as T;
  return value;
}

/** One terminal line: neutralised, and its line breaks shown as " ⏎ " so a stored text cannot forge further lines. */
export function terminalLine(text: string): string {
  return neutralize(text).replace(LINE_BREAK, ' ⏎ ');
}

/** The same reply with every string neutralised: what every renderer and every JSON consumer gets. */
export function neutralizeReply(reply: Reply): Reply {
  // Any other string field (a later addition) is neutralised too: safe by default, not by remembering.
  const rest = Object.fromEntries(
    Object.entries(reply).map(([k, v]) => [k, typeof v === 'string' && k !== 'kind' ? neutralize(v) : v]),
  ) as unknown as Reply;
  return {
    ...rest,
    title: neutralize(reply.title),
    blocks: reply.blocks.map(neutralizeBlock),
    sources: reply.sources.map(neutralize),
    suggestions: reply.suggestions.map(neutralize),
    ...(reply.subject !== undefined ? { subject: neutralize(reply.subject) } : {}),
  };
}

function neutralizeBlock(block: Block): Block {
  const opt = (s: string | null) => (s === null ? null : neutralize(s));
  switch (block.type) {
    case 'text':
      return { type: 'text', text: neutralize(block.text) };
    case 'fields':
      return { type: 'fields', fields: block.fields.map((f) => ({ label: neutralize(f.label), value: neutralize(f.value) })) };
    case 'list':
      return { type: 'list', caption: opt(block.caption), items: block.items.map(neutralize) };
    case 'table':
      return {
        type: 'table',
        caption: opt(block.caption),
        headers: block.headers.map(neutralize),
        rows: block.rows.map((r) => r.map(neutralize)),
      };
  }
}
