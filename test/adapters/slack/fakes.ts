/**
 * Local fakes of Slack on 127.0.0.1 for the real Bolt app: the Web API (SLACK_API_URL base) recording what the
 * app calls and answering auth.test / apps.connections.open, a response_url catcher, a Socket Mode WebSocket
 * server that sends envelopes and collects acks, and requests signed the way Slack signs them.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
}

/** Waits for the first recorded item matching, or rejects after `ms`. */
class Recorder<T> {
  readonly items: T[] = [];
  private waiters: Array<{ match: (t: T) => boolean; resolve: (t: T) => void }> = [];
  push(item: T): void {
    this.items.push(item);
    const w = this.waiters.find((x) => x.match(item));
    if (w) {
      this.waiters = this.waiters.filter((x) => x !== w);
      w.resolve(item);
    }
  }
  next(match: (t: T) => boolean, ms = 5000, from = 0): Promise<T> {
    const found = this.items.slice(from).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nothing matching within ${ms} ms`)), ms);
      this.waiters.push({ match, resolve: (t) => (clearTimeout(timer), resolve(t)) });
    });
  }
}

const listen = (server: Server): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

const readBody = (req: NodeJS.ReadableStream): Promise<string> =>
  new Promise((resolve) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (data += c));
    req.on('end', () => resolve(data));
  });

/** Form fields as the WebClient sends them (blocks etc. JSON-encoded), or a JSON body. */
function parseArgs(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('json')) return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}

export class FakeSlack {
  readonly calls = new Recorder<ApiCall>();
  /** What reached a response_url: JSON bodies, keyed by the url's id. */
  readonly responses = new Recorder<{ id: string; body: Record<string, unknown>; at: number }>();
  wsUrl = '';
  private server = createServer((req, res) => void this.handle(req, res));
  port = 0;
  /** Extra latency per Web API call (a slow Slack). */
  delayMs = 0;
  /** Retry-After seconds of the 429s the next chat.postMessage calls get, one per call. */
  rateLimitPosts: number[] = [];

  async start(): Promise<this> {
    this.port = await listen(this.server);
    return this;
  }
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }
  callsOf(method: string): ApiCall[] {
    return this.calls.items.filter((c) => c.method === method);
  }
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  private async handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) {
    const body = await readBody(req);
    const url = req.url ?? '';
    res.setHeader('content-type', 'application/json');
    if (url.startsWith('/response/')) {
      this.responses.push({ id: url.slice('/response/'.length), body: JSON.parse(body) as Record<string, unknown>, at: performance.now() });
      res.end('{"ok":true}');
      return;
    }
    const method = url.replace(/^\/api\//, '').split('?')[0]!;
    const args = parseArgs(body, req.headers['content-type']);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    this.calls.push({ method, args, at: performance.now() });
    const ok = (extra: Record<string, unknown> = {}) => res.end(JSON.stringify({ ok: true, ...extra }));
    switch (method) {
      case 'auth.test':
        return ok({ user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'damdang' });
      case 'apps.connections.open':
        return ok({ url: this.wsUrl });
      case 'chat.postMessage': {
        const retryAfter = this.rateLimitPosts.shift();
        if (retryAfter !== undefined) {
          res.writeHead(429, { 'retry-after': String(retryAfter) });
          return res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        }
        return ok({ channel: args.channel, ts: `${Date.now() / 1000}` });
      }
      default:
        return ok();
    }
  }
}

/** Slack's side of a Socket Mode connection. */
export class FakeSocketMode {
  private wss: WebSocketServer | null = null;
  private socket: WebSocket | null = null;
  readonly acks = new Recorder<{ envelope_id: string; payload: unknown; at: number }>();
  private connected: Promise<void> = Promise.resolve();
  private seq = 0;
  port = 0;

  async start(): Promise<this> {
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => this.wss!.once('listening', () => r()));
    this.port = (this.wss.address() as AddressInfo).port;
    this.connected = new Promise((resolve) => {
      this.wss!.on('connection', (ws) => {
        this.socket = ws;
        ws.on('message', (data) => {
          const msg = JSON.parse(String(data)) as { envelope_id: string; payload: unknown };
          this.acks.push({ ...msg, at: performance.now() });
        });
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
        resolve();
      });
    });
    return this;
  }
  get url(): string {
    return `ws://127.0.0.1:${this.port}/link`;
  }
  waitConnected(): Promise<void> {
    return this.connected;
  }
  /** Sends an envelope; returns its id (its ack arrives in `acks`). */
  send(type: 'slash_commands' | 'events_api' | 'interactive', payload: unknown, extra: Record<string, unknown> = {}): string {
    const envelope_id = `env-${++this.seq}`;
    this.socket!.send(JSON.stringify({ type, envelope_id, payload, accepts_response_payload: type !== 'events_api', ...extra }));
    return envelope_id;
  }
  async close(): Promise<void> {
    for (const c of this.wss?.clients ?? []) c.terminate();
    await new Promise((r) => this.wss?.close(r));
  }
}

/** Headers Slack adds: v0 HMAC-SHA256 of `v0:timestamp:body` with the signing secret. */
export function slackSignature(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const sig = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sig };
}

export function slashCommandBody(fields: Record<string, string>): string {
  return new URLSearchParams({
    token: 'legacy',
    command: '/damdang',
    team_id: 'T1',
    team_domain: 'city',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: 'U1',
    user_name: 'staff',
    api_app_id: 'A1',
    trigger_id: 'trig-1',
    ...fields,
  }).toString();
}

export async function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', body, headers });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}

/** A block action payload as Slack sends it (form field `payload`); by U1 of T1 in C1 unless `who` says otherwise. */
export function actionPayload(
  action: { action_id: string; value: string },
  where: { ephemeral: boolean; responseUrl: string },
  who: { team?: string; user?: string; channel?: string } = {},
) {
  const { team = 'T1', user = 'U1', channel = 'C1' } = who;
  return {
    type: 'block_actions',
    team: { id: team, domain: 'city' },
    user: { id: user, team_id: team },
    api_app_id: 'A1',
    trigger_id: 'trig-2',
    channel: { id: channel, name: 'general' },
    container: where.ephemeral
      ? { type: 'message', message_ts: '1.1', channel_id: channel, is_ephemeral: true }
      : { type: 'message', message_ts: '1.2', channel_id: channel, is_ephemeral: false },
    ...(where.ephemeral ? {} : { message: { ts: '1.2', thread_ts: '1.0', type: 'message', text: '' } }),
    response_url: where.responseUrl,
    actions: [{ type: 'button', block_id: 'b', action_ts: '1.3', text: { type: 'plain_text', text: 'x' }, ...action }],
  };
}

/** Every text in a Block Kit message, joined (what a person would read). */
export function blockText(message: { blocks?: unknown; text?: unknown }): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'text' && typeof x === 'string') out.push(x);
        else walk(x);
      }
    }
  };
  walk(message.blocks);
  return out.join('\n');
}
