import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { composeDigest, type DigestOptions } from '../../src/digest/compose.js';
import { digestReply, NOTHING_THIS_WEEK } from '../../src/digest/reply.js';
import { ingestFile, ingestPaths } from '../../src/ingest/ingest.js';
import { renderText } from '../../src/render/text.js';
import { ProjectStore } from '../../src/store/store.js';
import { SAMPLES, tempDir } from '../helpers.js';

const HUMAN_RIGHTS = 'suwon-policy-sheet-3-8-76-human-rights-governance.txt';

function options(today: string, extra: Partial<DigestOptions> = {}): DigestOptions {
  return { today, days: 7, scope: null, staleDays: 365, since: new Date(0), until: new Date(0), ...extra };
}

describe('digest content over data/samples', () => {
  let store: ProjectStore;
  beforeAll(() => {
    store = ProjectStore.open(join(tempDir(), 'digest.db'));
    ingestPaths(store, [SAMPLES]);
    return () => store.close();
  });

  it('as of 2021-04-01 lists the two 협치 items starting this week, with owner and source', () => {
    const d = composeDigest(store, options('2021-04-01'));
    const due = d.due.map((i) => i.text);
    expect(due).toContain('협치 시정 활성화 연구용역 — 2021. 4. ~ 10. (오늘부터)');
    expect(due).toContain('상반기 공직자 협치 감수성 교육 — 2021. 4. (오늘부터)');
    const item = d.due.find((i) => i.text.startsWith('협치 시정 활성화 연구용역'))!;
    expect(item).toMatchObject({ unit: '수원시 정책기획과', project: '협치시정 활성화' });
    expect(item.owner).toContain('이태환 주무관 ☎3146');
    expect(item.source).toBe('suwon-policy-sheet-cooperative-governance.txt · 향후추진계획 · 80행');
    expect(d.overdue).toEqual([]);
    const text = renderText(digestReply(d));
    expect(text.split('\n')[1]).toBe('다가오는 일정 2건 · 기한 지남 0건 · 계획 대비 부진 2건 · 바뀐 점 0건 · 오래된 문서 2건');
  });

  it('says how "behind plan" was computed, from the document figures', () => {
    const d = composeDigest(store, options('2021-04-01'));
    expect(d.behind.map((b) => b.text)).toEqual([
      '누적 추진율 80% (2021년 1분기 실적) < 목표 85% (2021년 2분기) — 5%p 부족 [오늘이 속한 목표 기간의 목표와 비교]',
      '2021년 집행 0백만원 / 예산(확보) 29백만원 = 0% < 연간 경과 24.7% (2021-03-31 기준 90/365일)',
    ]);
  });

  it('as of 2021-12-01 the 2021 하반기 items of 인권보호 거버넌스 are in their last month, due by 12. 31., overdue in January', () => {
    const items = ['내부 협의체 간담회 및 협력방안 논의', '외부 협의체 간담회 및 이행방안 논의'];
    const of = (xs: Array<{ text: string; project: string }>) =>
      xs.filter((i) => i.project.startsWith('인권보호 거버넌스')).map((i) => i.text);
    const week = composeDigest(store, options('2021-12-01'));
    expect(of(week.overdue)).toEqual([]);
    // In its last month a 하반기 item is due this month, in a week's digest too.
    expect(of(week.due)).toEqual(items.map((t) => `${t} — 2021. 하반기 (기한 12. 31.)`));
    const month = composeDigest(store, options('2021-12-01', { days: 31 }));
    expect(of(month.due)).toEqual(items.map((t) => `${t} — 2021. 하반기 (기한 12. 31.)`));
    const january = composeDigest(store, options('2022-01-03'));
    expect(of(january.overdue)).toEqual(items.map((t) => `${t} — 2021. 하반기 (기한 12. 31., 3일 지남, 이후 보고 없음)`));
    // Items the document itself reports on (dated before its as-of date) are its history, never overdue.
    expect(week.overdue.map((i) => i.text).join('\n')).not.toContain('조례 공포');
    expect(week.overdue.map((i) => i.text)).toContain(
      '2021년 협치 정책 마켓 추진 — 2021. 10. (기한 10. 31., 31일 지남, 이후 보고 없음)',
    );
  });

  it('a department filter keeps only that department', () => {
    const d = composeDigest(store, options('2021-12-01', { scope: '인권담당관', days: 31 }));
    const all = [...d.due, ...d.overdue, ...d.behind];
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all.map((i) => i.unit))).toEqual(new Set(['수원시 인권담당관']));
    const team = composeDigest(store, options('2021-04-01', { scope: '정책팀' }));
    expect(new Set([...team.due, ...team.behind].map((i) => i.unit))).toEqual(new Set(['수원시 정책기획과']));
    expect(composeDigest(store, options('2021-04-01', { scope: '없는과' })).scopeFound).toBe(false);
  });

  it('flags documents whose figures are older than the configured age, counting their open past items', () => {
    const d = composeDigest(store, options('2021-04-01'));
    expect(d.stale.map((s) => [s.document, s.asOf])).toEqual([
      ['yeongdeungpo-audit-annual-report.txt', '2015-10-31'],
      ['incheon-innovation-2019-work-plan.txt', '2018-12'],
    ]);
    // Their old plan items are counted, not listed as this week's overdue work.
    expect(d.overdue.filter((i) => i.source.startsWith('incheon'))).toEqual([]);
    expect(composeDigest(store, options('2021-04-01', { staleDays: 10_000 })).stale).toEqual([]);
  });

  it('says "이번 주 특이사항 없음" when nothing needs attention', () => {
    const d = composeDigest(store, options('2015-11-20', { scope: '계약심사팀' }));
    const text = renderText(digestReply(d));
    expect(text).toContain(NOTHING_THIS_WEEK);
    expect(text).toContain('다가오는 일정 0건 · 기한 지남 0건');
  });
});

describe('what changed since the previous digest', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0));

  it('a re-ingested copy with 진도율 80 → 85 and a new milestone reports exactly those changes', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir, HUMAN_RIGHTS);
    copyFileSync(join(SAMPLES, HUMAN_RIGHTS), file);
    const store = ProjectStore.open(join(dir, 'changes.db'));
    expect(ingestFile(store, file).outcome).toBe('new');
    const previousDigest = new Date();
    const original = readFileSync(file, 'utf8');
    const edited = original
      .replace('약속\t-\t-\t80\t2022. 12.', '약속\t-\t-\t85\t2022. 12.')
      .replace(
        '- 외부 협의체 간담회 및 이행방안 논의 2021. 하반기\n',
        '- 외부 협의체 간담회 및 이행방안 논의 2021. 하반기\n- 인권보호 거버넌스 성과 공유회 개최 2021. 11.\n',
      );
    expect(edited).not.toBe(original);
    writeFileSync(file, edited);
    expect(ingestFile(store, file).outcome).toBe('updated');
    const d = composeDigest(store, options('2021-04-01', { since: previousDigest, until: new Date(Date.now() + 1000) }));
    expect(d.changes.map((c) => c.text)).toEqual(['진도율 80% → 85%', '새 일정: 인권보호 거버넌스 성과 공유회 개최 — 2021. 11.']);
    expect(d.changes[0]!.source).toMatch(/^suwon-policy-sheet-3-8-76-human-rights-governance\.txt · .*8행/);
    // Before the edit the same window saw only the first reading.
    const first = composeDigest(store, options('2021-04-01', { since: new Date(0), until: previousDigest }));
    expect(first.changes.map((c) => c.text)).toEqual(['새 문서 (policy-sheet, 사업 1건)']);
    store.close();
  });
});
