import { defineCommand, type CommandContext, QueryArgs } from '../src/core/command.js';
import { type Reply, list, reply, text } from '../src/core/reply.js';
import { DEFAULT_DIGEST_DAYS } from '../src/digest/compose.js';
import type { SubscriptionView } from '../src/digest/service.js';
import type { Cadence } from '../src/digest/subscriptions.js';

const USAGE = [
  'digest [부서|팀|all] [--days N]',
  'digest subscribe <weekly|daily> <요일> <HH:MM> [부서|팀] (관리자)',
  'digest list (관리자가 아니면 이 채널의 구독만)',
  'digest unsubscribe <번호> (관리자)',
  'digest send <번호> (관리자)',
];

export const digestCommand = defineCommand({
  name: 'digest',
  // "협치 요약해줘" is not a digest: the short words route only in front of a message.
  aliases: { ko: ['요약', '주간요약'], en: ['summary'], leadingOnly: ['요약'] },
  precedence: 80,
  description: '이번 주 챙길 것: 다가오는·지난 일정, 계획 대비 부진, 바뀐 점, 오래된 문서 (구독하면 정해진 시각에)',
  args: QueryArgs,
  examples: ['digest 정책기획과', 'digest all --days 14', 'digest subscribe weekly mon 09:00 정책기획과', 'digest list'],
  // Subscribing, ending a subscription and sending change what channels receive; composing and listing only read.
  sideEffects: ({ query }) => {
    const sub = subcommandOf(query);
    return sub !== undefined && EFFECTS.has(sub);
  },
  run({ query }, ctx) {
    const words = query.split(/\s+/).filter(Boolean);
    const sub = subcommandOf(query);
    if (sub && !ctx.digests) return reply('error', '이 창에서는 요약 구독을 다룰 수 없습니다.', [text('Slack·Discord 채널에서 써 주세요.')]);
    switch (sub) {
      case 'subscribe':
        return subscribe(words.slice(1), ctx);
      case 'unsubscribe':
        return unsubscribe(words.slice(1), ctx);
      case 'list':
        return listSubscriptions(ctx);
      case 'send':
        return sendNow(words.slice(1), ctx);
      default:
        return digestNow(words, ctx);
    }
  },
});

const SUBCOMMANDS: Record<string, 'subscribe' | 'unsubscribe' | 'list' | 'send'> = {
  subscribe: 'subscribe',
  구독: 'subscribe',
  unsubscribe: 'unsubscribe',
  구독취소: 'unsubscribe',
  해지: 'unsubscribe',
  list: 'list',
  목록: 'list',
  send: 'send',
  보내기: 'send',
};

const EFFECTS = new Set<string>(['subscribe', 'unsubscribe', 'send']);

function subcommandOf(query: string): 'subscribe' | 'unsubscribe' | 'list' | 'send' | undefined {
  return SUBCOMMANDS[query.trim().split(/\s+/)[0]?.toLowerCase() ?? ''];
}

/** `digest [scope] [--days N]`: also what the CLI prints. */
export function parseDigestArgs(words: string[]): { scope: string | null; days: number } | { error: string } {
  let days = DEFAULT_DIGEST_DAYS;
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const inline = /^(?:--days=)?(\d+)일$|^--days=(\d+)$/.exec(w);
    if (w === '--days' || inline) {
      const n = Number(inline ? (inline[1] ?? inline[2]) : words[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 366) return { error: '--days 는 1~366 사이의 정수여야 합니다' };
      days = n;
    } else rest.push(w);
  }
  const scope = rest.join(' ').trim();
  return { scope: !scope || /^(?:all|전체|모두)$/i.test(scope) ? null : scope, days };
}

function digestNow(words: string[], ctx: CommandContext): Reply {
  const parsed = parseDigestArgs(words);
  if ('error' in parsed) return usage(parsed.error);
  if (!ctx.digests) return reply('error', '요약을 만들 저장소가 연결되어 있지 않습니다.', [text('npx damdang digest 로 볼 수 있습니다.')]);
  return ctx.digests.compose(parsed.scope, parsed.days, ctx.today).reply;
}

