/**
 * A local fake Discord on 127.0.0.1 for the real discord.js Client: the REST endpoints the bot uses
 * (GET /gateway/bot, interaction callbacks, webhook edits of the original response, channel messages,
 * command registration) and a WebSocket gateway speaking the v10 protocol: HELLO, IDENTIFY → READY and
 * GUILD_CREATE, heartbeats answered with HEARTBEAT_ACK, and dispatches the test sends (INTERACTION_CREATE,
 * MESSAGE_CREATE). Every REST request is recorded with the time it arrived.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  auth: string | null;
  at: number;
  /** The status the fake answered. */
  status?: number;
}

export const FAKE = {
  token: 'fake-bot-token.for-tests-only',
  appId: '100000000000000001',
  botId: '100000000000000001',
  guildId: '200000000000000002',
  channelId: '300000000000000003',
  userId: '400000000000000004',
} as const;

/** Where an interaction happens: another guild or channel than the fake's own. */
export interface Where {
  guild?: string;
  channel?: string;
}

let snowflake = 500000000000000000n;
const nextId = () => String(++snowflake);

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly gatewayLog: Array<{ op: number; d?: unknown }> = [];
  heartbeatAcks = 0;
  /** Retry-After seconds of the 429s the next channel-message posts get, one per post (Discord's bucket sublimit). */
  rateLimitMessages: number[] = [];
  private readonly waiters: Array<{ match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }> = [];
  private socket: WebSocket | null = null;
  private seq = 0;
  private identified: (() => void) | null = null;
  readonly ready: Promise<void>;

  private constructor(
    private readonly http: Server,
    private readonly wss: WebSocketServer,
    readonly port: number,
    private readonly heartbeatMs: number,
  ) {
    this.ready = new Promise((resolve) => (this.identified = resolve));
    http.on('request', (req, res) => void this.onRequest(req, res));
    wss.on('connection', (ws) => this.onSocket(ws));
  }

  static async start(options: { heartbeatMs?: number } = {}): Promise<FakeDiscord> {
    const http = createServer();
    const wss = new WebSocketServer({ server: http, path: '/gateway' });
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    return new FakeDiscord(http, wss, (http.address() as AddressInfo).port, options.heartbeatMs ?? 41_250);
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async close(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /** The next recorded request (already recorded or still to come) that matches. */
  request(match: (r: RecordedRequest) => boolean, timeoutMs = 10_000): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('fake Discord: no matching request in time')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (r) => {
          clearTimeout(t);
          resolve(r);
        },
      });
    });
  }

  /** Sends a gateway dispatch (op 0) with the next sequence number. */
  dispatch(t: string, d: unknown): void {
    if (!this.socket) throw new Error('fake Discord: no gateway connection');
    this.socket.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  /** Asks the client for a heartbeat now (op 1 from the server), as Discord may. */
  requestHeartbeat(): void {
    this.socket?.send(JSON.stringify({ op: 1, d: null }));
  }

  /** A user's message in the guild channel (MESSAGE_CREATE), mentioning the bot when `mentionsBot`. Returns its id. */
  userMessage(content: string, { mentionsBot = true, fromBot = false } = {}): string {
    const id = nextId();
    const author = fromBot
      ? { id: '500000000000000005', username: 'other-bot', discriminator: '0', bot: true, avatar: null, global_name: null }
      : { id: FAKE.userId, username: 'staff', discriminator: '0', avatar: null, global_name: '직원' };
    this.dispatch('MESSAGE_CREATE', {
      ...this.message({ content }, id),
      author,
      guild_id: FAKE.guildId,
      member: { roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
      mentions: mentionsBot ? [{ id: FAKE.botId, username: 'damdang', discriminator: '0', bot: true, avatar: null, global_name: null }] : [],
      webhook_id: undefined,
      application_id: undefined,
    });
    return id;
  }

  /** A slash command interaction: `/damdang <sub> query:<query>`, by `user` (in `where`, else the fake's guild and channel). */
  slash(
    sub: string,
    options: Record<string, string | boolean> = {},
    user: string = FAKE.userId,
    where: Where = {},
  ): { id: string; token: string } {
    return this.interaction(2, {
      id: '600000000000000006',
      name: 'damdang',
      type: 1,
      options: [
        {
          type: 1,
          name: sub,
          options: Object.entries(options).map(([name, value]) => ({ type: typeof value === 'boolean' ? 5 : 3, name, value })),
        },
      ],
    }, undefined, user, where);
  }

  /** An autocomplete interaction with `query` focused. */
  autocomplete(sub: string, typed: string, user: string = FAKE.userId, where: Where = {}): { id: string; token: string } {
    return this.interaction(4, {
      id: '600000000000000006',
      name: 'damdang',
      type: 1,
      options: [{ type: 1, name: sub, options: [{ type: 3, name: 'query', value: typed, focused: true }] }],
    }, undefined, user, where);
  }

  /** A button press on a message the bot sent (the message as Discord returns it). */
  button(customId: string, message: Record<string, unknown>, user: string = FAKE.userId, where: Where = {}): { id: string; token: string } {
    return this.interaction(3, { custom_id: customId, component_type: 2 }, message, user, where);
  }

  private interaction(
    type: number,
    data: unknown,
    message?: unknown,
    user: string = FAKE.userId,
    where: Where = {},
  ): { id: string; token: string } {
    const id = nextId();
    const token = `itoken-${id}`;
    const { guild = FAKE.guildId, channel = FAKE.channelId } = where;
    this.dispatch('INTERACTION_CREATE', {
      id,
      application_id: FAKE.appId,
      type,
      data,
      guild_id: guild,
      channel_id: channel,
      channel: { id: channel, type: 0, guild_id: guild, name: 'general' },
      member: {
        user: { id: user, username: 'staff', discriminator: '0', global_name: '직원', avatar: null },
        roles: [],
        joined_at: '2024-01-01T00:00:00.000Z',
        deaf: false,
        mute: false,
        flags: 0,
        permissions: '2248473465835073',
      },
      token,
      version: 1,
      app_permissions: '2248473465835073',
      locale: 'ko',
      guild_locale: 'ko',
      entitlements: [],
      authorizing_integration_owners: { '0': guild },
      context: 0,
      attachment_size_limit: 10485760,
      ...(message ? { message } : {}),
    });
    return { id, token };
  }

  /** A message as Discord returns it for a bot message (what REST responses and button interactions carry). */
  message(body: Record<string, unknown>, id = nextId()): Record<string, unknown> {
    return {
      id,
      type: 0,
      channel_id: FAKE.channelId,
      author: { id: FAKE.botId, username: 'damdang', discriminator: '0', bot: true, avatar: null, global_name: null },
      content: body.content ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      pinned: false,
      flags: body.flags ?? 0,
      application_id: FAKE.appId,
      webhook_id: FAKE.appId,
    };
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = Buffer.concat(chunks).toString('utf8');
    const r: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
      query: url.searchParams,
      body: raw ? JSON.parse(raw) : null,
      auth: req.headers.authorization ?? null,
      at: performance.now(),
    };
    this.requests.push(r);
    for (const w of this.waiters.splice(0).filter((x) => (x.match(r) ? (x.resolve(r), false) : true))) this.waiters.push(w);
    const json = (status: number, value?: unknown, headers: Record<string, string> = {}) => {
      r.status = status;
      res.writeHead(status, value === undefined ? headers : { 'content-type': 'application/json', ...headers });
      res.end(value === undefined ? undefined : JSON.stringify(value));
    };
    const p = r.path;
    const bot = r.auth === `Bot ${FAKE.token}`;
    if (r.method === 'GET' && p === '/gateway/bot') {
      if (!bot) return json(401, { message: '401: Unauthorized', code: 0 });
      return json(200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      });
    }
    if (r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(p)) return json(204);
    if (r.method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(p))
      return json(200, this.message(r.body as Record<string, unknown>));
    if (r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(p)) {
      if (!bot) return json(401, { message: '401: Unauthorized', code: 0 });
      const retryAfter = this.rateLimitMessages.shift();
      if (retryAfter !== undefined)
        return json(
          429,
          { message: 'You are being rate limited.', retry_after: retryAfter, global: false, code: 0 },
          { 'retry-after': String(retryAfter), 'x-ratelimit-scope': 'user' },
        );
      return json(200, this.message(r.body as Record<string, unknown>));
    }
    if (r.method === 'PUT' && /^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/.test(p)) {
      if (!bot) return json(401, { message: '401: Unauthorized', code: 0 });
      return json(200, (r.body as Array<Record<string, unknown>>).map((c) => ({ id: nextId(), application_id: FAKE.appId, version: nextId(), ...c })));
    }
    json(404, { message: '404: Not Found', code: 0 });
  }

  private onSocket(ws: WebSocket): void {
    this.socket = ws;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatMs } }));
    ws.on('message', (data) => {
      const payload = JSON.parse(String(data)) as { op: number; d?: Record<string, unknown> };
      this.gatewayLog.push(payload);
      if (payload.op === 1) {
        this.heartbeatAcks++;
        ws.send(JSON.stringify({ op: 11 }));
      } else if (payload.op === 2) {
        if (payload.d?.token !== FAKE.token) return ws.close(4004, 'Authentication failed.');
        this.seq = 0;
        this.dispatch('READY', {
          v: 10,
          user: { id: FAKE.botId, username: 'damdang', discriminator: '0', bot: true, avatar: null, global_name: null, flags: 0 },
          guilds: [{ id: FAKE.guildId, unavailable: true }],
          session_id: 'fake-session',
          resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
          shard: [0, 1],
          application: { id: FAKE.appId, flags: 0 },
        });
        this.dispatch('GUILD_CREATE', {
          id: FAKE.guildId,
          name: '테스트 구청',
          icon: null,
          owner_id: FAKE.userId,
          unavailable: false,
          member_count: 2,
          large: false,
          features: [],
          roles: [{ id: FAKE.guildId, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
          emojis: [],
          stickers: [],
          members: [],
          channels: [{ id: FAKE.channelId, type: 0, name: 'general', position: 0, permission_overwrites: [], guild_id: FAKE.guildId }],
          threads: [],
          presences: [],
          voice_states: [],
          stage_instances: [],
          guild_scheduled_events: [],
          soundboard_sounds: [],
          joined_at: '2024-01-01T00:00:00.000Z',
          preferred_locale: 'ko',
        });
        this.identified?.();
      }
    });
  }
}
