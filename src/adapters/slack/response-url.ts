/**
 * Answers to a slash command or a button go to the request's response_url. Bolt's own respond() uses the
 * global fetch, which costs about a millisecond of CPU a call and compiles undici on first use (the first
 * answers after start-up waited ~150 ms for it under load); a keep-alive node:http(s) request does the same
 * POST for a fraction of that. Same contract as Bolt's: a string is { text }, a non-2xx status rejects.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { RespondArguments } from '@slack/bolt';

/** What listeners answer through: Bolt's respond() fits it too. */
export type Respond = (message: string | RespondArguments) => Promise<unknown>;

const TIMEOUT_MS = 10_000;
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

export function respondTo(responseUrl: string): Respond {
  return (message: string | RespondArguments) => postJson(responseUrl, typeof message === 'string' ? { text: message } : message);
}

function postJson(target: string, payload: unknown): Promise<void> {
  const url = new URL(target);
  const secure = url.protocol === 'https:';
  const body = Buffer.from(JSON.stringify(payload));
  return new Promise((resolve, reject) => {
    const req = (secure ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.once('end', () => {
          const status = res.statusCode ?? 0;
          // The response_url's host only: the path is a one-time credential.
          if (status >= 200 && status < 300) resolve();
          else reject(new Error(`response_url ${url.host}: HTTP ${status}`));
        });
      },
    );
    req.once('timeout', () => req.destroy(new Error(`response_url ${url.host}: no answer in ${TIMEOUT_MS} ms`)));
    req.once('error', reject);
    req.end(body);
  });
}
