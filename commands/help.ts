import { defineCommand, QueryArgs } from '../src/core/command.js';
import { list, reply, text } from '../src/core/reply.js';

/** Filled in by the registry, so help is generated from the commands themselves. */
export const helpEntries: Array<{ name: string; ko: string; description: string; example: string }> = [];

export const helpCommand = defineCommand({
  name: 'help',
  aliases: { ko: ['도움말', '사용법', '명령어'], en: ['usage'] },
  precedence: 0,
  description: '쓸 수 있는 명령과 예시',
  args: QueryArgs,
  examples: ['도움말', 'help'],
  run() {
    return reply(
      'help',
      '담당(damdang) 사용법 — 사업 이름 일부나 사람 이름을 자연스럽게 물어보세요.',
      [
        list(helpEntries.map((e) => `${e.ko} (${e.name}) — ${e.description}. 예: "${e.example}"`)),
        text('명령어 없이 물어도 됩니다: "순찰 행정 예산 얼마나 썼어?", "전월세팀장이 누구지?", "15-3-5"'),
      ],
      { suggestions: ['찾기 인권', '정책기획과장 전화번호'] },
    );
  },
});
