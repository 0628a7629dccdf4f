import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectRecord } from '../../../src/domain/project.js';
import { stateOf } from '../../../src/domain/vocabulary.js';
import { promiseTableFamily } from '../../../src/ingest/families/promise-table.js';
import { loadDocument, parseDocument } from '../../../src/ingest/parse.js';
import { CORPUS, parseText, realDocuments } from '../../helpers.js';

const FILE = join(CORPUS, 'boryeong-promises-2021-12-31.txt');

function byCode(records: ProjectRecord[], code: string): ProjectRecord {
  const found = records.filter((r) => r.code === code);
  expect(found, code).toHaveLength(1);
  return found[0]!;
}


describe('promise-table family: 보령시 분야별 공약 세부현황 (2021. 12. 31. 기준)', () => {
  const result = parseDocument(loadDocument(FILE).doc);
  const { records } = result;

  it('is detected from its header row and numbered rows, and reads every promise without warnings', () => {
    expect(result.family).toBe('promise-table');
    expect(result.organization).toBe('보령시');
    expect(records).toHaveLength(65);
    expect(result.warnings).toEqual([]);
    expect(new Set(records.map((r) => r.key)).size).toBe(65);
  });

  it('reads 1-1 우량기업 유치: 88 %, 추진중, 지역경제과, as of 2021-12-31', () => {
    const r = byCode(records, '1-1');
    expect(r).toMatchObject({
      kind: 'project',
      key: '보령시/공약/2021-12-31/1-1',
      organization: '보령시',
      title: '우량기업 유치',
      aliases: ['Ⅰ-1'],
      department: '지역경제과',
      teams: [],
      category: '풍요로운 미래를 선도하는 활력 있는 경제도시',
      year: 2021,
      phase: 'report',
    });
    expect(r.status).toMatchObject({
      progressPct: 88,
      state: 'in_progress',
      stateWritten: '추진중',
      asOf: '2021-12-31',
    });
    expect(r.src).toEqual({ section: '풍요로운 미래를 선도하는 활력 있는 경제도시', lines: [6, 6] });
    expect(r.headings).toEqual(['분야별 공약 세부현황', '풍요로운 미래를 선도하는 활력 있는 경제도시']);
  });

  it('numbers rows within their 분야: 2-1 is the 머드박람회 under Ⅱ', () => {
    const r = byCode(records, '2-1');
    expect(r.title).toBe('2022보령해양머드박람회 성공 개최');
    expect(r.aliases).toEqual(['Ⅱ-1']);
    expect(r.department).toBe('박람회기획단');
    expect(r.status).toMatchObject({ progressPct: 75, state: 'in_progress', stateWritten: '추진중' });
    expect(r.category).toBe('역사와 문화가 살아 숨 쉬는 세계적인 문화ㆍ관광도시');
    expect(byCode(records, '7-6')).toMatchObject({
      title: '대학생 학자금 대출이자 전액 지원',
      department: '교육체육과',
    });
  });

  it('keeps the department as written and the unit in parentheses as its team', () => {
    const r = byCode(records, '3-6');
    expect(r.title).toBe('치매안심센터ㆍ치매병원 운영');
    expect(r.department).toBe('보건소(건강증진과)');
    expect(r.teams).toEqual(['건강증진과']);
    expect(r.status).toMatchObject({ progressPct: 100, state: 'completed', stateWritten: '완료' });
    expect(byCode(records, '4-2').teams).toEqual(['친환경기술과']);
  });

  it('agrees with the 계 row: 38 완료, 27 추진중, 7 분야; the 계 row is no project', () => {
    expect(records.filter((r) => r.status?.state === 'completed')).toHaveLength(38);
    expect(records.filter((r) => r.status?.state === 'in_progress')).toHaveLength(27);
    expect(new Set(records.map((r) => r.category)).size).toBe(7);
    expect(records.some((r) => r.title.includes('65건') || r.title === '계')).toBe(false);
    expect(records.filter((r) => r.code?.startsWith('1-'))).toHaveLength(11);
    expect(records.filter((r) => r.code?.startsWith('7-'))).toHaveLength(6);
  });

  it('turns the footnote "조직개편에 따라 주관 부서 변경 [2-3] …" into a change on those six promises', () => {
    const changed = records.filter((r) => r.changes.length > 0).map((r) => r.code);
    expect(changed).toEqual(['2-3', '2-5', '2-6', '3-1', '3-2', '6-6']);
    expect(byCode(records, '6-6').changes).toEqual([
      { change: '주관 부서 변경', reason: '조직개편', when: '2021-07-01', src: { section: '주석', lines: [78, 79] } },
    ]);
  });

  it('does not claim the other documents', () => {
    const others = realDocuments().filter((p) => p !== FILE);
    expect(others).toHaveLength(16);
    for (const path of others) expect(promiseTableFamily.detect(loadDocument(path).doc), path).toBe(0);
  });
});

