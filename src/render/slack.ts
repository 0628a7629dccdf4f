/**
 * Reply → Slack Block Kit, within Slack's limits (named below). Too much is shortened with a "more" pointer,
 * never rejected by Slack. Every text from a document or a user is neutralised (src/render/safe.ts: control and
 * bidi characters stripped, mentions defused) and then escaped (&, <, >) so `<!channel>`, `<@U123>`, `<#C1>` or a
 * masked link `<http://…|text>` in a document is shown, never acted on.
 * Block shapes are written out here (plain JSON) so the renderer needs no Slack SDK import.
 */
import type { Block, Reply } from '../core/reply.js';
import { neutralize } from './safe.js';

export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3_000,
  fields: 10,
  fieldText: 2_000,
  actions: 25,
  buttonText: 75,
  buttonValue: 2_000,
  contextElements: 10,
  /** Slack's hard limit is 12,000 characters per message; we stay well under it. */
  messageChars: 10_000,
  /** The notification/fallback `text`. */
  fallbackChars: 3_000,
  listItems: 30,
  tableRows: 25,
  suggestionButtons: 5,
} as const;

export interface SlackText {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface SlackButton {
  type: 'button';
  action_id: string;
  text: SlackText;
  value: string;
  style?: 'primary' | 'danger';
}
export type SlackBlock =
  | { type: 'section'; text?: SlackText; fields?: SlackText[] }
  | { type: 'context'; elements: SlackText[] }
  | { type: 'actions'; block_id?: string; elements: SlackButton[] }
  | { type: 'divider' };

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Action ids the adapter listens for. */
export const ACTIONS = {
  ask: 'damdang_ask',
  share: 'damdang_share',
  feedbackUp: 'damdang_feedback_up',
  feedbackDown: 'damdang_feedback_down',
} as const;

export interface SlackRenderOptions {
  /** The question this answers: carried in the feedback and share buttons (re-answered on click). */
  question?: string | null;
  /** Add "채널에 공유" (only where the answer is visible to the asker alone). */
  share?: boolean;
  /** Add 👍/👎 feedback buttons (not for help, errors or refusals). */
  feedback?: boolean;
}

/** Slack's own escaping for message text, after the shared neutraliser. */
export function slackEscape(text: string): string {
  return neutralize(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts at a line break where possible, marking the cut. */
export function clip(text: string, max: number, more = '…'): string {
  if (text.length <= max) return text;
  const room = max - more.length - 1;
  const cut = text.lastIndexOf('\n', room);
  return `${text.slice(0, cut > room / 2 ? cut : room)}\n${more}`;
}

const mrkdwn = (text: string): SlackText => ({ type: 'mrkdwn', text });
const plain = (text: string): SlackText => ({ type: 'plain_text', text: clip(text, SLACK_LIMITS.buttonText), emoji: true });

export function renderSlack(reply: Reply, options: SlackRenderOptions = {}): SlackMessage {
  const body: SlackBlock[] = [
    { type: 'section', text: mrkdwn(clip(`*${slackEscape(reply.title)}*`, SLACK_LIMITS.sectionText)) },
    ...mergeTexts(reply.blocks).flatMap(renderBlock),
  ];
  const tail: SlackBlock[] = [];
  if (reply.sources.length) tail.push(sourcesBlock(reply.sources));
  const actions = actionBlocks(reply, options);
  tail.push(...actions);

  // Whole-message budget: keep the tail (sources, buttons), drop body blocks from the end with a pointer.
  const room = SLACK_LIMITS.blocks - tail.length - 1;
  let kept = body.slice(0, room);
  const size = (blocks: SlackBlock[]) => blocks.reduce((n, b) => n + blockChars(b), 0);
  const budget = SLACK_LIMITS.messageChars - size(tail) - 200;
  while (kept.length > 1 && size(kept) > budget) kept = kept.slice(0, -1);
  const dropped = body.length - kept.length;
  if (dropped > 0) kept.push({ type: 'context', elements: [mrkdwn(morePointer(reply, dropped))] });
  return { text: fallbackText(reply), blocks: [...kept, ...tail] };
}

/** Consecutive text blocks read as one paragraph run: one section, not one each (blocks are the scarce limit). */
function mergeTexts(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const last = out.at(-1);
    if (b.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', text: `${last.text}\n${b.text}` };
    else out.push(b);
  }
  return out;
}

function morePointer(reply: Reply, dropped: number): string {
  const hint = reply.suggestions[0] ? ` — 예: \`${slackEscape(reply.suggestions[0])}\`` : '';
  return `… 내용이 길어 ${dropped}개 부분을 줄였습니다. 더 좁혀 물어보세요${hint}`;
}

function renderBlock(block: Block): SlackBlock[] {
  switch (block.type) {
    case 'text':
      return sections(slackEscape(block.text));
    case 'fields': {
      const out: SlackBlock[] = [];
      for (let i = 0; i < block.fields.length; i += SLACK_LIMITS.fields) {
        const fields = block.fields
          .slice(i, i + SLACK_LIMITS.fields)
          .map((f) => mrkdwn(clip(`*${slackEscape(f.label)}*\n${slackEscape(f.value)}`, SLACK_LIMITS.fieldText)));
        out.push({ type: 'section', fields });
      }
      return out;
    }
    case 'list': {
      const items = block.items.slice(0, SLACK_LIMITS.listItems).map((i) => `• ${slackEscape(i)}`);
      const rest = block.items.length - items.length;
      if (rest > 0) items.push(`… 외 ${rest}건`);
      return sections([...(block.caption ? [`*${slackEscape(block.caption)}*`] : []), ...items].join('\n'));
    }
    case 'table': {
      const rows = block.rows.slice(0, SLACK_LIMITS.tableRows);
      const line = (cells: string[]) => cells.map(slackEscape).join(' | ');
      const lines = [
        ...(block.caption ? [`*${slackEscape(block.caption)}*`] : []),
        `*${line(block.headers)}*`,
        ...rows.map(line),
        ...(block.rows.length > rows.length ? [`… 외 ${block.rows.length - rows.length}행`] : []),
      ];
      return sections(lines.join('\n'));
    }
  }
}

/** One text as as many sections as the 3,000-character limit needs, split at line breaks. */
function sections(text: string): SlackBlock[] {
  const out: SlackBlock[] = [];
  let rest = text;
  while (rest.length > SLACK_LIMITS.sectionText) {
    const max = SLACK_LIMITS.sectionText;
    const cut = rest.lastIndexOf('\n', max);
    const at = cut > max / 2 ? cut : max;
    out.push({ type: 'section', text: mrkdwn(rest.slice(0, at)) });
    rest = rest.slice(at).replace(/^\n/, '');
  }
  if (rest.trim()) out.push({ type: 'section', text: mrkdwn(rest) });
  return out;
}

function sourcesBlock(sources: string[]): SlackBlock {
  const shown = sources.slice(0, SLACK_LIMITS.contextElements - 1).map(slackEscape);
  const more = sources.length > shown.length ? ` 외 ${sources.length - shown.length}건` : '';
  return { type: 'context', elements: [mrkdwn(clip(`출처: ${shown.join(' | ')}${more}`, SLACK_LIMITS.fieldText))] };
}

function actionBlocks(reply: Reply, options: SlackRenderOptions): SlackBlock[] {
  const value = (s: string) => s.slice(0, SLACK_LIMITS.buttonValue);
  const buttons: SlackButton[] = reply.suggestions
    .slice(0, SLACK_LIMITS.suggestionButtons)
    .map((s, i) => ({ type: 'button', action_id: `${ACTIONS.ask}_${i}`, text: plain(neutralize(s)), value: value(s) }));
  const question = options.question?.trim();
  if (options.share && question)
    buttons.push({ type: 'button', action_id: ACTIONS.share, text: plain('채널에 공유'), value: value(question) });
  const out: SlackBlock[] = [];
  if (buttons.length) out.push({ type: 'actions', block_id: 'damdang_follow', elements: buttons.slice(0, SLACK_LIMITS.actions) });
  if (options.feedback && question && (reply.kind === 'answer' || reply.kind === 'not_found' || reply.kind === 'ambiguous'))
    out.push({
      type: 'actions',
      block_id: 'damdang_feedback',
      elements: [
        { type: 'button', action_id: ACTIONS.feedbackUp, text: plain('👍 맞아요'), value: value(question) },
        { type: 'button', action_id: ACTIONS.feedbackDown, text: plain('👎 틀렸어요'), value: value(question) },
      ],
    });
  return out;
}

function blockChars(block: SlackBlock): number {
  switch (block.type) {
    case 'section':
      return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((n, f) => n + f.text.length, 0);
    case 'context':
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case 'actions':
      return block.elements.reduce((n, e) => n + e.text.text.length + e.value.length, 0);
    case 'divider':
      return 0;
  }
}

/** Notification text (and what clients without blocks show): the title and the first lines, escaped. */
function fallbackText(reply: Reply): string {
  const first = reply.blocks[0];
  const lead = first?.type === 'text' ? first.text : first?.type === 'list' ? (first.items[0] ?? '') : '';
  return clip(slackEscape([reply.title, lead].filter(Boolean).join('\n')), SLACK_LIMITS.fallbackChars);
}
