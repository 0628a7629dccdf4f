/**
 * Reply → Discord messages (API JSON, no SDK import): embeds with a title, fields and the source as footer,
 * follow-up and feedback buttons. Every limit Discord enforces is a named constant; text that does not fit
 * is split over further embeds or shortened with a count of what was left out, never rejected. All document
 * text is neutralised (../render/safe.ts: control and bidi characters stripped, mentions defused) and
 * markdown-escaped, masked links `[text](url)` included, and every message disables mentions.
 */
import type { Block, Reply, ReplyKind } from '../core/reply.js';
import { stripControls } from '../domain/control-chars.js';
import { neutralize } from './safe.js';

/** Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Sum of every embed's title, description, field names and values and footer in one message. */
  embedTotal: 6000,
  embeds: 10,
  content: 2000,
  buttonsPerRow: 5,
  rows: 5,
  buttonLabel: 80,
  customId: 100,
} as const;

export interface DiscordEmbed {
  title?: string;
  description?: string;
  color: number;
  fields: Array<{ name: string; value: string; inline: boolean }>;
  footer?: { text: string };
}

export interface DiscordButton {
  type: 2;
  /** 1 primary, 2 secondary, 3 success, 4 danger. */
  style: 1 | 2 | 3 | 4;
  label: string;
  custom_id: string;
}

export interface DiscordActionRow {
  type: 1;
  components: DiscordButton[];
}

export interface DiscordMessage {
  content: string;
  embeds: DiscordEmbed[];
  components: DiscordActionRow[];
  allowed_mentions: { parse: [] };
}

const COLOR: Record<ReplyKind, number> = {
  answer: 0x2b6cb0,
  ambiguous: 0xd69e2e,
  not_found: 0x718096,
  help: 0x38a169,
  error: 0xc53030,
};

/** Follow-ups offered for the project an answer is about: the command and its Korean label. */
export const FOLLOW_UPS = [
  { command: 'budget', label: '예산' },
  { command: 'milestones', label: '일정' },
  { command: 'owner', label: '담당자' },
] as const;

export interface RenderOptions {
  /** The command that produced the reply (its own follow-up button is left out). */
  command?: string | undefined;
  /** Custom ids of the 👍/👎 buttons; none when null. */
  feedback?: { up: string; down: string } | null;
}

/** Prefix of every custom id damdang sends, so other apps' components are never mistaken for ours. */
export const CUSTOM_ID_PREFIX = 'damdang';

/**
 * `damdang:ask:<command>:<query>`; the query is shortened to fit Discord's 100-character custom id. It comes back
 * as the question when clicked, so it is only stripped of control characters, not defused.
 */
export function followUpId(command: string, query: string): string {
  const head = `${CUSTOM_ID_PREFIX}:ask:${command}:`;
  return head + stripControls(query).slice(0, DISCORD_LIMITS.customId - head.length);
}

export function renderDiscord(reply: Reply, options: RenderOptions = {}): DiscordMessage {
  return renderDiscordCounted(reply, options).message;
}

/**
 * The message and how many lines or fields were left out to fit it (0: shown whole). A caller that splits a long
 * reply into posts (digests) needs the count: the rendered size is capped by what was left out, so size alone
 * never says a part is too big.
 */
export function renderDiscordCounted(reply: Reply, options: RenderOptions = {}): { message: DiscordMessage; omitted: number } {
  const color = COLOR[reply.kind];
  const title = shorten(safe(reply.title), DISCORD_LIMITS.title);
  const embeds: DiscordEmbed[] = [];
  let current: DiscordEmbed = { title, color, fields: [] };
  embeds.push(current);
  let used = title.length;
  let omitted = 0;
  const footer = reply.sources.length
    ? shorten(`출처: ${reply.sources.map(neutralize).join(' | ')}`, DISCORD_LIMITS.footer)
    : null;
  // Room kept for the footer and the "… 생략" notice, so they always fit the 6,000 total.
  const reserve = (footer?.length ?? 0) + 60;
  const room = () => DISCORD_LIMITS.embedTotal - reserve - used;
  const next = (): DiscordEmbed | null => {
    if (embeds.length >= DISCORD_LIMITS.embeds) return null;
    current = { color, fields: [] };
    embeds.push(current);
    return current;
  };

  const addLine = (line: string): void => {
    const text = shorten(line, DISCORD_LIMITS.description);
    const desc = current.description;
    const extra = desc ? text.length + 1 : text.length;
    if (extra > room()) return void omitted++;
    if ((desc?.length ?? 0) + extra > DISCORD_LIMITS.description || current.fields.length > 0) {
      if (!next()) return void omitted++;
    }
    current.description = current.description ? `${current.description}\n${text}` : text;
    used += extra;
  };
  const addField = (nameRaw: string, valueRaw: string, inline: boolean): void => {
    const name = shorten(nameRaw || '\u200b', DISCORD_LIMITS.fieldName);
    const value = shorten(valueRaw || '-', DISCORD_LIMITS.fieldValue);
    if (name.length + value.length > room()) return void omitted++;
    if (current.fields.length >= DISCORD_LIMITS.fields && !next()) return void omitted++;
    current.fields.push({ name, value, inline });
    used += name.length + value.length;
  };

  for (const block of reply.blocks) renderBlock(block, addLine, addField);
  if (reply.suggestions.length && !reply.subject)
    addField('더 물어보기', reply.suggestions.map((s) => `\`${neutralize(s).replace(/`/g, "'")}\``).join(' · '), false);

  const last = embeds[embeds.length - 1]!;
  if (omitted > 0) {
    const note = `… ${omitted}개 항목은 길이 제한으로 생략했습니다.`;
    last.description = last.description ? shorten(`${last.description}\n${note}`, DISCORD_LIMITS.description) : note;
  }
  if (footer) last.footer = { text: footer };
  const message: DiscordMessage = {
    content: '',
    embeds: embeds.filter((e) => e.title || e.description || e.fields.length || e.footer),
    components: buttons(reply, options),
    allowed_mentions: { parse: [] },
  };
  return { message, omitted };
}

