import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { joinSpacedLetters, normalizeLine, normalizeText } from '../../src/ingest/normalize.js';

const report = readFileSync('data/samples/yeongdeungpo-audit-annual-report.txt', 'utf8');

describe('normalizeText', () => {
  it('keeps one output line per input line, so line numbers stay those of the file', () => {
    const raw = report.split('\n');
    expect(normalizeText(report)).toHaveLength(raw.length);
  });

  it('drops PDF-doubled headings and keeps the clean copy that follows them', () => {
    const lines = normalizeText(report);
    expect(lines[0]!.trim()).toBe('1. 일반현황');
    expect(lines[98]!.trim()).toBe('2. 주요업무 추진실적');
  });

  it('joins letters spaced apart and splits the names an org chart ran together', () => {
    const lines = normalizeText(report);
    expect(lines[6]).toBe('감사팀 조사팀 민원관리팀 계약심사팀 순찰팀 인권팀 현장행정지원팀');
    expect(lines[67]!.startsWith('정원 27')).toBe(true);
    expect(normalizeLine('예 산 액 집 행 액 집행율(%)')).toBe('예산액 집행액 집행율(%)');
  });

  it('leaves ordinary words and sentences alone', () => {
    expect(joinSpacedLetters('○ 직원 청렴방송 : 주2회 화 목 실시')).toBe('○ 직원 청렴방송 : 주2회 화 목 실시');
    expect(joinSpacedLetters('전 부서 및 각 기관')).toBe('전 부서 및 각 기관');
    expect(normalizeLine('○ 대 상 : 전 부서')).toBe('○ 대상 : 전 부서');
  });

  it('blanks page numbers and stray jamo lines but keeps ㅇ bullets with text', () => {
    expect(normalizeLine('- 9 -')).toBe('');
    expect(normalizeLine('-  235  -')).toBe('');
    expect(normalizeLine('ㅇㅇ')).toBe('');
    expect(normalizeLine(' ㅇ 사업기간: 2026~2027(2년간)')).toBe(' ㅇ 사업기간: 2026~2027(2년간)');
  });

  it('strips HTML list markup inside table cells but keeps bracketed document text', () => {
    const cell = '<ul style="list-style-type: none"> <li>• 협치 기본계획 수립</li> </ul>\t<p>x</p>';
    expect(normalizeLine(cell)).toBe(' • 협치 기본계획 수립\tx');
    expect(normalizeLine('○ 계약심사 추진실적 <단위 : 백만원>')).toBe('○ 계약심사 추진실적 <단위 : 백만원>');
    expect(normalizeLine('A&amp;B<br>C')).toBe('A&B C');
  });

  it('strips markdown headings and bold, maps full-width forms, keeps compatibility jamo', () => {
    expect(normalizeLine('## 1. 사업개요')).toBe('1. 사업개요');
    expect(normalizeLine('**5. 사업변경내역 : 해당없음**')).toBe('5. 사업변경내역 : 해당없음');
    expect(normalizeLine('２０２１．１２．')).toBe('2021.12.');
    expect(normalizeLine('ㅎㅊ 검색')).toBe('ㅎㅊ 검색');
  });

  it('collapses labels tripled by extraction and handles CRLF', () => {
    expect(normalizeText('부서부서부서\r\n서울혁신기획관\r\n예산예산예산\n"120,000,000"')).toEqual([
      '부서',
      '서울혁신기획관',
      '예산',
      '"120,000,000"',
    ]);
  });
});
