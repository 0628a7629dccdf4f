/**
 * The Slack adapter: a Bolt 5 app (Socket Mode, or HTTP at Bolt's /slack/events) whose listeners only
 * translate — Slack event → the answering service → neutral Reply → Block Kit. Implements the ChatAdapter port.
 */
import type { AddressInfo } from 'node:net';
import { App, type BlockAction, type ButtonAction, HTTPReceiver, LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config.js';
import { guardService } from '../../core/access.js';
import type { AnsweringService } from '../../core/inbound.js';
import type { ChatAdapter, PostTarget } from '../../core/port.js';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from '../../core/rate-limit.js';
import type { Reply } from '../../core/reply.js';
import { ACTIONS, renderSlack } from '../../render/slack.js';
import type { FeedbackLog } from '../../store/feedback.js';
import { actionListener, FEEDBACK_MODAL, feedbackSubmitListener } from './action.js';
import { commandListener } from './command.js';
import { isDirectChannel, type SlackDeps, type SlackLog } from './context.js';
import { homeListener } from './home.js';
import { boltLogger, redactor } from './log.js';
import { mentionListener } from './mention.js';
import { messageListener } from './message.js';
import { respondTo } from './response-url.js';
import { seenEvents } from './retries.js';
import { shownReplies } from './shown.js';
import { createSlackChannelPoster } from './delivery.js';

export const SLASH_COMMAND = '/damdang';

/**
 * Start-up's own token check: one retry half a second later, 10 s per try. Bolt's client retries for about thirty
 * minutes (right for answers), so an unreachable Slack at start would wait silently for minutes.
 */
const STARTUP_CHECK = { retryConfig: { retries: 1, factor: 1, minTimeout: 500, maxTimeout: 500 }, timeout: 10_000 } as const;

export interface SlackAdapterOptions {
  config: SlackConfig;
  service: AnsweringService;
  log: SlackLog;
  feedback?: FeedbackLog | null;
  about: () => Reply;
  /** The per-user question limit (every way in: slash, mention, DM, buttons, modal, Home); DEFAULT_RATE_LIMIT unless set. */
  rateLimit?: RateLimitOptions;
  /** Listen address in HTTP mode (all interfaces unless set; tests use 127.0.0.1). */
  host?: string;
  now?: () => Date;
  /** Bolt's own log level (its debug lines are noisy). */
  libraryLogLevel?: 'debug' | 'info' | 'warn' | 'error';
}

export interface SlackAdapter extends ChatAdapter {
  /** The HTTP port actually listened on (HTTP mode, after start), e.g. when config.port was 0. */
  readonly port: number | null;
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config, log } = options;
  const now = options.now ?? (() => new Date());
  const redact = redactor([config.botToken, config.appToken, config.signingSecret]);
  const logger = boltLogger(log, redact, toBoltLevel(options.libraryLogLevel ?? 'warn'));
  // The service is reachable only through this guard: listeners get `guard`, never `options.service`.
  const guard = guardService(options.service, {
    access: { workspaces: config.allowedTeams, channels: config.allowedChannels },
    limiter: createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT),
    isDirect: (i) => isDirectChannel(i.origin.channel),
    onRefused: (o, reason) => log.warn('request refused', { reason, team: o.workspace, channel: o.channel, user: o.user }),
  });
  const deps: SlackDeps = {
    guard,
    shown: shownReplies(),
    feedback: options.feedback ?? null,
    about: options.about,
    log,
    now,
  };

  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const poster = createSlackChannelPoster(config.botToken, config.apiUrl);
  const receiver =
    config.mode === 'socket'
      ? new SocketModeReceiver({ appToken: config.appToken ?? '', logger, installerOptions: { clientOptions } })
      : new HTTPReceiver({ signingSecret: config.signingSecret ?? '', logger, processBeforeResponse: false });
  const app = new App({
    token: config.botToken,
    receiver,
    logger,
    clientOptions,
    // No conversation state is used; Bolt's default store costs a lookup on every request.
    convoStore: false,
    // auth.test runs in start(), where a bad token is a clear error, not an unhandled rejection at construction.
    deferInitialization: true,
  });

  const seen = seenEvents();
  app.use(async ({ body, next }) => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id === 'string' && !seen.first(id, now().getTime())) {
      log.info('event redelivered, not answered again', { event: id });
      return;
    }
    await next();
  });
  const command = commandListener(deps);
  app.command(SLASH_COMMAND, (args) => command({ ...args, respond: respondTo(args.command.response_url) }));
  app.event('app_mention', mentionListener(deps));
  app.event('message', messageListener(deps));
  app.event('app_home_opened', homeListener(deps));
  const action = actionListener(deps);
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: new RegExp(`^(?:${Object.values(ACTIONS).join('|')})`) },
    (args) => action({ ...args, respond: args.body.response_url ? respondTo(args.body.response_url) : args.respond }),
  );
  app.view(FEEDBACK_MODAL, feedbackSubmitListener(deps));
  app.error(async (err) => {
    const cause = (err as { original?: { cause?: { code?: string; message?: string } } }).original?.cause;
    log.error('slack listener failed', { error: redact(err.message), ...(cause ? { cause: cause.code ?? cause.message } : {}) });
  });

  /** auth.test with few retries: a refused token or an unreachable API is one clear error within seconds. */
  async function checkToken(): Promise<void> {
    const client = new webApi.WebClient(config.botToken, {
      ...clientOptions,
      ...STARTUP_CHECK,
      // Its retry warnings would only repeat the one error thrown below.
      logger: boltLogger(log, redact, LogLevel.ERROR),
    });
    try {
      await client.auth.test();
    } catch (err) {
      throw slackStartError(err, config.apiUrl, redact);
    }
  }

  let state: 'stopped' | 'starting' | 'started' = 'stopped';
  let initialized = false;
  let port: number | null = null;

  return {
    platform: 'slack',
    get port() {
      return port;
    },
    async start() {
      if (state !== 'stopped') return;
      state = 'starting';
      try {
        if (!initialized) {
          await checkToken();
          await app.init().catch((err: Error) => {
            throw new Error(`Slack 인증 실패 (auth.test): ${redact(err.message)}`);
          });
          initialized = true;
        }
        if (config.mode === 'http') {
          const server = (await app.start({ port: config.port, host: options.host })) as { address(): AddressInfo | string | null };
          const address = server.address();
          port = typeof address === 'object' && address ? address.port : config.port;
          log.info('Slack HTTP mode listening', { port, path: '/slack/events' });
        } else {
          await app.start();
          log.info('Slack Socket Mode connected');
        }
        state = 'started';
      } catch (err) {
        state = 'stopped';
        throw err;
      }
    },
    async stop() {
      if (state !== 'started') return;
      state = 'stopped';
      await app.stop();
      port = null;
    },
    async post(target: PostTarget, reply: Reply) {
      const messageId = await poster.post({
        channel: target.channel,
        ...(target.thread ? { thread_ts: target.thread } : {}),
        ...renderSlack(reply),
      });
      return { messageId };
    },
  };
}