const WEEKDAYS: Record<string, string> = {
  mon: '1', monday: '1', 월: '1', 월요일: '1',
  tue: '2', tuesday: '2', 화: '2', 화요일: '2',
  wed: '3', wednesday: '3', 수: '3', 수요일: '3',
  thu: '4', thursday: '4', 목: '4', 목요일: '4',
  fri: '5', friday: '5', 금: '5', 금요일: '5',
  sat: '6', saturday: '6', 토: '6', 토요일: '6',
  sun: '0', sunday: '0', 일: '0', 일요일: '0',
};
const DAILY_DAYS: Record<string, string> = { 매일: '*', everyday: '*', daily: '*', '*': '*', 평일: '1-5', weekdays: '1-5', 주중: '1-5' };
const DAY_LABEL: Record<string, string> = { '0': '일', '1': '월', '2': '화', '3': '수', '4': '목', '5': '금', '6': '토', '*': '매일', '1-5': '평일' };

function subscribe(words: string[], ctx: CommandContext): Reply {
  const digests = ctx.digests!;
  const origin = ctx.origin;
  if (!digests.isAdmin(origin)) return reply('error', '요약 구독은 관리자만 설정할 수 있습니다.');
  if (!origin?.channel || !['slack', 'discord', 'test'].includes(origin.platform))
    return reply('error', '구독은 Slack·Discord 채널에서 설정해 주세요.');
  const cadence = ({ weekly: 'weekly', 매주: 'weekly', daily: 'daily', 매일: 'daily' } as Record<string, Cadence>)[
    words[0]?.toLowerCase() ?? ''
  ];
  if (!cadence) return usage('주기는 weekly 또는 daily 입니다');
  let i = 1;
  let days: string | undefined;
  if (cadence === 'weekly') days = WEEKDAYS[words[i++]?.toLowerCase() ?? ''];
  else if (!/^\d/.test(words[i] ?? '')) days = DAILY_DAYS[words[i++]?.toLowerCase() ?? ''];
  else days = '*';
  if (!days) return usage(cadence === 'weekly' ? '요일을 mon~sun 또는 월~일로 써 주세요' : '요일은 매일 또는 평일입니다');
  const time = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(words[i++] ?? '');
  if (!time) return usage('시각은 HH:MM (00:00~23:59) 입니다');
  const scope = words.slice(i).join(' ').trim() || null;
  if (scope && !/^(?:all|전체)$/i.test(scope) && ctx.knowledge.unit(scope).length === 0)
    return reply('not_found', `"${scope}" 부서·팀을 문서에서 찾지 못했습니다.`, [text('문서에 적힌 부서·팀 이름으로 써 주세요.')]);
  const s = digests.subscribe({
    cadence,
    days,
    time: `${time[1]!.padStart(2, '0')}:${time[2]}`,
    scope: scope && /^(?:all|전체)$/i.test(scope) ? null : scope,
    target: { platform: origin.platform, workspace: origin.workspace, channel: origin.channel },
    createdBy: origin.user,
  });
  // No "digest send N" button: a button never sends (it would replay the question); the line says what to type.
  return reply(
    'answer',
    `요약 구독 #${s.id}을 만들었습니다.`,
    [
      text(`${describe(s.cadence, s.days, s.time)} · ${s.scope ?? '전체'} · 이 채널 (${digests.settings.timeZone})`),
      text(`지금 한 번 보내려면 "digest send ${s.id}"를 입력하세요.`),
    ],
    { suggestions: ['digest list'] },
  );
}

