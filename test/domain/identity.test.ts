import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectIdentity } from '../../src/domain/identity.js';
import { loadDocument, parseDocument } from '../../src/ingest/parse.js';
import { answer, knowledgeOf, SAMPLES } from '../helpers.js';

const REPORT = join(SAMPLES, 'yeongdeungpo-audit-annual-report.txt');

describe('project identity', () => {
  const records = parseDocument(loadDocument(REPORT).doc).records;

  it('joins a 2015 실적 and the 2016 계획 of one project, and nothing else', () => {
    const of = (title: string) => records.filter((r) => projectIdentity(r) === projectIdentity(records.find((x) => x.title === title)!));
    expect(of('구정 청렴도 향상').map((r) => [r.year, r.phase])).toEqual([
      [2015, 'report'],
      [2016, 'plan'],
    ]);
    expect(projectIdentity(records.find((r) => r.title === '구정 청렴도 향상')!)).toBe('영등포구|감사담당관|구정청렴도향상');
    // A renamed 2016 plan ("…순찰강화") is another project as far as the documents say.
    expect(of('현장중심의 생활순찰 운영').map((r) => r.year)).toEqual([2015]);
  });

  it('a code wins over the title: the same code is one project whatever its title says', () => {
    const sheet = parseDocument(loadDocument(join(SAMPLES, 'suwon-policy-sheet-3-8-76-human-rights-governance.txt')).doc).records[0]!;
    expect(projectIdentity(sheet)).toBe('수원시|인권담당관|3-8-76');
    expect(projectIdentity({ ...sheet, title: '다른 제목' })).toBe(projectIdentity(sheet));
  });

  it('is what the budget answer lists as the years of one project', () => {
    const { store, knowledge } = knowledgeOf([REPORT]);
    try {
      const reply = answer('구정 청렴도 향상 예산', knowledge);
      const captions = reply.blocks.flatMap((b) => (b.type === 'table' ? [b.caption] : []));
      expect(captions).toEqual(['2015년 실적', '2016년 계획']);
    } finally {
      store.close();
    }
  });
});
