/**
 * The neutral reply every command returns. Renderers turn it into plain text, Slack blocks or Discord embeds;
 * nothing here knows a platform.
 */
export type Block =
  | { type: 'text'; text: string }
  | { type: 'fields'; fields: Array<{ label: string; value: string }> }
  | { type: 'table'; caption: string | null; headers: string[]; rows: string[][] }
  | { type: 'list'; caption: string | null; items: string[] };

export type ReplyKind = 'answer' | 'not_found' | 'ambiguous' | 'help' | 'error';

export interface Reply {
  kind: ReplyKind;
  title: string;
  blocks: Block[];
  /** "suwon-…txt · 2. 예산투자현황 및 투자계획 · 21–27행": where every number came from. */
  sources: string[];
  /** Follow-up messages the user can send as they are. */
  suggestions: string[];
  /** The one project an answer is about, as a query that finds it again (code or title): for follow-up buttons. */
  subject?: string | undefined;
  /** Which answerer produced the reply and what was tried before it (for `ask --json` and feedback; not rendered). */
  trace?: string[] | undefined;
}

export function reply(kind: ReplyKind, title: string, blocks: Block[] = [], extra: Partial<Reply> = {}): Reply {
  return { kind, title, blocks, sources: [], suggestions: [], ...extra };
}

export const text = (t: string): Block => ({ type: 'text', text: t });
export const fields = (f: Array<{ label: string; value: string | null | undefined }>): Block => ({
  type: 'fields',
  fields: f.filter((x): x is { label: string; value: string } => !!x.value),
});
export const list = (items: string[], caption: string | null = null): Block => ({ type: 'list', caption, items });
export const table = (headers: string[], rows: string[][], caption: string | null = null): Block => ({
  type: 'table',
  caption,
  headers,
  rows,
});
