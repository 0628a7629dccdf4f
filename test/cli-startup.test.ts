/**
 * The real CLI (bin/damdang.js) on bad set-ups: each ends with one message naming the file, line or variable and a
 * non-zero exit, never a stack trace or a bot that quietly starts wrong. And what it prints from stored text
 * (feedback, digests) cannot drive the operator's terminal.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dotEnvProblems } from '../src/config.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { ProjectStore } from '../src/store/store.js';
import { SAMPLES, tempDir } from './helpers.js';

const BIN = resolve('bin/damdang.js');
const run = (args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string; uid?: number } = {}) =>
  spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? '',
    encoding: 'utf8',
    cwd: options.cwd ?? process.cwd(),
    timeout: 60_000,
    env: { ...process.env, DAMDANG_SAMPLES: resolve(SAMPLES), ...options.env },
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
  });

/** A stack trace's frames ("    at f (file:1:2)"): a clear message has none. */
const STACK = /\n\s+at /;
/** Escape, C0/C1 control and bidi characters, raw or as a JSON \u escape of C0. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\\u00(?:0[0-8]|1[0-9a-f]|7f)/i;
const HOSTILE = '\x1b[2J\x1b]0;pwned\x07\x9b31m\u202e';

/** A store seeded with the samples, for the runs that need one. */
function seededDb(dir = tempDir()): string {
  const file = join(dir, 'seeded.db');
  const store = ProjectStore.open(file);
  ingestPaths(store, [SAMPLES]);
  store.close();
  return file;
}

describe('.env, DAMDANG_TODAY and DAMDANG_SAMPLES', () => {
  it('a .env line that is not KEY=value is named by its line, and nothing starts (it used to start as a console)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), `# Slack\nSLACK_BOT_TOKEN xoxb-111-222-secret\nDAMDANG_TODAY=2021-06-01\n`);
    for (const args of [['start'], ['ask', '예산']]) {
      const r = run(args, { cwd: dir, input: '순찰 행정 예산\n', env: { DAMDANG_DB: join(dir, 'x.db') } });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/\.env 2행 \(SLACK_BOT_TOKEN\)/);
      expect(r.stderr).not.toContain('xoxb-111-222-secret');
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(join(dir, 'x.db'))).toBe(false);
  });

  it('reads comments, export, quoted values over several lines; names only capitalised keys, never a value', () => {
    expect(dotEnvProblems('# c\n\nexport A=1\nB = "two\nlines"\nC=\'x\' # note\r\nD=')).toEqual([]);
    expect(dotEnvProblems('A=1\nSLACK_BOT_TOKEN xoxb-1\nxoxb-2-3\nB: 2')).toEqual([
      { line: 2, key: 'SLACK_BOT_TOKEN' },
      { line: 3, key: null },
      { line: 4, key: 'B' },
    ]);
  });

  it('DAMDANG_TODAY=2021-02-30 (or --today) is refused by name; 2020-02-29 is a date', () => {
    const db = seededDb();
    const env = run(['ask', '--db', db, '예산'], { env: { DAMDANG_TODAY: '2021-02-30' } });
    expect(env.status).toBe(1);
    expect(env.stderr).toMatch(/DAMDANG_TODAY \(--today\) — 존재하지 않는 날짜/);
    const flag = run(['ask', '--db', db, '--today', '2021-02-30', '예산']);
    expect(flag.status).toBe(1);
    expect(flag.stderr).toMatch(/DAMDANG_TODAY \(--today\)/);
    expect(run(['ask', '--db', db, '--today', '2020-02-29', '순찰 행정 예산']).status).toBe(0);
  });

  it('a missing DAMDANG_SAMPLES folder, with an empty store, is named (it answered from nothing)', () => {
    const dir = tempDir();
    const r = run(['ask', '--db', join(dir, 'new.db'), '순찰 행정 예산'], { env: { DAMDANG_SAMPLES: join(dir, 'no-such-folder') } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('DAMDANG_SAMPLES');
    expect(r.stderr).toContain(join(dir, 'no-such-folder'));
    expect(r.stdout).toBe('');
  });
});

