/** Reply → plain text for the console, the `ask` command and any platform fallback. Short, Korean-first. */
import type { Block, Reply } from '../core/reply.js';
import { neutralizeReply } from './safe.js';

export const TEXT_LIMITS = { listItems: 15, tableRows: 20, cellChars: 80 } as const;

/** Renders the neutralised reply: the same strings `ask --json` prints in its `reply` object. */
export function renderText(raw: Reply): string {
  const reply = neutralizeReply(raw);
  const out: string[] = [reply.title];
  for (const block of reply.blocks) out.push(...renderBlock(block));
  if (reply.sources.length) out.push(`출처: ${reply.sources.join(' | ')}`);
  if (reply.suggestions.length) out.push(`더 물어보기: ${reply.suggestions.map((s) => `"${s}"`).join(', ')}`);
  return out.join('\n');
}

function renderBlock(block: Block): string[] {
  switch (block.type) {
    case 'text':
      return [block.text];
    case 'fields':
      return block.fields.map((f) => `- ${f.label}: ${f.value}`);
    case 'list': {
      const items = block.items.slice(0, TEXT_LIMITS.listItems).map((i) => `  • ${i}`);
      const more =
        block.items.length > TEXT_LIMITS.listItems ? [`  … 외 ${block.items.length - TEXT_LIMITS.listItems}건`] : [];
      return [...(block.caption ? [`[${block.caption}]`] : []), ...items, ...more];
    }
    case 'table': {
      const rows = block.rows.slice(0, TEXT_LIMITS.tableRows);
      const cell = (c: string) => (c.length > TEXT_LIMITS.cellChars ? `${c.slice(0, TEXT_LIMITS.cellChars)}…` : c);
      return [
        ...(block.caption ? [`[${block.caption}]`] : []),
        `  ${block.headers.map(cell).join(' | ')}`,
        ...rows.map((r) => `  ${r.map(cell).join(' | ')}`),
      ];
    }
  }
}
