import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { tempDir } from '../helpers.js';

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/damdang.js', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('npx damdang digest', () => {
  it('prints the week over the samples as of --today, and --json with the structured digest', () => {
    const db = join(tempDir(), 'cli-digest.db');
    const r = run(['digest', '--today', '2021-04-01', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('주간 요약 · 전체 · 2021-04-01 기준 (다음 7일)');
    expect(r.stdout).toContain('협치 시정 활성화 연구용역 — 2021. 4. ~ 10.');
    expect(r.stdout).toContain('상반기 공직자 협치 감수성 교육 — 2021. 4.');
    const j = spawnSync(process.execPath, ['bin/damdang.js', 'digest', '인권담당관', '--days', '31', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, DAMDANG_DB: db, DAMDANG_TODAY: '2021-12-01' },
    });
    expect(j.status).toBe(0);
    const out = JSON.parse(j.stdout) as { digest: { due: Array<{ text: string; unit: string }> }; text: string };
    expect(out.digest.due.map((d) => d.text)).toContain('내부 협의체 간담회 및 협력방안 논의 — 2021. 하반기 (기한 12. 31.)');
    expect(new Set(out.digest.due.map((d) => d.unit))).toEqual(new Set(['수원시 인권담당관']));
    const bad = run(['digest', '--days', '0', '--db', db]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--days 는 1~366 사이의 정수여야 합니다');
  });

  it('reads its settings only through config, with readable errors', () => {
    const c = loadConfig({}, { DAMDANG_ADMINS: 'U1, U2', DAMDANG_DIGEST_GRACE_MINUTES: '15' });
    expect(c).toMatchObject({ timeZone: 'Asia/Seoul', admins: ['U1', 'U2'], digest: { graceMinutes: 15, staleDays: 365 } });
    expect(() => loadConfig({}, { DAMDANG_TZ: 'Mars/Base' })).toThrow('설정 오류: DAMDANG_TZ — 알 수 없는 시간대입니다');
  });
});
