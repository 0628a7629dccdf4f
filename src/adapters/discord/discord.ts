/**
 * The Discord adapter: a discord.js Client with the Guilds intent (plus Guild Messages and the privileged
 * Message Content intent only when mentions are enabled). Slash commands, autocomplete and buttons become
 * Inbounds for the answering service; replies are rendered by ../../render/discord.ts and always sent with
 * mentions disabled. The service is reached only through the adapter's guard (core/access.ts): slash commands,
 * buttons, autocomplete and mentions are admitted (allow-lists, rate limit) before anything is done, and a
 * button's question is a replay, which never runs a command with side effects. Each interaction is its own
 * error boundary: a failure is logged and answered, never thrown into discord.js.
 */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  type ClientOptions,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import { commandNamed } from '../../../commands/index.js';
import type { DiscordConfig } from '../../config.js';
import { guardService, TYPING_RATE_LIMIT } from '../../core/access.js';
import type { AnsweringService, Inbound, Origin } from '../../core/inbound.js';
import type { Knowledge } from '../../core/knowledge.js';
import type { ChatAdapter, PostTarget } from '../../core/port.js';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from '../../core/rate-limit.js';
import { type Reply, type ReplyKind, reply } from '../../core/reply.js';
import { CUSTOM_ID_PREFIX, type DiscordMessage, DISCORD_LIMITS, renderDiscord } from '../../render/discord.js';
import type { FeedbackInput, Verdict } from '../../store/feedback.js';
import { autocompleteChoices, prepareAutocomplete } from './autocomplete.js';
import { createChannelPoster } from './delivery.js';
import { COMMAND_NAME, EPHEMERAL_OPTION, QUERY_OPTION, subcommandSpec } from './commands.js';

