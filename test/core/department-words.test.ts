/** Which words of a question name a unit: what the budget and department commands look up. */
import { describe, expect, it } from 'vitest';
import { departmentWords } from '../../src/core/departments.js';

describe('unit words of a question', () => {
  it('takes a 부 of a 본부 as a unit, never 정부', () => {
    expect(departmentWords('공원관리부 세출')).toEqual(['공원관리부']);
    expect(departmentWords('중앙정부 지원 예산')).toEqual([]);
  });

  it('still takes 과, 담당관 and 본부', () => {
    expect(departmentWords('도시정비과 정원')).toEqual(['도시정비과']);
    expect(departmentWords('낙동강관리본부 예산')).toEqual(['낙동강관리본부']);
  });
});
