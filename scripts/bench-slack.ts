/**
 * `npm run bench:slack`: 1,000 signed `/damdang` slash commands, 50 in flight at a time, against the real Bolt app
 * in HTTP mode on loopback, with the tests' fake Slack Web API and a response_url catcher of its own. Reports the time to the
 * HTTP ack (Slack's 3-second limit) and until the answer reaches the response_url, p50/p99, and errors
 * (a non-200 ack, no answer within 5 s of the ack, or an answer that is an error or refusal). A benchmark, not a test.
 *   npm run bench:slack                       # 1,000 commands, 50 at a time
 *   npm run bench:slack -- 5000 100           # count, concurrency
 *   npm run bench:slack -- --profile /tmp/p   # and a CPU profile of the bot process
 * The bot's CPU per command is read from /proc, the load client's own from process.cpuUsage(): on a machine of
 * two cores they share, the second figure says how much of the latency is the client's.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { blockText, FakeSlack, slackSignature, slashCommandBody } from '../test/adapters/slack/fakes.js';

const args = process.argv.slice(2);
const profileAt = args.indexOf('--profile');
// `--profile DIR`: the bot process writes a V8 CPU profile there on exit (open it in Chrome's DevTools).
const profileDir = profileAt >= 0 ? args.splice(profileAt, 2)[1] : undefined;
const [count = 1000, concurrency = 50] = args.map(Number);
const SECRET = 'bench-signing-secret';
// Real questions over the real documents, with a figure each answer must contain.
const QUESTIONS: Array<[string, string]> = [
  ['박동일 내선번호', '2580'],
  ['정책기획과장 전화번호', '2050'],
  ['협치 예산', '협치시정 활성화'],
  ['감사담당관 조직', '감사담당관'],
  ['일정 협치', '협치'],
  ['순찰 행정 예산 얼마나 썼어?', '18,630천원'],
  ['찾기 인권', '인권'],
];

const work = mkdtempSync(join(tmpdir(), 'damdang-bench-slack-'));
const db = join(work, 'bench.db');
execFileSync(process.execPath, ['bin/damdang.js', 'ingest', 'data/samples', 'test/fixtures/corpus', '--db', db], { stdio: 'ignore' });
const fake = await new FakeSlack().start();
// The app runs as `damdang start` does, in its own process: Slack's side (fake API, load client) is not in it.
const bot = spawn(process.execPath, [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), 'bin/damdang.js', 'start'], {
  env: {
    ...process.env,
    DAMDANG_DB: db,
    DAMDANG_TODAY: '2021-06-01',
    DAMDANG_LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-bench-0000',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_MODE: 'http',
    PORT: '0',
    SLACK_API_URL: fake.apiUrl,
  },
  stdio: ['ignore', 'ignore', 'pipe'],
});
const port = await new Promise<number>((resolve, reject) => {
  let err = '';
  bot.stderr.setEncoding('utf8');
  bot.stderr.on('data', (c: string) => {
    err += c;
    const m = /listening.*port[=":]+(\d+)/.exec(err);
    if (m) resolve(Number(m[1]));
  });
  bot.once('exit', (code) => reject(new Error(`damdang start exited ${code}: ${err}`)));
});
const url = `http://127.0.0.1:${port}/slack/events`;
const botCpu = () => {
  const stat = readFileSync(`/proc/${bot.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(stat[11]) + Number(stat[12])) * 1000) / 100; // utime + stime, in ms at 100 ticks/s
};

const acks: number[] = [];
const delivered: number[] = [];
const errors: string[] = [];

// The load client has to be cheap, or its own CPU on the shared cores is what gets measured: global fetch
// cost ~2.8 ms of CPU a command here, as much as the bot. So requests are signed before the run, sent over a
// keep-alive node:http agent, and the answers are caught by a response_url server of the bench's own that only
// notes the arrival time; their content is checked after the run.
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const caught = new Map<string, { at: number; body: string }>();
const awaiting = new Map<string, () => void>();
const catcher = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const id = (req.url ?? '').slice('/response/'.length);
    caught.set(id, { at: performance.now(), body: Buffer.concat(chunks).toString('utf8') });
    res.end('{"ok":true}');
    awaiting.get(id)?.();
  });
});
await new Promise<void>((r) => catcher.listen(0, '127.0.0.1', r));
const catcherPort = (catcher.address() as AddressInfo).port;

interface Prepared {
  id: string;
  question: string;
  expected: string;
  body: Buffer;
  headers: Record<string, string | number>;
}
function prepare(i: number): Prepared {
  const [question, expected] = QUESTIONS[i % QUESTIONS.length]!;
  const id = `b${i}`;
  // 250 users asking 4 times each: the per-user rate limit is not what is measured.
  const form = slashCommandBody({ text: question, user_id: `U${i % 250}`, response_url: `http://127.0.0.1:${catcherPort}/response/${id}` });
  const body = Buffer.from(form);
  const headers = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': body.length, ...slackSignature(SECRET, form) };
  return { id, question, expected, body, headers };
}

function send(p: Prepared): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: p.headers }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end(p.body);
  });
}

function answerOf(id: string, ms: number): Promise<{ at: number; body: string } | null> {
  const have = caught.get(id);
  if (have) return Promise.resolve(have);
  return new Promise((resolve) => {
    const timer = setTimeout(() => (awaiting.delete(id), resolve(null)), ms);
    awaiting.set(id, () => (clearTimeout(timer), awaiting.delete(id), resolve(caught.get(id)!)));
  });
}

async function one(p: Prepared): Promise<void> {
  const started = performance.now();
  const status = await send(p).catch((err: Error) => (errors.push(`${p.id}: ${err.message}`), 0));
  acks.push(performance.now() - started);
  if (status !== 200) return void errors.push(`${p.id}: HTTP ${status}`);
  const got = await answerOf(p.id, 5000);
  if (!got) return void errors.push(`${p.id}: no answer within 5 s of the ack`);
  delivered.push(got.at - started);
}

function check(p: Prepared): void {
  const got = caught.get(p.id);
  if (got && !blockText(JSON.parse(got.body) as Record<string, unknown>).includes(p.expected)) {
    errors.push(`${p.id}: answer to "${p.question}" lacks ${p.expected}`);
  }
}

async function run(batch: Prepared[]): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batch.length) await one(batch[next++]!);
    }),
  );
}
// Steady state is measured: a warm-up round (JIT, first connections of the load client) is run and not counted.
const warmUp = concurrency * 2;
const warmUpBatch = Array.from({ length: warmUp }, (_, i) => prepare(count + i));
const measured = Array.from({ length: count }, (_, i) => prepare(i));
await run(warmUpBatch);
acks.length = 0;
delivered.length = 0;
const wall = performance.now();
const cpu = botCpu();
const ownCpu = process.cpuUsage();
await run(measured);
const seconds = (performance.now() - wall) / 1000;
const cpuMs = (botCpu() - cpu) / count;
const own = process.cpuUsage(ownCpu);
const ownMs = (own.user + own.system) / 1000 / count;
for (const p of [...warmUpBatch, ...measured]) check(p);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!.toFixed(1) : '-';
};
const row = (name: string, xs: number[], target: number) =>
  `| ${name} | ${pct(xs, 50)} | ${pct(xs, 99)} | ${pct(xs, 100)} | < ${target} | ${Number(pct(xs, 99)) < target ? 'met' : 'MISSED'} |`;
process.stdout.write(
  [
    `Slack HTTP mode, loopback: ${count} signed slash commands, ${concurrency} at a time (after ${warmUp} not counted), ${seconds.toFixed(1)} s (${(count / seconds).toFixed(0)}/s), node ${process.version}`,
    '',
    '| ms | p50 | p99 | max | p99 target | |',
    '|---|---|---|---|---|---|',
    row('ack (HTTP 200)', acks, 100),
    row('answer at response_url', delivered, 300),
    '',
    `CPU of the damdang process per command: ${cpuMs.toFixed(2)} ms; of the load client and fake Slack: ${ownMs.toFixed(2)} ms; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`,
    `errors: ${errors.length}${errors.length ? ` — ${errors.slice(0, 5).join('; ')}` : ''}`,
    '',
  ].join('\n'),
);

bot.kill('SIGTERM');
await new Promise((r) => bot.once('exit', r));
await fake.close();
agent.destroy();
await new Promise((r) => catcher.close(r));
rmSync(work, { recursive: true, force: true });
if (errors.length) process.exitCode = 1;
