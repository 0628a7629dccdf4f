import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { fixedClock } from '../../src/domain/clock.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { renderText } from '../../src/render/text.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { ProjectStore } from '../../src/store/store.js';
import { answer, SAMPLES, tempDir } from '../helpers.js';

const cli = (args: string[]) => spawnSync(process.execPath, ['bin/damdang.js', ...args], { encoding: 'utf8' });

function storeWithSamples(): ProjectStore {
  const store = ProjectStore.open(join(tempDir(), 'fb.db'));
  ingestPaths(store, [SAMPLES]);
  return store;
}

describe('the feedback log', () => {
  it('keeps which answerer produced the rated reply (its trace)', () => {
    const store = storeWithSamples();
    const question = '순찰 행정 예산 얼마나 썼어?';
    const reply = answer(question, loadKnowledge(store, fixedClock('2021-06-01')));
    expect(reply.trace?.length).toBeGreaterThan(0);
    const origin = { platform: 'slack', workspace: 'T1', channel: 'C1', user: 'U1' };
    store.feedback.record({ ...origin, at: new Date('2025-03-02T01:00:00Z'), question, reply, replyText: renderText(reply), verdict: 'down' });
    expect(store.feedback.list()[0]!.trace).toEqual(reply.trace);
    store.close();
    const listed = cli(['feedback', '--db', store.file]);
    expect(listed.stdout).toContain(`  경로: ${reply.trace!.join(' → ')}`);
  });

  it('keeps the question, the reply as read, its sources, the verdict and a later comment', () => {
    const store = storeWithSamples();
    const question = '박동일 내선번호';
    const reply = answer(question, loadKnowledge(store, fixedClock('2021-06-01')));
    const replyText = renderText(reply);
    expect(replyText).toContain('2580');
    const origin = { platform: 'slack', workspace: 'T1', channel: 'C1', user: 'U1' };
    const up = store.feedback.record({ ...origin, at: new Date('2025-03-02T01:00:00Z'), question, reply, replyText, verdict: 'up' });
    const down = store.feedback.record({
      ...origin,
      at: new Date('2025-03-04T09:30:00Z'),
      question,
      reply,
      replyText,
      verdict: 'down',
    });
    expect(store.feedback.comment(down, '  내선이 바뀌었어요: 2581  ')).toBe(true);
    expect(store.feedback.comment(999, '없는 피드백')).toBe(false);

    const all = store.feedback.list();
    expect(all.map((f) => [f.id, f.verdict, f.comment])).toEqual([
      [up, 'up', null],
      [down, 'down', '내선이 바뀌었어요: 2581'],
    ]);
    expect(all[1]!.replyText).toContain('2580');
    expect(all[1]!.sources.join(' ')).toContain('3-8-76');
    expect(all[1]!).toMatchObject({ platform: 'slack', workspace: 'T1', channel: 'C1', user: 'U1', question });
    expect(store.feedback.list({ since: '2025-03-03' }).map((f) => f.id)).toEqual([down]);
    store.close();
  });

  it('bounds stored text: a pasted document does not bloat the file', () => {
    const store = ProjectStore.open(join(tempDir(), 'big.db'));
    const id = store.feedback.record({
      at: new Date(),
      platform: 'discord',
      workspace: null,
      channel: null,
      user: null,
      question: '가'.repeat(10_000),
      reply: { kind: 'not_found', sources: [] },
      replyText: '나'.repeat(50_000),
      verdict: 'down',
      comment: '다'.repeat(9_000),
    });
    const row = store.feedback.list()[0]!;
    expect(row.id).toBe(id);
    expect(row.question.length).toBe(2_000);
    expect(row.replyText.length).toBe(12_000);
    expect(row.comment!.length).toBe(2_000);
    store.close();
  });

  it('arrives by migration on a database of the previous schema without touching its data', () => {
    const file = join(tempDir(), 'old.db');
    const db = new Database(file);
    for (const m of MIGRATIONS.slice(0, -1)) db.exec(m);
    db.pragma(`user_version = ${MIGRATIONS.length - 1}`);
    db.prepare("INSERT INTO meta VALUES ('store_id', 'kept'), ('generation', '7')").run();
    db.close();
    const store = ProjectStore.open(file);
    expect(store.identity()).toEqual({ storeId: 'kept', generation: 7 });
    expect(store.feedback.list()).toEqual([]);
    store.close();
  });

  it('is listed by `damdang feedback` as text and as one JSON line each, from --since', () => {
    const store = storeWithSamples();
    const file = store.file;
    const reply = answer('정책기획과장 전화번호', loadKnowledge(store, fixedClock('2021-06-01')));
    const base = { platform: 'slack', workspace: 'T1', channel: 'C9', user: 'U7', question: '정책기획과장 전화번호' };
    store.feedback.record({ ...base, at: new Date('2025-01-10T00:00:00Z'), reply, replyText: renderText(reply), verdict: 'up' });
    const id = store.feedback.record({
      ...base,
      at: new Date('2025-02-10T00:00:00Z'),
      reply,
      replyText: renderText(reply),
      verdict: 'down',
    });
    store.feedback.comment(id, '과장님이 바뀌었습니다');
    store.close();

    const json = cli(['feedback', '--json', '--db', file]);
    expect(json.status).toBe(0);
    const rows = json.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { verdict: string; replyText: string });
    expect(rows.map((r) => r.verdict)).toEqual(['up', 'down']);
    expect(rows[0]!.replyText).toContain('2050');

    const text = cli(['feedback', '--since', '2025-02-01', '--db', file]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('👎 slack/T1/C9/U7');
    expect(text.stdout).toContain('의견: 과장님이 바뀌었습니다');
    expect(text.stdout).not.toContain('👍');
    expect(text.stderr).toContain('피드백 1건: 👍 0, 👎 1');

    const bad = cli(['feedback', '--since', '어제', '--db', file]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--since: YYYY-MM-DD');
  });
});
