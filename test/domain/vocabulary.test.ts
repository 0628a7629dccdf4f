import { describe, expect, it } from 'vitest';
import { compact, FILLER_WORDS, stateOf, stripParticles, withoutParticle } from '../../src/domain/vocabulary.js';

describe('the Korean vocabulary', () => {
  it('closes up letters documents space freely (the annual report\'s budget header, the policy sheet\'s rows)', () => {
    expect(compact('예 산 액')).toBe('예산액');
    expect(compact('집 행 액')).toBe('집행액');
    expect(compact('시 비')).toBe('시비');
    expect(compact('구 분\t소요예산 (a~g합계)')).toBe('구분소요예산(a~g합계)');
  });

  it('maps every state word the families read to one normalised state', () => {
    const cases: Array<[string, string]> = [
      ['추진중', 'in_progress'],
      ['정상추진', 'in_progress'],
      ['계속추진', 'in_progress'],
      ['완료', 'completed'],
      ['추진완료', 'completed'],
      ['완료지속추진', 'completed_ongoing'],
      ['이행 후 계속추진', 'completed_ongoing'],
      ['완료후계속추진', 'completed_ongoing'],
      ['일부추진', 'partial'],
      ['일부완료', 'partial'],
      ['보류', 'delayed'],
      ['지연', 'delayed'],
      ['중단', 'delayed'],
      ['예정', 'planned'],
      ['완료 예정', 'planned'],
      ['기타(시기미도래)', 'planned'],
      ['미착수', 'planned'],
      ['기타', 'unknown'],
    ];
    expect(cases.map(([w]) => [w, stateOf(w)])).toEqual(cases);
  });

  it('strips particles in layers, and keeps the endings of unit names on when asked', () => {
    expect(stripParticles('협치는요')).toEqual(['협치는', '협치']);
    expect(stripParticles('인천에서의')).toEqual(['인천']);
    expect(stripParticles('정책기획과')).toEqual(['정책기획']);
    expect(stripParticles('정책기획과', { nameSafe: true })).toEqual([]);
    expect(withoutParticle('전월세팀장이')).toEqual(['전월세팀장이', '전월세팀장']);
    expect(withoutParticle('감사팀')).toEqual(['감사팀']);
    expect(withoutParticle('예산은')).toEqual(['예산은', '예산']);
  });

  it('knows chat filler from the router and the search in one list', () => {
    for (const w of ['알려줘', '좀', '누구야', '관련', '어때']) expect(FILLER_WORDS.has(w)).toBe(true);
    expect(FILLER_WORDS.has('협치')).toBe(false);
  });
});