/** web-api's start-up failure as one sentence naming what to check; tokens are cut out of anything echoed. */
export function slackStartError(err: unknown, apiUrl: string | null, redact: (text: string) => string): Error {
  const e = err as Error & { code?: string; data?: { error?: string }; original?: Error & { code?: string; cause?: { code?: string } } };
  const where = apiUrl ?? 'https://slack.com/api/';
  let why: string;
  if (e.code === webApi.ErrorCode.PlatformError) {
    const code = e.data?.error ?? '?';
    why = /^(?:invalid_auth|not_authed|account_inactive|token_revoked|token_expired)$/.test(code)
      ? `SLACK_BOT_TOKEN이 거부되었습니다 (${code}) — 앱의 봇 토큰(xoxb-)을 확인하세요`
      : `auth.test가 실패했습니다 (${code})`;
  } else if (e.code === webApi.ErrorCode.RequestError || e.code === webApi.ErrorCode.HTTPError) {
    const cause = e.original?.cause?.code ?? e.original?.code ?? e.original?.message ?? e.message;
    why = `${where}에 연결할 수 없습니다 (${cause}) — 네트워크${apiUrl ? '나 SLACK_API_URL' : ''}을 확인하세요`;
  } else why = e.message;
  return new Error(`Slack 연결 실패: ${redact(why)}`, { cause: err });
}

function toBoltLevel(level: 'debug' | 'info' | 'warn' | 'error'): LogLevel {
  return { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR }[level];
}
