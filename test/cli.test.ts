import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const BIN = resolve('bin/damdang.js');
const run = (args: string[], input = '', env: Record<string, string> = {}, cwd = process.cwd()) =>
  spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    cwd,
    env: { ...process.env, DAMDANG_SAMPLES: resolve('data/samples'), ...env },
  });

describe('the damdang CLI', () => {
  it('prints help', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ingest');
    expect(r.stdout).toContain('ask');
  });

  it('ask --json prints exactly one JSON line per input line and nothing else on stdout', () => {
    const db = join(tempDir(), 'ask.db');
    const r = run(
      ['ask', '--json', '--db', db, '--today', '2021-06-01'],
      'help\n없는사업 예산\n정책기획과장 전화번호\n',
    );
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const parsed = lines.map((l) => JSON.parse(l) as { message: string; text: string; reply: { kind: string } });
    expect(parsed.map((p) => p.message)).toEqual(['help', '없는사업 예산', '정책기획과장 전화번호']);
    expect(parsed[1]!.reply.kind).toBe('not_found');
    expect(parsed[2]!.text).toContain('2050');
    expect(r.stderr).toContain('예시 문서');
  });

  it('start answers piped lines on the console and exits at end of input', () => {
    const db = join(tempDir(), 'start.db');
    const r = run(['start'], '순찰 행정 예산\n', { DAMDANG_DB: db, DAMDANG_TODAY: '2021-06-01' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('18,630천원');
  });

  it('names the bad argument and exits 1', () => {
    const r = run(['ask', '--today', '2021-13-45', '--db', join(tempDir(), 'x.db'), '예산']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DAMDANG_TODAY \(--today\)/);
  });

  it('reads .env from the working folder at start-up, and the shell wins over it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), `DAMDANG_DB=${join(dir, 'from-env-file.db')}\nDAMDANG_TODAY=2021-13-45\n`);
    const bad = run(['ask', '예산'], '', {}, dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/DAMDANG_TODAY \(--today\)/);
    const r = run(['ask', '순찰 행정 예산'], '', { DAMDANG_TODAY: '2021-06-01' }, dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('18,630천원');
    expect(r.stderr).toContain('2021-06-01 (Asia/Seoul)');
    expect(existsSync(join(dir, 'from-env-file.db'))).toBe(true);
  });

  it('rejects an unknown time zone by name', () => {
    const r = run(['ask', '--db', join(tempDir(), 'x.db'), '예산'], '', { DAMDANG_TZ: 'Asia/Seol' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DAMDANG_TZ/);
  });
});
