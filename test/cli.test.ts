import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const run = (args: string[], input = '', env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/damdang.js', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
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
});
