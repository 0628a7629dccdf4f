/**
 * Digests that are right (issue #20, part 2): an item a later document of the same project reports is not overdue,
 * changes show under --today, each line names its item, a stale document's old items are counted not listed, and
 * a 하반기 item in its last month is due this month. Real documents, real SQLite, the real CLI for --today.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedCorpusDir } from '../../scripts/lib/corpus-paths.js';
import { composeDigest, type DigestOptions } from '../../src/digest/compose.js';
import { ingestFile, ingestPaths } from '../../src/ingest/ingest.js';
import { ProjectStore } from '../../src/store/store.js';
import { CORPUS, SAMPLES, tempDir } from '../helpers.js';

const shared = sharedCorpusDir();

function options(today: string, extra: Partial<DigestOptions> = {}): DigestOptions {
  return { today, days: 7, scope: null, staleDays: 365, since: new Date(0), until: new Date(0), ...extra };
}

const texts = (items: Array<{ text: string }>) => items.map((i) => i.text);

describe.skipIf(!shared)('an item a later document of the same project reports is not overdue', () => {
  let store: ProjectStore;
  beforeAll(() => {
    store = ProjectStore.open(join(tempDir(), 'later.db'));
    ingestPaths(store, [join(shared!, 'seoul-approvals'), join(CORPUS, 'seoul-approval-2024-youth-allowance-tf.txt')]);
    return () => store.close();
  });

  it('청년사업담당관 on 2025-03-01: 916 (입찰공고 의뢰) and 917 (공개결과 : 제출의견 없음) cover two items', () => {
    const d = composeDigest(store, options('2025-03-01', { scope: '청년사업담당관' }));
    // 917 plans "계약의뢰 … 및 입찰공고(재무과): 2025. 1월중"; 916 of 2025. 1. 24. is that 입찰공고's 의뢰.
    // 707 plans "접수의견 반영: 2025. 1. 23."; 917 of 1. 24. reports "공개결과 : 제출의견 없음".
    // "제안서 접수 및 평가, 계약 체결" stays: no later document of the project reports the 계약 (1503's 제안서평가회
    // names the project differently and is no contract).
    expect(texts(d.overdue)).toEqual([
      '’25년 사업계획 수립 — ’25. 1월 (기한 1. 31., 29일 지남, 이후 보고 없음)',
      '제안서 접수 및 평가, 계약 체결 — 2025. 2월중 (기한 2. 28., 1일 지남, 이후 보고 없음)',
    ]);
  });

  it('a document dated after "today" covers nothing yet', () => {
    // On 2025-01-23 the 1. 23. item is due today, and 917 (1. 24.) does not exist yet.
    const before = composeDigest(store, options('2025-01-23', { scope: '청년사업담당관' }));
    expect(texts(before.due)).toContain('접수의견 반영 — 2025. 1. 23. (오늘)');
    const after = composeDigest(store, options('2025-01-27', { scope: '청년사업담당관' }));
    expect(texts(after.overdue).join('\n')).not.toContain('접수의견 반영');
  });
});

describe.skipIf(!shared)('an item with only a deadline ("6월까지")', () => {
  it('is due by that day, not "starting" on it (and the digest no longer fails on it)', () => {
    const store = ProjectStore.open(join(tempDir(), 'deadline.db'));
    ingestPaths(store, [join(shared!, 'busan-plans', 'busan-2025-plan-urban-innovation-balance.layout.txt')]);
    const d = composeDigest(store, options('2025-06-30', { scope: '도시혁신균형실' }));
    expect(texts(d.due.filter((i) => i.source.endsWith('2194행')))).toEqual(['평가시기 : 매년 ※ — 6월까지 (기한 6. 30.)']);
    store.close();
  });
});

const HUMAN_RIGHTS = 'suwon-policy-sheet-3-8-76-human-rights-governance.txt';

describe('changes under --today (the real CLI over a real store)', () => {
  const run = (args: string[]) => spawnSync(process.execPath, ['bin/damdang.js', ...args], { encoding: 'utf8' });

  it('a re-ingested sheet with 진도율 80 → 85 and ☎2618 → 2620 says exactly that, with and without --today', () => {
    const dir = tempDir();
    const db = join(dir, 'changes.db');
    const docs = join(dir, 'docs');
    spawnSync('mkdir', [docs]);
    const file = join(docs, HUMAN_RIGHTS);
    copyFileSync(join(SAMPLES, HUMAN_RIGHTS), file);
    expect(run(['ingest', docs, '--db', db]).status).toBe(0);
    const original = readFileSync(file, 'utf8');
    const edited = original.replace('약속\t-\t-\t80\t2022. 12.', '약속\t-\t-\t85\t2022. 12.').replace('안세진\t2618', '안세진\t2620');
    expect(edited.split('\n').filter((l, k) => l !== original.split('\n')[k])).toHaveLength(2);
    writeFileSync(file, edited);
    expect(run(['ingest', docs, '--db', db]).status).toBe(0);
    const changes = (args: string[]) => {
      const r = run(['digest', '인권담당관', '--json', '--db', db, ...args]);
      expect(r.status).toBe(0);
      return (JSON.parse(r.stdout) as { digest: { changes: Array<{ text: string }> } }).digest.changes.map((c) => c.text);
    };
    const expected = ['새 문서 (policy-sheet, 사업 1건)', '진도율 80% → 85%', '연락처 변경: 안세진 인권센터장 ☎2618 → 안세진 인권센터장 ☎2620'];
    expect(changes(['--today', '2021-04-01'])).toEqual(expected);
    expect(changes([])).toEqual(expected);
  }, 60_000);
});

describe('each line names its item; stale documents are counted, not listed', () => {
  let store: ProjectStore;
  beforeAll(() => {
    store = ProjectStore.open(join(tempDir(), 'named.db'));
    ingestPaths(store, [
      join(CORPUS, 'busan-2025-plan-waterworks.txt'),
      join(CORPUS, 'seoul-promise-2016-prom142.txt'),
      join(SAMPLES, 'suwon-policy-sheet-3-8-76-human-rights-governance.txt'),
    ]);
    return () => store.close();
  });

  it('"용역완료(’25.3.)" under "회동상수원보호구역 관리대책 수립 용역 ▸ …" is named by that task', () => {
    const d = composeDigest(store, options('2025-03-01'));
    const line = d.due.find((i) => i.source.endsWith('253행'))!;
    expect(line.text).toBe('회동상수원보호구역 관리대책 수립 용역 — 완료 ’25.3. (오늘부터)');
    // "실시설계용역(‘25.1.~3.), 관급자재 발주(’25.3.~5.), …" under "노후 전기설비 교체 ▸'25년, 19억원": the step is
    // named by its task, the next item of the line names its own work.
    expect(texts(d.due)).toContain('노후 전기설비 교체 — 실시설계용역 ‘25.1.~3. (기한 3. 31.)');
    expect(texts(d.due)).toContain('관급자재 발주 — ’25.3.~5. (오늘부터)');
    expect(texts([...d.due, ...d.overdue]).filter((t) => /^(?:용역완료|실시설계용역) —/.test(t))).toEqual([]);
  });

  it('a step under a heading that names nothing ("향후추진계획") takes its record, in changes too', () => {
    const dir = tempDir();
    const file = join(dir, HUMAN_RIGHTS);
    copyFileSync(join(SAMPLES, HUMAN_RIGHTS), file);
    const own = ProjectStore.open(join(dir, 'step.db'));
    ingestFile(own, file);
    const since = new Date();
    const line = '- 외부 협의체 간담회 및 이행방안 논의 2021. 하반기\n';
    writeFileSync(file, readFileSync(file, 'utf8').replace(line, `${line}- 발대식 2021. 11.\n`));
    ingestFile(own, file);
    const window = { since, until: new Date(Date.now() + 1000) };
    expect(texts(composeDigest(own, options('2021-10-01', window)).changes)).toEqual([
      '새 일정: 인권보호 거버넌스 구축 및 인권조직 위상 강화 (발대식) — 2021. 11.',
    ]);
    expect(texts(composeDigest(own, options('2021-11-01', window)).due)).toEqual([
      '인권보호 거버넌스 구축 및 인권조직 위상 강화 — 발대식 2021. 11. (오늘부터)',
    ]);
    own.close();
  });

  it('a 2016 report without an as-of date is stale by its year, and its 2017 plan is not listed as 1187 days late', () => {
    const d = composeDigest(store, options('2021-04-01'));
    expect(d.stale.find((s) => s.document === 'seoul-promise-2016-prom142.txt')).toEqual({
      document: 'seoul-promise-2016-prom142.txt',
      asOf: '2016-12',
      ageDays: 1552,
      openPastItems: 2,
    });
    expect(d.overdue.filter((i) => i.source.startsWith('seoul-promise-2016-prom142'))).toEqual([]);
  });

  it('a 하반기 item in its last month is due this month, in a 7-day digest too', () => {
    const d = composeDigest(store, options('2021-12-01', { scope: '인권담당관' }));
    expect(texts(d.due)).toEqual([
      '내부 협의체 간담회 및 협력방안 논의 — 2021. 하반기 (기한 12. 31.)',
      '외부 협의체 간담회 및 이행방안 논의 — 2021. 하반기 (기한 12. 31.)',
    ]);
  });
});