function unsubscribe(words: string[], ctx: CommandContext): Reply {
  if (!ctx.digests!.isAdmin(ctx.origin)) return reply('error', '요약 구독 해지는 관리자만 할 수 있습니다.');
  const id = idOf(words);
  if (id === null) return usage('해지할 구독 번호를 써 주세요');
  return ctx.digests!.unsubscribe(id)
    ? reply('answer', `요약 구독 #${id}을 해지했습니다.`)
    : reply('not_found', `요약 구독 #${id}이 없습니다.`, [], { suggestions: ['digest list'] });
}

function sendNow(words: string[], ctx: CommandContext): Reply {
  if (!ctx.digests!.isAdmin(ctx.origin)) return reply('error', '요약 보내기는 관리자만 할 수 있습니다.');
  const id = idOf(words);
  if (id === null) return usage('보낼 구독 번호를 써 주세요');
  if (!ctx.digests!.subscriptions.get(id)) return reply('not_found', `요약 구독 #${id}이 없습니다.`, [], { suggestions: ['digest list'] });
  const started = ctx.digests!.send(id);
  if (!started) return reply('error', '이 프로세스에는 예약 발송기가 없습니다: 봇(start)에서 보내 주세요.');
  return reply('answer', `요약 #${id}을 지금 보냅니다.`, [text('결과는 "digest list"에서 볼 수 있습니다.')]);
}

/**
 * Every platform's channels, schedules and delivery errors for an admin or the operator at the terminal (the
 * CLI, the console: they hold the database anyway); anyone else sees the subscriptions of the channel they ask
 * in, and nothing where they ask outside a channel.
 */
function listSubscriptions(ctx: CommandContext): Reply {
  const digests = ctx.digests!;
  const origin = ctx.origin;
  const all = digests.isAdmin(origin) || !origin || origin.platform === 'cli' || origin.platform === 'console';
  const tz = digests.settings.timeZone;
  if (all) {
    const views = digests.list();
    if (views.length === 0) return reply('answer', '요약 구독이 없습니다.', [], { suggestions: ['digest subscribe weekly mon 09:00'] });
    return reply('answer', `요약 구독 ${views.length}건 (${tz})`, [list(views.map((v) => viewLine(v, tz)))]);
  }
  const views = origin.channel ? digests.list({ platform: origin.platform, workspace: origin.workspace, channel: origin.channel }) : [];
  const note = text('다른 채널의 구독은 관리자만 볼 수 있습니다.');
  if (views.length === 0) return reply('answer', '이 채널의 요약 구독이 없습니다.', [note]);
  return reply('answer', `이 채널의 요약 구독 ${views.length}건 (${tz})`, [list(views.map((v) => viewLine(v, tz))), note]);
}

export function viewLine(v: SubscriptionView, timeZone: string): string {
  const s = v.subscription;
  const at = (iso: string | Date) =>
    new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  const last = v.recent.find((d) => d.status === 'sent');
  const parts = [
    `#${s.id} ${describe(s.cadence, s.days, s.time)} · ${s.scope ?? '전체'} · ${s.target.platform} ${s.target.channel}`,
    last ? `마지막 발송 ${at(last.startedAt)}${last.late ? ' (늦게)' : ''}` : '아직 발송 없음',
    v.next ? `다음 ${at(v.next)}` : null,
    v.missed ? `놓친 발송 ${v.missed}건` : null,
    v.interrupted ? `중단된 발송 ${v.interrupted}건 (도착 확인 필요)` : null,
    s.lastError ? `⚠ 오류 (${at(s.lastErrorAt!)}): ${s.lastError}` : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

function describe(cadence: Cadence, days: string, time: string): string {
  return cadence === 'weekly' ? `매주 ${DAY_LABEL[days] ?? days}요일 ${time}` : `${DAY_LABEL[days] ?? days} ${time}`;
}

function idOf(words: string[]): number | null {
  const m = /^#?(\d{1,9})$/.exec(words[0] ?? '');
  return m ? Number(m[1]) : null;
}

function usage(problem: string): Reply {
  return reply('error', `digest: ${problem}`, [list(USAGE, '쓰는 법')]);
}
