import { describe, expect, it } from 'vitest';
import { fields, list, reply, table, text } from '../../src/core/reply.js';
import { defuse } from '../../src/render/safe.js';
import { renderText, TEXT_LIMITS } from '../../src/render/text.js';

describe('renderText', () => {
  it('renders title, fields, tables, lists, source and follow-ups in that order', () => {
    const out = renderText(
      reply(
        'answer',
        '협치시정 활성화 — 예산',
        [
          fields([
            { label: '기관·부서', value: '수원시 정책기획과' },
            { label: '비고', value: null },
          ]),
          table(['구분', '예산(확보)', '집행'], [['2019년', '31백만원', '15백만원']]),
          list(['a', 'b'], '목록'),
          text('끝'),
        ],
        {
          sources: ['suwon.txt · 2. 예산 · 21–27행'],
          suggestions: ['현황 협치'],
        },
      ),
    );
    expect(out).toBe(
      [
        '협치시정 활성화 — 예산',
        '- 기관·부서: 수원시 정책기획과',
        '  구분 | 예산(확보) | 집행',
        '  2019년 | 31백만원 | 15백만원',
        '[목록]',
        '  • a',
        '  • b',
        '끝',
        '출처: suwon.txt · 2. 예산 · 21–27행',
        '더 물어보기: "현황 협치"',
      ].join('\n'),
    );
  });

  it('cuts long lists and says how many more there are', () => {
    const items = Array.from({ length: 40 }, (_, i) => `항목 ${i}`);
    const out = renderText(reply('answer', 't', [list(items)]));
    expect(out).toContain(`… 외 ${40 - TEXT_LIMITS.listItems}건`);
    expect(out).not.toContain('항목 39');
  });

  it('never lets document text mention everyone, a channel or a user', () => {
    const out = renderText(
      reply('answer', '@everyone 공지', [text('<!channel> <@U123> <#C1> @here <script>x</script>')]),
    );
    expect(out).not.toMatch(/@everyone|@here|<!channel>|<@U123>|<#C1>|<script/);
    // An e-mail is left as written (copyable); a word-initial @name and @everyone anywhere are defused.
    expect(defuse('이메일 motif77@seoul.go.kr')).toBe('이메일 motif77@seoul.go.kr');
    expect(defuse('@U123 a@everyone')).toBe('@\u2060U123 a@\u2060everyone');
  });
});
