/** Reply → Discord embeds: snapshots per command over the real documents, and Discord's limits on the largest replies. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot.js';
import type { Inbound } from '../../src/core/inbound.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { list, type Reply, reply, table, text } from '../../src/core/reply.js';
import { fixedClock } from '../../src/domain/clock.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { DISCORD_LIMITS, type DiscordMessage, renderDiscord } from '../../src/render/discord.js';
import { ProjectStore } from '../../src/store/store.js';
import { realDocuments, tempDir } from '../helpers.js';

let ask: (command: string, query: string) => Promise<Reply>;

beforeAll(() => {
  const store = ProjectStore.open(join(tempDir(), 'render-discord.db'));
  ingestPaths(store, realDocuments());
  const knowledge = loadKnowledge(store, fixedClock('2021-06-01'));
  const bot = createBot({ knowledge: () => knowledge });
  const origin = { platform: 'test' as const, workspace: null, channel: null, user: null };
  const at = new Date('2021-06-01T09:00:00Z');
  ask = (command, query) => {
    const inbound: Inbound =
      command === 'ask' ? { kind: 'text', text: query, origin, at } : { kind: 'command', command, args: { query }, origin, at };
    return bot.handle(inbound);
  };
});

/** Every limit Discord enforces on one message. */
function expectWithinLimits(m: DiscordMessage): void {
  expect(m.embeds.length).toBeGreaterThan(0);
  expect(m.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
  expect(m.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  let total = 0;
  for (const e of m.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(e.fields.length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
    for (const f of e.fields) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
    total +=
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      e.fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  expect(m.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.rows);
  for (const row of m.components) {
    expect(row.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
    for (const b of row.components) expect(b.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
  }
  expect(m.allowed_mentions).toEqual({ parse: [] });
}

const feedback = (command: string) => ({ up: `damdang:fb:up:a:${command}:q`, down: `damdang:fb:down:a:${command}:q` });
const flat = (m: DiscordMessage) =>
  m.embeds.flatMap((e) => [e.title, e.description, ...e.fields.flatMap((f) => [f.name, f.value]), e.footer?.text]).join('\n');

describe('Discord embeds per command (snapshots over the real documents)', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['status', '협치', /협치시정 활성화 — 추진 현황[\s\S]*100%/],
    ['budget', '협치', /116백만원[\s\S]*2019년\n예산\(확보\) 31백만원 · 집행 15백만원/],
    ['milestones', '협치', /다가오는 일정[\s\S]*협치 백서 발간/],
    ['contact', '정책기획과장', /박사승 정책기획과장 \(정책기획과\) ☎ 2050/],
    ['owner', '협치', /협치시정 활성화 — 담당[\s\S]*정책기획과/],
    ['search', '인권', /인권보호 거버넌스 구축 및 인권조직 위상 강화/],
    ['help', '', /사용법/],
    ['ask', '순찰 행정 예산 얼마나 썼어?', /18,630천원[\s\S]*16,040천원/],
  ];
  for (const [command, query, expected] of cases) {
    it(`${command} ${query}`, async () => {
      const m = renderDiscord(await ask(command, query), { command, feedback: feedback(command) });
      expect(flat(m)).toMatch(expected);
      expectWithinLimits(m);
      expect(m).toMatchSnapshot();
    });
  }

  it('follow-up buttons name the same project and leave out the command just answered', async () => {
    const m = renderDiscord(await ask('status', '협치'), { command: 'status', feedback: feedback('status') });
    const buttons = m.components.flatMap((r) => r.components);
    expect(buttons.map((b) => b.label)).toEqual(['예산', '일정', '담당자', '👍', '👎']);
    expect(buttons.slice(0, 3).map((b) => b.custom_id)).toEqual([
      'damdang:ask:budget:협치시정 활성화',
      'damdang:ask:milestones:협치시정 활성화',
      'damdang:ask:owner:협치시정 활성화',
    ]);
  });

  it('a not-found answer gets no follow-ups, only feedback', async () => {
    const m = renderDiscord(await ask('budget', '김치찌개 레시피'), { command: 'budget', feedback: feedback('budget') });
    expect(m.components.flatMap((r) => r.components).map((b) => b.label)).toEqual(['👍', '👎']);
  });
});

describe('Discord limits on the largest replies', () => {
  it('the widest real answers (search over everything, department listings, long schedules) fit', async () => {
    for (const [command, query] of [
      ['search', '사업'],
      ['search', '추진'],
      ['ask', '감사담당관 조직'],
      ['milestones', '인권'],
      ['owner', '감사팀'],
      ['ask', '교통과 공약'],
    ] as const) {
      const r = await ask(command, query);
      expectWithinLimits(renderDiscord(r, { command, feedback: feedback(command) }));
    }
  });

  it('splits and shortens an oversized reply instead of failing, saying how much was left out', () => {
    const huge = reply('answer', `큰 답 ${'가'.repeat(400)}`, [
      text('첫 줄\n'.repeat(50) + '나'.repeat(5000)),
      { type: 'fields', fields: Array.from({ length: 60 }, (_, i) => ({ label: `항목 ${i}`, value: '값'.repeat(1500) })) },
      list(Array.from({ length: 300 }, (_, i) => `목록 ${i} ${'다'.repeat(200)}`), '긴 목록'),
      table(['연도', '예산', '집행'], Array.from({ length: 80 }, (_, i) => [`${2000 + i}년`, `${i}백만원`, `${i}백만원`])),
    ], { sources: Array.from({ length: 100 }, (_, i) => `문서-${i}.txt · 1–${i}행`), subject: '가'.repeat(300) });
    const m = renderDiscord(huge, { command: 'status', feedback: feedback('status') });
    expectWithinLimits(m);
    expect(m.embeds[0]!.title!.endsWith('…')).toBe(true);
    expect(flat(m)).toMatch(/개 항목은 길이 제한으로 생략했습니다/);
    expect(m.embeds.at(-1)!.footer!.text).toMatch(/^출처: 문서-0\.txt/);
  });

  it('document text can never mention anyone: defused, escaped, and allowed_mentions parse []', () => {
    const r = reply('answer', '@everyone 공지', [
      text('@here <@&123456789012345678> <#123456789012345678> <@123456789012345678> **굵게** ||가림||'),
      { type: 'fields', fields: [{ label: '@everyone', value: '<@!123456789012345678>' }] },
    ]);
    const m = renderDiscord(r);
    const all = JSON.stringify(m.embeds);
    expect(all).not.toMatch(/@everyone|@here|<@|<#/);
    expect(flat(m)).toContain('\\*\\*굵게\\*\\*');
    expect(flat(m)).toContain('\\|\\|가림\\|\\|');
    expect(m.allowed_mentions).toEqual({ parse: [] });
  });
});
