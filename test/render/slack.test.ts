import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { list, reply, table, text } from '../../src/core/reply.js';
import { fixedClock } from '../../src/domain/clock.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { ACTIONS, renderSlack, SLACK_LIMITS, type SlackMessage } from '../../src/render/slack.js';
import { ProjectStore } from '../../src/store/store.js';
import { answer, realDocuments, tempDir } from '../helpers.js';

const store = ProjectStore.open(join(tempDir(), 'render.db'));
ingestPaths(store, realDocuments());
const knowledge = loadKnowledge(store, fixedClock('2021-06-01'));

/** Every Slack limit the renderer promises, checked on a rendered message. */
function expectWithinLimits(m: SlackMessage): void {
  expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  let chars = m.text.length;
  for (const b of m.blocks) {
    if (b.type === 'section') {
      expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(b.fields?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.fields);
      for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
      chars += (b.text?.text.length ?? 0) + (b.fields ?? []).reduce((n, f) => n + f.text.length, 0);
    }
    if (b.type === 'actions') {
      expect(b.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.actions);
      for (const e of b.elements) {
        expect(e.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
        expect(e.value.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
      }
    }
    if (b.type === 'context') chars += b.elements.reduce((n, e) => n + e.text.length, 0);
  }
  expect(chars).toBeLessThan(12_000);
  expect(JSON.stringify(m).length).toBeLessThan(16_000);
}

// One message per command, with real documents behind it.
const PER_COMMAND: Array<[string, string]> = [
  ['project', '15-3-5'],
  ['status', '현황 3-8-76'],
  ['budget', '협치 예산'],
  ['milestones', '일정 협치'],
  ['contact', '박동일 내선번호'],
  ['owner', '감사팀이 맡은 사업'],
  ['department', '감사담당관 조직'],
  ['search', '찾기 인권'],
  ['help', 'help'],
  ['not found', '없는사업 예산'],
];

describe('Slack Block Kit rendering', () => {
  it.each(PER_COMMAND)('renders the %s reply (%s) as a stable, valid message', (_name, message) => {
    const r = answer(message, knowledge);
    const m = renderSlack(r, { question: message, share: true, feedback: true });
    expectWithinLimits(m);
    expect(m).toMatchSnapshot();
  });

  it('puts the source on every answer and the numbers from the document', () => {
    const m = renderSlack(answer('박동일 내선번호', knowledge));
    const shown = JSON.stringify(m.blocks);
    expect(shown).toContain('2580');
    expect(m.blocks.some((b) => b.type === 'context' && b.elements[0]!.text.startsWith('출처: suwon-policy-sheet-3-8-76'))).toBe(true);
  });

  it('never lets document text mention anyone: <!channel>, <@U123>, <#C1>, @here are shown, not acted on', () => {
    const hostile = reply('answer', '<!channel> 공지 @everyone', [
      text('담당: <@U123> 와 <#C0001|general> & <!here> <script>'),
      list(['<!subteam^S1> 팀', '@here 확인']),
      table(['이름', '비고'], [['<@U999>', 'a < b & c > d']]),
    ], { sources: ['<!channel>.txt · 1행'], suggestions: ['<@U1> 예산'] });
    const m = renderSlack(hostile, { question: '<!channel>', share: true, feedback: true });
    // Everything shown (button values are not shown: they come back to us as the question when clicked).
    const all = JSON.stringify(m, (k, v: unknown) => (k === 'value' ? undefined : v));
    expect(all).not.toMatch(/<[!@#]/);
    expect(all).not.toMatch(/@(everyone|here)\b/);
    expect(all).toContain('&amp; c &gt; d');
    expect(all).not.toContain('<script>');
  });

  it('keeps the largest replies within the limits: a department with 60 projects, a 5,000-character text', () => {
    const projects = Array.from({ length: 60 }, (_, i) => `${i + 1}. 주민참여 예산학교 운영 및 시민 협치 활성화 지원 사업 ${i + 1} (감사팀, 2021년 목표 100%)`);
    const big = reply('answer', '영등포구 감사담당관 — 사업 60건', [
      list(projects, '사업'),
      table(['사업', '예산', '집행', '집행률'], projects.map((p) => [p, '18,630천원', '16,040천원', '86.1%']), '예산'),
      text('가나다라마바사 '.repeat(625)),
      ...Array.from({ length: 70 }, (_, i) => text(`추진실적 ${i + 1}: ${'세부 내용 '.repeat(40)}`)),
    ], { sources: ['yeongdeungpo-audit-annual-report.txt · 조직 · 3–98행'], suggestions: ['예산 감사담당관'] });
    const m = renderSlack(big, { question: '감사담당관 조직', share: true, feedback: true });
    expectWithinLimits(m);
    const shown = JSON.stringify(m.blocks);
    expect(shown).toContain('… 외 30건');
    expect(shown).toContain('… 외 35행');
    expect(shown).toContain('줄였습니다');
    // The tail survives shortening: sources, follow-ups and feedback are still there.
    expect(shown).toContain('출처: yeongdeungpo-audit-annual-report.txt');
    expect(shown).toContain(ACTIONS.feedbackDown);
  });

  it('splits one long text at line breaks into sections of at most 3,000 characters, losing nothing', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${i + 1}행: 2021년 예산 1,234백만원 집행`);
    const m = renderSlack(reply('answer', '긴 답', [text(lines.join('\n'))]));
    expectWithinLimits(m);
    const body = m.blocks.slice(1).map((b) => (b.type === 'section' ? b.text!.text : '')).join('\n');
    expect(body.split('\n')).toEqual(lines);
  });

  it('offers share only when asked, and no feedback buttons on help or errors', () => {
    const help = renderSlack(answer('help', knowledge), { question: 'help', share: true, feedback: true });
    expect(JSON.stringify(help.blocks)).not.toContain(ACTIONS.feedbackUp);
    const noShare = renderSlack(answer('박동일 내선번호', knowledge), { question: '박동일 내선번호', feedback: true });
    expect(JSON.stringify(noShare.blocks)).not.toContain(ACTIONS.share);
  });
});