/** Plain text that must fit `content` (2,000): for mention replies and fallbacks. */
export function discordContent(text: string): string {
  return shorten(safe(text), DISCORD_LIMITS.content);
}

function renderBlock(
  block: Block,
  addLine: (line: string) => void,
  addField: (name: string, value: string, inline: boolean) => void,
): void {
  switch (block.type) {
    case 'text':
      for (const line of block.text.split('\n')) addLine(safe(line));
      return;
    case 'fields':
      for (const f of block.fields) addField(safe(f.label), safe(f.value), f.value.length <= 40);
      return;
    case 'list':
      if (block.caption) addLine(`**${safe(block.caption)}**`);
      for (const item of block.items) addLine(`• ${safe(item)}`);
      return;
    case 'table': {
      // A table reads best on a phone as one field per row: the first cell names it, the rest are "header value".
      if (block.caption) addLine(`**${safe(block.caption)}**`);
      const [, ...headers] = block.headers.map(safe);
      for (const row of block.rows) {
        const [first = '', ...cells] = row;
        const value = cells
          .map((c, i) => ({ c: c.trim(), h: headers[i] }))
          .filter(({ c }) => c && c !== '-')
          .map(({ c, h }) => (h ? `${h} ${safe(c)}` : safe(c)))
          .join(' · ');
        addField(safe(first), value, false);
      }
      return;
    }
  }
}

function buttons(reply: Reply, options: RenderOptions): DiscordActionRow[] {
  const all: DiscordButton[] = [];
  if (reply.kind === 'answer' && reply.subject) {
    for (const f of FOLLOW_UPS) {
      if (f.command === options.command) continue;
      all.push({ type: 2, style: 2, label: f.label, custom_id: followUpId(f.command, reply.subject) });
    }
  }
  if (options.feedback && (reply.kind === 'answer' || reply.kind === 'not_found')) {
    all.push({ type: 2, style: 2, label: '👍', custom_id: options.feedback.up.slice(0, DISCORD_LIMITS.customId) });
    all.push({ type: 2, style: 2, label: '👎', custom_id: options.feedback.down.slice(0, DISCORD_LIMITS.customId) });
  }
  const rows: DiscordActionRow[] = [];
  for (let i = 0; i < all.length && rows.length < DISCORD_LIMITS.rows; i += DISCORD_LIMITS.buttonsPerRow)
    rows.push({ type: 1, components: all.slice(i, i + DISCORD_LIMITS.buttonsPerRow) });
  return rows;
}

/**
 * Neutralised document text with Discord markdown escaped, so a `*` or `__` in a sheet stays literal and a masked
 * link `[보도자료](http://…)` is shown as written, never as a link whose text hides where it goes. A bare URL
 * stays a URL: the reader sees exactly where it leads.
 */
function safe(text: string): string {
  return neutralize(text)
    .replace(/([\\*_`[\]])/g, '\\$1')
    .replace(/(~~|\|\|)/g, (m) => `\\${m[0]}\\${m[1]}`)
    .replace(/^(\s*)([>#-])/, '$1\\$2');
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never end on a lone backslash (it would escape the ellipsis) or half a surrogate pair.
  cut = cut.replace(/\\$/, '').replace(/[\uD800-\uDBFF]$/, '');
  return `${cut}…`;
}
