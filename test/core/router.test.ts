import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { defineCommand, QueryArgs } from '../../src/core/command.js';
import { createRouter } from '../../src/core/dispatch.js';
import { intentVocabulary, parseIntent } from '../../src/core/intent.js';
import { reply } from '../../src/core/reply.js';
import { renderText } from '../../src/render/text.js';
import { CORPUS, knowledgeOf, SAMPLES } from '../helpers.js';

const { store, knowledge } = knowledgeOf([SAMPLES, CORPUS]);
afterAll(() => store.close());
const router = createRouter(COMMANDS);
const vocabulary = intentVocabulary(COMMANDS);
const routed = (q: string) => parseIntent(q, vocabulary).command;

describe('the command registry', () => {
  it('gives every name and alias to exactly one command', () => {
    const words = COMMANDS.flatMap((c) => [c.name, ...c.aliases.ko, ...c.aliases.en].map((w) => w.toLowerCase()));
    const repeated = words.filter((w, i) => words.indexOf(w) !== i);
    expect(repeated).toEqual([]);
  });

  it('lists leading-only words among the aliases', () => {
    for (const c of COMMANDS) for (const w of c.aliases.leadingOnly ?? []) expect(c.aliases.ko).toContain(w);
  });
});

describe('routing from the registry', () => {
  it('routes every command name and alias in front of a message to its command', () => {
    for (const c of COMMANDS) {
      for (const w of [c.name, ...c.aliases.ko, ...c.aliases.en]) {
        expect({ w, command: routed(`${w} 협치`) }).toEqual({ w, command: c.name });
      }
    }
  });

  it('answers "milestones 협치" with the schedule and "사업 협치" with the project card', () => {
    expect(router.answer('milestones 협치', knowledge).title).toBe('협치시정 활성화 — 일정 (오늘 2021-06-01 기준)');
    const card = renderText(router.answer('사업 협치', knowledge));
    expect(card).toMatch(/^협치시정 활성화\n/);
    expect(card).toContain('소요 116백만원');
  });

  it('picks the stronger command when a message holds words of two', () => {
    expect(routed('협치 담당자 전화번호')).toBe('contact');
    expect(routed('협치 예산 일정')).toBe('budget');
  });

  it('keeps a leading-only word as a search word inside a question', () => {
    const intent = parseIntent('도서관 짓는 사업', vocabulary);
    expect(intent).toEqual({ command: null, query: '도서관 짓는 사업', explicit: false });
  });

  it('routes a newly registered command with its aliases without touching the router', () => {
    const digest = defineCommand({
      name: 'digest',
      aliases: { ko: ['요약', '주간요약'], en: [] },
      description: '주간 요약',
      args: QueryArgs,
      examples: ['요약'],
      run: ({ query }) => reply('answer', `요약: ${query}`),
    });
    const withDigest = createRouter([...COMMANDS, digest]);
    expect(withDigest.answer('주간요약 감사팀', knowledge).title).toBe('요약: 감사팀');
    expect(withDigest.answer('감사팀 요약', knowledge).title).toBe('요약: 감사팀');
    expect(withDigest.command('요약')).toBe(digest);
  });

  it('hands the people lookup it routed with to the command instead of searching again', () => {
    const r = router.answer('정책기획과장', knowledge);
    expect(r.title).toBe('"정책기획과장" 연락처');
    expect(renderText(r)).toContain('2050');
  });

  it('refuses a registry without the command plain questions go to', () => {
    expect(() => createRouter(COMMANDS.filter((c) => c.name !== 'project'))).toThrow(/project/);
  });
});