export interface DiscordAdapterDeps {
  config: DiscordConfig;
  /** The answering service; the adapter reaches it only through its guard (DISCORD_ALLOWED_*, rate limit). */
  service: AnsweringService;
  /** Questions per user (slash commands, buttons, mentions); DEFAULT_RATE_LIMIT unless set. */
  rateLimit?: RateLimitOptions;
  /** Autocomplete's own, lighter bucket (it runs per keystroke); TYPING_RATE_LIMIT unless set. */
  typingRateLimit?: RateLimitOptions;
  /** The current knowledge, for autocomplete. */
  knowledge: () => Knowledge;
  feedback: { record(input: FeedbackInput): number } | null;
  log: (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;
  /** Answers slower than this are deferred (Discord's limit for the first response is 3 s). */
  deferAfterMs?: number;
  now?: () => Date;
}

const DEFAULT_DEFER_AFTER_MS = 1_500;
const READY_TIMEOUT_MS = 30_000;
const KIND_CODE: Record<ReplyKind, string> = { answer: 'a', not_found: 'n', ambiguous: 'm', help: 'h', error: 'e' };
const CODE_KIND = Object.fromEntries(Object.entries(KIND_CODE).map(([k, v]) => [v, k])) as Record<string, ReplyKind>;

export function createDiscordAdapter(deps: DiscordAdapterDeps): ChatAdapter & { readonly client: Client } {
  const { config, log } = deps;
  const now = deps.now ?? (() => new Date());
  const isDirect = (o: Origin) => o.workspace === null;
  const guard = guardService(deps.service, {
    access: { workspaces: config.allowedGuilds, channels: config.allowedChannels },
    limiter: createRateLimiter(deps.rateLimit ?? DEFAULT_RATE_LIMIT),
    typingLimiter: createRateLimiter(deps.typingRateLimit ?? TYPING_RATE_LIMIT),
    isDirect: (i) => isDirect(i.origin),
    onRefused: (o, reason) => log('info', `discord: refused (${reason}) guild=${o.workspace} channel=${o.channel} user=${o.user}`),
  });
  const intents = [GatewayIntentBits.Guilds];
  if (config.mentions) intents.push(GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent);
  const options: ClientOptions = { intents, allowedMentions: { parse: [] } };
  if (config.apiUrl) options.rest = { api: config.apiUrl };
  const client = new Client(options);
  const poster = createChannelPoster(config);

  client.on(Events.InteractionCreate, (i) => void onInteraction(i));
  if (config.mentions) client.on(Events.MessageCreate, (m) => void onMention(m));
  client.on(Events.Error, (e) => log('error', `discord: ${e.message}`));
  client.on(Events.Warn, (w) => log('warn', `discord: ${w}`));

  async function onInteraction(i: Interaction): Promise<void> {
    try {
      if (i.isAutocomplete()) await onAutocomplete(i);
      else if (i.isChatInputCommand() && i.commandName === COMMAND_NAME) await onSlash(i);
      else if (i.isButton() && i.customId.startsWith(`${CUSTOM_ID_PREFIX}:`)) await onButton(i);
    } catch (err) {
      log('error', `discord: interaction ${i.id} failed: ${(err as Error).message}`);
      if (i.isRepliable()) await sendError(i).catch(() => undefined);
    }
  }

  async function onAutocomplete(i: AutocompleteInteraction): Promise<void> {
    const origin = originOf(i);
    // Refused (elsewhere, or typing faster than the typing bucket): no choices, nothing searched.
    const allowed = guard.admit(origin, now(), { direct: isDirect(origin), typing: true }).allowed;
    const focused = i.options.getFocused(true);
    const choices =
      allowed && focused.name === QUERY_OPTION
        ? autocompleteChoices(deps.knowledge(), String(focused.value), i.options.getSubcommand(false) ?? '')
        : [];
    await i.respond(choices);
  }

  async function onSlash(i: ChatInputCommandInteraction): Promise<void> {
    const spec = subcommandSpec(i.options.getSubcommand(false) ?? '');
    if (!spec) {
      await i.reply({ content: '알 수 없는 명령입니다. `/damdang help`를 보세요.', flags: MessageFlags.Ephemeral });
      return;
    }
    const query = (i.options.getString(QUERY_OPTION) ?? '').trim();
    const ephemeral = i.options.getBoolean(EPHEMERAL_OPTION) ?? spec.ephemeral;
    await answer(i, inboundFor(spec.name, query, originOf(i)), { command: spec.name, query, ephemeral });
  }

  async function onButton(i: ButtonInteraction): Promise<void> {
    const [, action, ...rest] = i.customId.split(':');
    const ephemeral = i.message.flags.has(MessageFlags.Ephemeral);
    if (action === 'ask') {
      const [command = '', ...q] = rest;
      const query = q.join(':');
      await answer(i, { ...inboundFor(command, query, originOf(i)), replay: true }, { command, query, ephemeral });
      return;
    }
    if (action === 'fb') {
      const [verdict, kindCode = 'a', command = '', ...q] = rest;
      const origin = originOf(i);
      // Recorded from the message as shown (Discord sends it with the click); nothing is answered again.
      const admission = guard.admit(origin, now(), { direct: isDirect(origin) });
      if (!admission.allowed) {
        await i.reply({ content: admission.reply.title, flags: MessageFlags.Ephemeral });
        return;
      }
      const embeds = i.message.embeds;
      const footer = embeds.at(-1)?.footer?.text ?? '';
      deps.feedback?.record({
        at: now(),
        ...origin,
        question: command === 'ask' ? q.join(':') : `/${COMMAND_NAME} ${command} ${q.join(':')}`.trim(),
        reply: {
          kind: CODE_KIND[kindCode] ?? 'answer',
          sources: footer.startsWith('출처: ') ? footer.slice(4).split(' | ') : [],
        },
        replyText: embeds
          .flatMap((e) => [e.title, e.description, ...e.fields.map((f) => `${f.name}: ${f.value}`), e.footer?.text])
          .filter(Boolean)
          .join('\n'),
        verdict: verdict === 'up' ? 'up' : ('down' satisfies Verdict),
      });
      await i.reply({
        content: verdict === 'up' ? '고맙습니다. 👍 의견을 기록했습니다.' : '고맙습니다. 👎 의견을 기록했습니다. 더 나은 답을 찾겠습니다.',
        flags: MessageFlags.Ephemeral,
      });
    }
  }

  /** Replies at once when the answer is quick, else defers (within Discord's 3 s) and edits the deferred reply. */
  async function answer(
    i: ChatInputCommandInteraction | ButtonInteraction,
    inbound: Inbound,
    how: { command: string; query: string; ephemeral: boolean },
  ): Promise<void> {
    const pending = guard.handle(inbound).catch((err: Error) => {
      log('error', `discord: answering failed: ${err.message}`);
      return reply('error', '답변을 만들다 문제가 생겼습니다. 다시 물어봐 주세요.');
    });
    let timer: NodeJS.Timeout | undefined;
    const quick = await Promise.race([
      pending,
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), deps.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS);
      }),
    ]);
    clearTimeout(timer);
    const flags = how.ephemeral ? MessageFlags.Ephemeral : undefined;
    if (quick) {
      await i.reply({ ...toOptions(render(quick, how)), ...(flags ? { flags } : {}) });
      return;
    }
    await i.deferReply(flags ? { flags } : {});
    await i.editReply(toOptions(render(await pending, how)));
  }

  async function onMention(m: Message): Promise<void> {
    try {
      const me = client.user;
      if (!me || m.author.bot || !m.mentions.users.has(me.id)) return;
      const text = m.content.replace(/<@!?\d+>/g, ' ').trim();
      const origin: Origin = { platform: 'discord', workspace: m.guildId, channel: m.channelId, user: m.author.id };
      const r = await guard.handle({ kind: 'text', text, origin, at: now() });
      await m.reply({ ...toOptions(render(r, { command: 'ask', query: text })), allowedMentions: { parse: [], repliedUser: false } });
    } catch (err) {
      log('error', `discord: mention ${m.id} failed: ${(err as Error).message}`);
    }
  }

  function originOf(i: Interaction): Origin {
    return { platform: 'discord', workspace: i.guildId, channel: i.channelId, user: i.user.id };
  }

  function inboundFor(command: string, query: string, origin: Origin): Inbound {
    const at = now();
    if (command === 'ask') return { kind: 'text', text: query, origin, at };
    // Digest is answered by its command once the registry has one; until then the bot says what it can.
    if (command === 'digest' && !commandNamed('digest')) return { kind: 'text', text: `요약 ${query}`.trim(), origin, at };
    return { kind: 'command', command, args: { query }, origin, at };
  }

  function render(r: Reply, how: { command: string; query: string }): DiscordMessage {
    const head = `${CUSTOM_ID_PREFIX}:fb:`;
    const tail = `:${KIND_CODE[r.kind]}:${how.command}:${how.query}`;
    const id = (v: Verdict) => `${head}${v}${tail}`.slice(0, DISCORD_LIMITS.customId);
    return renderDiscord(r, { command: how.command, feedback: deps.feedback ? { up: id('up'), down: id('down') } : null });
  }

  async function sendError(i: RepliableInteraction): Promise<void> {
    const content = '답변을 보내다 문제가 생겼습니다. 다시 시도해 주세요.';
    if (i.deferred && !i.replied) await i.editReply({ content });
    else if (!i.replied) await i.reply({ content, flags: MessageFlags.Ephemeral });
  }

  return {
    platform: 'discord',
    client,
    async start() {
      const started = performance.now();
      prepareAutocomplete(deps.knowledge());
      log('info', `Discord: 자동완성 색인 준비 (${Math.round(performance.now() - started)} ms)`);
      // Login and the first READY race one deadline; whatever fails, the client is destroyed and one error says
      // why, so `start` exits at once instead of leaving a timer to reject unobserved 30 s later.
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DiscordStartTimeout()), READY_TIMEOUT_MS);
      });
      try {
        await Promise.race([client.login(config.token).then(() => ready), deadline]);
      } catch (err) {
        await client.destroy().catch(() => undefined);
        throw discordStartError(err, config);
      } finally {
        clearTimeout(timer);
      }
      log('info', `Discord: ${client.user?.tag ?? '?'}로 연결했습니다 (서버 ${client.guilds.cache.size}곳)`);
    },
    async stop() {
      await client.destroy();
    },
    async post(target: PostTarget, r: Reply) {
      return { messageId: await poster.post(target.thread ?? target.channel, renderDiscord(r)) };
    },
  };
}