describe('promise-table family: structure, not the sample', () => {
  it('reads a two-row header in another column order with a 비고 column', () => {
    const text = [
      '민선8기 공약 이행현황 (2023. 6. 30. 현재)',
      '번호\t추진부서\t공약명\t추진율\t이행상황\t\t\t비고',
      '\t\t\t\t완료\t정상추진\t부진\t',
      'I. 일자리 경제',
      '1\t일자리정책과\t청년 창업공간 조성\t100\t○\t\t\t',
      '2\t투자유치과\t첨단산업단지 유치\t40\t\t\t○\t부지 협의',
      'II. 복지',
      '1\t복지정책과\t노인일자리 확대\t60\t\t○\t\t',
    ].join('\n');
    const result = parseText(text);
    expect(result.family).toBe('promise-table');
    expect(result.warnings).toEqual([]);
    expect(result.records.map((r) => [r.code, r.title, r.department, r.status?.progressPct, r.status?.state])).toEqual([
      ['1-1', '청년 창업공간 조성', '일자리정책과', 100, 'completed'],
      ['1-2', '첨단산업단지 유치', '투자유치과', 40, 'delayed'],
      ['2-1', '노인일자리 확대', '복지정책과', 60, 'in_progress'],
    ]);
    expect(result.records[0]!.status?.asOf).toBe('2023-06-30');
    expect(result.records[1]!.status?.stateWritten).toBe('부진');
    expect(result.records[0]!.headings).toEqual(['민선8기 공약 이행현황', '일자리 경제']);
  });

  it('reads a single state column that holds the words, and warns when the 계 count disagrees', () => {
    const text = [
      '구분\t공약사업명\t추진상황\t추진율(%)\t담당부서',
      '계\t3건',
      '1\t도서관 건립\t추진중\t50\t교육과',
      '2\t공원 조성\t시기미도래\t0\t공원과',
    ].join('\n');
    const result = parseText(text);
    expect(result.family).toBe('promise-table');
    expect(result.records.map((r) => [r.code, r.status?.stateWritten, r.status?.state])).toEqual([
      ['1', '추진중', 'in_progress'],
      ['2', '시기미도래', 'planned'],
    ]);
    expect(result.warnings.map((w) => w.message)).toEqual(['계 행은 3건이라 하나 2건을 읽었습니다']);
  });

  it('reads a table in spaced columns with blank lines around its header, a footnote under it', () => {
    // Read from the lines of the model's blocks: the header and rows stay paragraphs of the model (no tab to pin).
    const text = [
      '민선8기 공약 이행현황 (2023. 6. 30. 현재)',
      '',
      '번호    공약명                  추진율    이행상황    추진부서',
      '',
      'I. 일자리 경제',
      '1       청년 창업공간 조성      100       완료        일자리정책과',
      '2       첨단산업단지 유치       40        부진        투자유치과',
      '',
      '2023. 1. 1. 조직개편에 따라 주관 부서 변경 [1-2]',
    ].join('\n');
    const result = parseText(text);
    expect(result.family).toBe('promise-table');
    expect(result.warnings).toEqual([]);
    expect(result.records.map((r) => [r.code, r.title, r.department, r.status?.progressPct, r.status?.stateWritten, r.src.lines])).toEqual([
      ['1-1', '청년 창업공간 조성', '일자리정책과', 100, '완료', [6, 6]],
      ['1-2', '첨단산업단지 유치', '투자유치과', 40, '부진', [7, 7]],
    ]);
    expect(result.records[1]!.changes).toEqual([
      { change: '주관 부서 변경', reason: '조직개편', when: '2023-01-01', src: { section: '주석', lines: [9, 9] } },
    ]);
  });

  it('maps the written state words', () => {
    expect(stateOf('기타(시기미도래)')).toBe('planned');
    expect(stateOf('이행후 계속추진')).toBe('completed_ongoing');
    expect(stateOf('완료')).toBe('completed');
    expect(stateOf('추진중')).toBe('in_progress');
    expect(stateOf('기타')).toBe('unknown');
  });
});
