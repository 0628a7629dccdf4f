/** The audit's own checks, on replies built by hand: each rule must be able to fail. */
import { describe, expect, it } from 'vitest';
import { auditLine, figuresOf, namesOneRecord, readingToWon, staffingMeaning } from '../../scripts/lib/number-audit.js';

describe('number audit', () => {
  it('converts a 조/억/만 reading back to won', () => {
    expect(readingToWon('2조 3,456억 7,890만 1천원')).toBe(2_345_678_901_000n);
    expect(readingToWon('약 2조 3,457억원')).toBe(2_345_700_000_000n);
    expect(readingToWon('93억 2,200만원')).toBe(9_322_000_000n);
    expect(readingToWon('감소')).toBeNull();
  });

  it('accepts a pick-list item only when every identifier belongs to one record of that title', () => {
    const names = new Map([
      ['산후조리비용지원', [new Set(['보령시', '보건소(건강증진과)', '보령시보건소(건강증진과)', '5-8', '2021년실적'])]],
    ]);
    expect(namesOneRecord('  • 산후 조리비용 지원 (보령시 보건소(건강증진과), 2021년 실적, 5-8)', names)).toBe(true);
    // Another record's code or year is a wrong number, not a name.
    expect(namesOneRecord('  • 산후 조리비용 지원 (보령시 보건소(건강증진과), 2021년 실적, 5-9)', names)).toBe(false);
    expect(namesOneRecord('  • 산후 조리비용 지원 (보령시 보건소(건강증진과), 2022년 실적, 5-8)', names)).toBe(false);
    expect(namesOneRecord('  • 없는 사업 (보령시, 5-8)', names)).toBe(false);
  });

  it('reads the pair notation "정/현원 : A/B" as 정원 A and 현원 B, never 현원 A (인천 혁신담당관실, line 26)', () => {
    const cited = ['3 인력(정/현원) : 8/10명'];
    expect(staffingMeaning('계 정원 8명 (원문 8/10명)', cited)).toBeNull();
    expect(staffingMeaning('계 현원 10명 (원문 8/10명)', cited)).toBeNull();
    expect(staffingMeaning('현원 8명', cited)).toMatch(/현원 8 is not/);
  });

  it('finds a unit under names squeezed into one header cell, and the half of its pair cell (부산 사회복지국, lines 174–175)', () => {
    const cited = [
      '     구       분             계                복 지 정 책 과 장애인복지과 노 인 복 지 과',
      ' 정원/현원                    84/90                  37/39                 21/23                 26/28',
    ];
    expect(staffingMeaning('노인복지과 정원 26명', cited, '노인복지과')).toBeNull();
    expect(staffingMeaning('현원 28명', cited, '노인복지과')).toBeNull();
    expect(staffingMeaning('노인복지과 정원 21명', cited, '노인복지과')).toMatch(/정원 21 is not/);
  });

  it('reads a unit\'s row of pairs only where the cited lines say the pairs are 정원 first (부산 관광마이스국, lines 48–53)', () => {
    const row = '관 광 정 책 과 32 / 34        1 / 1      1 / 1     5 / 6      15 / 10   10 / 13     0 / 3';
    const cited = [' 인 력 : 정원 80명 / 현원 85명', row];
    expect(staffingMeaning('관광정책과 정원 32명 (원문 32/34)', cited, '관광정책과')).toBeNull();
    expect(staffingMeaning('관광정책과 현원 34명 (원문 32/34)', cited, '관광정책과')).toBeNull();
    expect(staffingMeaning('관광정책과 정원 34명', cited, '관광정책과')).toMatch(/정원 34 is not/);
    expect(staffingMeaning('관광정책과 정원 32명', [row], '관광정책과')).toMatch(/정원 32 is not/);
  });

  it('reads a full year from the two digits a cited line writes, and no other figure so', () => {
    const cited = ['(’25. 1. 1. 기준, 단위 : 백만원)', '세출 511,225 172,730'];
    const check = (line: string) => auditLine(line, figuresOf(cited), cited.join('\n'), '', null).bad;
    expect(check('구분 | 예산(확보) (2025년)')).toEqual([]);
    expect(check('구분 | 예산(확보) (2024년)')).toHaveLength(1);
    expect(check('세출 2025백만원')).toHaveLength(1);
  });

  it('takes an org chart\'s quoted notation as its figure\'s cell only where a cited line writes it', () => {
    const cited = ['주택정책과건축정책과도시정비과', '6팀(정원 29명) 5팀(정원 28명) 6팀(정원 30명)'];
    expect(staffingMeaning('도시정비과 정원: 30명 — 조직도 표기 「6팀(정원30명)」', cited, '도시정비과')).toBeNull();
    expect(staffingMeaning('도시정비과 정원: 31명 — 조직도 표기 「6팀(정원31명)」', cited, '도시정비과')).toMatch(/정원 31 is not/);
  });
});