class DiscordStartTimeout extends Error {
  constructor() {
    super(`게이트웨이 연결이 ${READY_TIMEOUT_MS / 1000}초 안에 준비되지 않았습니다`);
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** A start-up failure as one sentence naming what to check: the token, the address, or the deadline. Never the token. */
export function discordStartError(err: unknown, config: Pick<DiscordConfig, 'apiUrl'>): Error {
  const e = err as Error & { code?: unknown; status?: unknown; cause?: { code?: unknown } };
  const code = typeof e.code === 'string' ? e.code : typeof e.cause?.code === 'string' ? e.cause.code : '';
  const where = config.apiUrl ?? 'https://discord.com/api';
  let why: string;
  if (code === 'TokenInvalid' || e.status === 401) why = 'DISCORD_TOKEN이 거부되었습니다 — Developer Portal의 Bot 토큰을 확인하세요';
  else if (NETWORK_CODES.has(code))
    why = `${where}에 연결할 수 없습니다 (${code}) — 네트워크${config.apiUrl ? '나 DISCORD_API_URL' : ''}을 확인하세요`;
  else if (err instanceof DiscordStartTimeout) why = `${e.message} (${where})`;
  else why = e.message;
  return new Error(`Discord 연결 실패: ${why}`, { cause: err });
}

function toOptions(m: DiscordMessage) {
  return {
    ...(m.content ? { content: m.content } : {}),
    embeds: m.embeds,
    components: m.components,
    allowedMentions: { parse: [] },
  };
}
