import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordNames } from '../../src/domain/project.js';
import { loadDocument, parseDocument } from '../../src/ingest/parse.js';
import { NAMING_FIELDS, PROJECT_NAME_FIELDS } from '../../src/search/fields.js';
import { answer, knowledgeOf, SAMPLES } from '../helpers.js';

const first = (file: string) => parseDocument(loadDocument(join(SAMPLES, file)).doc).records[0]!;

describe('naming fields: one list of what names a record', () => {
  it('a 정책실명제 sheet goes by its title, code, department, city and 사업구분', () => {
    const names = recordNames(first('suwon-policy-sheet-3-8-76-human-rights-governance.txt'));
    expect(names).toEqual(expect.arrayContaining(['인권보호 거버넌스 구축 및 인권조직 위상 강화', '3-8-76', '인권담당관', '수원시', '약속']));
    // The people are named by their own field, not as the record's names.
    expect(names).not.toContain('박동일');
  });

  it('a department record also goes by its teams', () => {
    const names = recordNames(first('yeongdeungpo-audit-annual-report.txt'));
    expect(names).toEqual(expect.arrayContaining(['감사담당관', '영등포구', '감사팀', '순찰팀', '현장행정지원팀']));
  });

  it('the index names the same things: project names, then who runs it; never the body or milestones', () => {
    expect(NAMING_FIELDS).toEqual(expect.arrayContaining([...PROJECT_NAME_FIELDS, 'organization', 'department', 'teams', 'people']));
    expect(NAMING_FIELDS).not.toContain('body');
    expect(NAMING_FIELDS).not.toContain('milestones');
    expect(PROJECT_NAME_FIELDS).not.toContain('people');
  });

  it('a question word that only names the record is no detail: "인권담당관 3-8-76" is the card, not a quote', () => {
    const { store, knowledge } = knowledgeOf([join(SAMPLES, 'suwon-policy-sheet-3-8-76-human-rights-governance.txt')]);
    try {
      const reply = answer('사업 3-8-76 인권담당관', knowledge);
      expect(reply.kind).toBe('answer');
      expect(reply.title).not.toMatch(/문서에서 찾은 내용/);
      expect(reply.blocks.some((b) => b.type === 'list' && b.caption === '문서 내용')).toBe(false);
      expect(reply.blocks[0]).toMatchObject({ type: 'fields' });
    } finally {
      store.close();
    }
  });
});
