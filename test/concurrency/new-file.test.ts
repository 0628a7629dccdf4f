/**
 * Three answering processes started at once on a database file that does not exist yet: one migrates and
 * seeds, the others wait and answer from the whole sample set (never "table meta already exists", never a
 * half-seeded store).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';

function ask(db: string, input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/damdang.js', 'ask', '--json', '--db', db, '--today', '2021-06-01']);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('processes racing on a new database file', () => {
  it('migrate and seed once, and every one answers from all four samples', async () => {
    const db = join(tempDir(), 'fresh.db');
    // One question per sample document: a half-seeded store misses at least one.
    const questions = ['정책기획과장 전화번호', '인권담당관 전화번호', '순찰 행정 예산', '혁신토론회 언제 해?'];
    const runs = await Promise.all([1, 2, 3].map(() => ask(db, `${questions.join('\n')}\n`)));
    for (const r of runs) {
      expect(r.stderr).not.toMatch(/already exists|locked|오류/);
      expect(r.code).toBe(0);
      const kinds = r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { reply: { kind: string } }).reply.kind);
      expect(kinds).toEqual(['answer', 'answer', 'answer', 'answer']);
    }
    expect(runs.map((r) => r.stdout)).toEqual([runs[0]!.stdout, runs[0]!.stdout, runs[0]!.stdout]);
    expect(runs.filter((r) => r.stderr.includes('예시 문서'))).toHaveLength(1);
    const conn = new Database(db, { readonly: true });
    expect((conn.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n).toBe(4);
    conn.close();
  }, 60_000);
});