describe('the database file', () => {
  it('a file that is not a database is named, for ask, start and ingest', () => {
    const file = join(tempDir(), 'notes.db');
    writeFileSync(file, '이것은 데이터베이스가 아닙니다\n'.repeat(200));
    for (const args of [['ask', '예산'], ['start'], ['ingest', SAMPLES]]) {
      const r = run([...args, '--db', file]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`데이터베이스 ${file}: SQLite 데이터베이스 파일이 아닙니다`);
      expect(r.stderr).not.toMatch(STACK);
    }
  });

  it('a path through a file is named', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain'), 'x');
    const r = run(['ask', '--db', join(dir, 'plain', 'x.db'), '예산']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`데이터베이스 ${join(dir, 'plain', 'x.db')}`);
  });

  // chmod does not stop root: as root the answering process runs as nobody (uid 65534), which needs to read the
  // checkout. Where it cannot (a private checkout), the test says so instead of passing without checking.
  const asRoot = process.getuid?.() === 0;
  const NOBODY = 65534;
  const nobodyCanRun = !asRoot || spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)})`], { uid: NOBODY, gid: NOBODY }).status === 0;
  it.skipIf(!nobodyCanRun)(
    'a database in a folder this process cannot write can be asked by ask and start (run as uid 65534 when root; skipped where that uid cannot read the checkout)',
    () => {
      const dir = tempDir();
      const db = seededDb(dir);
      // No -wal or -shm left: the last writer closed cleanly, as after an ingest.
      expect(readdirSync(dir).filter((f) => f.includes('seeded.db-'))).toEqual([]);
      chmodSync(dir, 0o555);
      try {
        const uid = asRoot ? NOBODY : undefined;
        if (!asRoot) expect(() => accessSync(dir, constants.W_OK)).toThrow();
        for (const args of [['ask', '순찰 행정 예산'], ['start']]) {
          const r = run([...args, '--db', db, '--today', '2021-06-01'], { uid, input: '순찰 행정 예산\n', env: { TMPDIR: '/tmp' } });
          expect(r.stderr).not.toMatch(/오류/);
          expect(r.status).toBe(0);
          expect(r.stdout).toContain('18,630천원');
          expect(r.stderr).toContain('메모리에 읽어');
        }
      } finally {
        chmodSync(dir, 0o755);
      }
    },
  );
});

describe('what the CLI prints from stored text cannot drive the terminal', () => {
  it('damdang feedback (text and --json): a 👎 comment with escape sequences, a forged line and a mention', () => {
    const db = join(tempDir(), 'feedback.db');
    const store = ProjectStore.open(db);
    store.feedback.record({
      at: new Date('2025-03-02T01:00:00Z'),
      platform: 'slack',
      workspace: 'T1',
      channel: `C1${HOSTILE}`,
      user: 'U1',
      question: `협치 예산${HOSTILE}`,
      reply: { kind: 'answer', sources: [`문서${HOSTILE}.txt`] },
      replyText: `답${HOSTILE}`,
      verdict: 'down',
      comment: `틀렸어요${HOSTILE}\n#99 2025-03-02 09:00 👍 forged <@U999> @everyone`,
    });
    store.close();
    const text = run(['feedback', '--db', db]);
    expect(text.status).toBe(0);
    expect(text.stdout).not.toMatch(CONTROL);
    expect(text.stdout).toContain('틀렸어요');
    // The comment's line break cannot start a line that looks like another entry.
    expect(text.stdout.split('\n').filter((l) => l.startsWith('#'))).toHaveLength(1);
    expect(text.stdout).not.toMatch(/<@U999>|@everyone/);
    const json = run(['feedback', '--json', '--db', db]);
    expect(json.status).toBe(0);
    expect(json.stdout).not.toMatch(CONTROL);
    expect(json.stdout).not.toMatch(/<@U999>|@everyone/);
    expect((JSON.parse(json.stdout) as { comment: string }).comment).toContain('틀렸어요');
  });

  it('digest --json: a document named with a right-to-left override, an 8-bit CSI and a mention', () => {
    const dir = tempDir();
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    const sample = readdirSync(SAMPLES).find((f) => f.startsWith('suwon-policy-sheet-3-8-76'))!;
    copyFileSync(join(SAMPLES, sample), join(docs, `인권\u202etxt.exe\x9b31m<@U1>.txt`));
    const db = join(dir, 'digest.db');
    expect(run(['ingest', '--db', db, docs]).status).toBe(0);
    // Long after its as-of date the document is listed as stale, by its name.
    const r = run(['digest', 'all', '--json', '--db', db, '--today', '2025-06-01']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('인권');
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).not.toContain('<@U1>');
  });
});
