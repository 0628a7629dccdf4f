/**
 * `npm run bench:slack`: 1,000 signed `/damdang` slash commands, 50 in flight at a time, against the real Bolt app
 * in HTTP mode on loopback, with the fake Slack Web API and response_url of the tests. Reports the time to the
 * HTTP ack (Slack's 3-second limit) and until the answer reaches the response_url, p50/p99, and errors
 * (a non-200 ack, no answer within 5 s of the ack, or an answer that is an error or refusal). A benchmark, not a test.
 *   npm run bench:slack                       # 1,000 commands, 50 at a time
 *   npm run bench:slack -- 5000 100           # count, concurrency
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { blockText, FakeSlack, post, slackSignature, slashCommandBody } from '../test/adapters/slack/fakes.js';

const [count = 1000, concurrency = 50] = process.argv.slice(2).map(Number);
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
const bot = spawn(process.execPath, ['bin/damdang.js', 'start'], {
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

async function one(i: number): Promise<void> {
  const [question, expected] = QUESTIONS[i % QUESTIONS.length]!;
  const id = `b${i}`;
  // 250 users asking 4 times each: the per-user rate limit is not what is measured.
  const body = slashCommandBody({ text: question, user_id: `U${i % 250}`, response_url: fake.responseUrl(id) });
  const started = performance.now();
  const res = await post(url, body, { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(SECRET, body) });
  acks.push(res.ms);
  if (res.status !== 200) errors.push(`${id}: HTTP ${res.status}`);
  // Answers already caught are kept, so waiting after the ack misses none.
  const got = await fake.responses.next((r) => r.id === id, 5000).catch(() => null);
  if (!got) return void errors.push(`${id}: no answer within 5 s of the ack`);
  delivered.push(got.at - started);
  if (!blockText(got.body).includes(expected)) errors.push(`${id}: answer to "${question}" lacks ${expected}`);
}

async function run(total: number, first: number): Promise<void> {
  let next = first;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < first + total) await one(next++);
    }),
  );
}
// Steady state is measured: a warm-up round (JIT, first connections of the load client) is run and not counted.
const warmUp = concurrency * 2;
await run(warmUp, count);
acks.length = 0;
delivered.length = 0;
const wall = performance.now();
const cpu = botCpu();
await run(count, 0);
const seconds = (performance.now() - wall) / 1000;
const cpuMs = (botCpu() - cpu) / count;

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
    `CPU of the damdang process per command: ${cpuMs.toFixed(2)} ms; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`,
    `errors: ${errors.length}${errors.length ? ` — ${errors.slice(0, 5).join('; ')}` : ''}`,
    '',
  ].join('\n'),
);

bot.kill('SIGTERM');
await new Promise((r) => bot.once('exit', r));
await fake.close();
rmSync(work, { recursive: true, force: true });
if (errors.length) process.exitCode = 1;
