/**
 * The `/damdang` slash command: one subcommand per answer kind, each with an autocompleted `query` and an
 * `ephemeral` switch. The payload is built with discord.js's SlashCommandBuilder (which rejects names and
 * lengths Discord would refuse) and checked again by `validateRegistration`, which states Discord's rules
 * itself so a dry run can show what is wrong in words.
 */
import { type RESTPostAPIChatInputApplicationCommandsJSONBody, SlashCommandBuilder } from 'discord.js';

export interface SubcommandSpec {
  name: string;
  ko: string;
  description: string;
  descriptionKo: string;
  /** Whether the answer is private by default (contact details are). */
  ephemeral: boolean;
  queryRequired: boolean;
}

export const COMMAND_NAME = 'damdang';
export const QUERY_OPTION = 'query';
export const EPHEMERAL_OPTION = 'ephemeral';

export const SUBCOMMANDS: readonly SubcommandSpec[] = [
  sub('status', '현황', 'Progress and state of a project', '사업의 추진 현황과 진행 단계'),
  sub('budget', '예산', 'Budget and execution per year', '연도별 예산·집행·집행률'),
  sub('milestones', '일정', 'Upcoming and overdue milestones', '다가오는 일정과 지난 일정'),
  { ...sub('contact', '연락처', 'People, positions and extensions', '담당자·직위·내선번호'), ephemeral: true },
  sub('owner', '담당자', 'Who owns a project', '사업을 맡은 부서와 담당자'),
  sub('search', '찾기', 'Ranked search over all documents', '관련 사업을 순위대로 검색'),
  { ...sub('digest', '요약', 'Weekly digest of a project or unit', '사업·부서의 주간 요약'), queryRequired: false },
  { ...sub('help', '도움말', 'What damdang can answer', '쓸 수 있는 명령과 예시'), queryRequired: false },
  sub('ask', '질문', 'Ask anything in your own words', '자유롭게 질문하기'),
];

function sub(name: string, ko: string, description: string, descriptionKo: string): SubcommandSpec {
  return { name, ko, description, descriptionKo, ephemeral: false, queryRequired: true };
}

export function subcommandSpec(name: string): SubcommandSpec | undefined {
  return SUBCOMMANDS.find((s) => s.name === name);
}

export function registrationPayload(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const command = new SlashCommandBuilder()
    .setName(COMMAND_NAME)
    .setNameLocalizations({ ko: '담당' })
    .setDescription('Answers from your office documents: budget, status, milestones, people')
    .setDescriptionLocalizations({ ko: '기관 문서로 답합니다: 예산, 현황, 일정, 담당자' });
  for (const s of SUBCOMMANDS) {
    command.addSubcommand((sc) =>
      sc
        .setName(s.name)
        .setNameLocalizations({ ko: s.ko })
        .setDescription(s.description)
        .setDescriptionLocalizations({ ko: s.descriptionKo })
        .addStringOption((o) =>
          o
            .setName(QUERY_OPTION)
            .setNameLocalizations({ ko: '검색어' })
            .setDescription(s.name === 'ask' ? 'Your question' : 'Project, person or department')
            .setDescriptionLocalizations({ ko: s.name === 'ask' ? '질문 내용' : '사업, 사람 또는 부서 이름' })
            .setRequired(s.queryRequired)
            .setMaxLength(200)
            .setAutocomplete(s.name !== 'ask'),
        )
        .addBooleanOption((o) =>
          o
            .setName(EPHEMERAL_OPTION)
            .setNameLocalizations({ ko: '나만보기' })
            .setDescription(`Only you see the answer (default ${s.ephemeral ? 'on' : 'off'})`)
            .setDescriptionLocalizations({ ko: `답을 나만 봅니다 (기본 ${s.ephemeral ? '켜짐' : '꺼짐'})` }),
        ),
    );
  }
  return [command.toJSON()];
}

/** Discord's rules for application commands (https://discord.com/developers/docs/interactions/application-commands). */
export const COMMAND_RULES = {
  name: /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u,
  description: 100,
  options: 25,
  choices: 25,
  /** Name, description and every option's name, description and choices of one command together. */
  totalChars: 4000,
} as const;

interface OptionLike {
  name: string;
  description: string;
  name_localizations?: Record<string, string | null> | null | undefined;
  description_localizations?: Record<string, string | null> | null | undefined;
  options?: OptionLike[] | undefined;
  choices?: unknown[] | undefined;
  required?: boolean | undefined;
}

/** Every rule the payload breaks, as readable lines naming the command path; empty when valid. */
export function validateRegistration(payload: readonly OptionLike[]): string[] {
  const problems: string[] = [];
  const check = (o: OptionLike, path: string, siblings: OptionLike[]): void => {
    const names = [o.name, ...Object.values(o.name_localizations ?? {})].filter((x): x is string => !!x);
    for (const n of names) {
      if (!COMMAND_RULES.name.test(n)) problems.push(`${path}: 이름 "${n}"은 1–32자의 글자·숫자·-_여야 합니다`);
      if (n !== n.toLowerCase()) problems.push(`${path}: 이름 "${n}"은 소문자여야 합니다`);
    }
    if (!o.name_localizations?.ko) problems.push(`${path}: 한국어 이름(name_localizations.ko)이 없습니다`);
    for (const d of [o.description, ...Object.values(o.description_localizations ?? {})].filter((x) => x !== null)) {
      if (!d || d.length > COMMAND_RULES.description)
        problems.push(`${path}: 설명은 1–${COMMAND_RULES.description}자여야 합니다 ("${d ?? ''}")`);
    }
    if (!o.description_localizations?.ko) problems.push(`${path}: 한국어 설명(description_localizations.ko)이 없습니다`);
    if (siblings.filter((s) => s.name === o.name).length > 1) problems.push(`${path}: 이름이 겹칩니다`);
    if ((o.options?.length ?? 0) > COMMAND_RULES.options)
      problems.push(`${path}: 옵션은 ${COMMAND_RULES.options}개까지입니다 (${o.options!.length}개)`);
    if ((o.choices?.length ?? 0) > COMMAND_RULES.choices)
      problems.push(`${path}: 선택지는 ${COMMAND_RULES.choices}개까지입니다 (${o.choices!.length}개)`);
    const opts = o.options ?? [];
    const firstOptional = opts.findIndex((x) => !x.required);
    if (firstOptional >= 0 && opts.slice(firstOptional).some((x) => x.required))
      problems.push(`${path}: 필수 옵션은 선택 옵션보다 앞에 있어야 합니다`);
    for (const child of opts) check(child, `${path} ${child.name}`, opts);
  };
  for (const c of payload) {
    check(c, `/${c.name}`, [...payload]);
    const total = chars(c);
    if (total > COMMAND_RULES.totalChars)
      problems.push(`/${c.name}: 이름·설명·옵션을 합쳐 ${COMMAND_RULES.totalChars}자까지입니다 (${total}자)`);
  }
  return problems;
}

/** Discord counts the default-locale text only toward the 4,000 limit; localizations count per locale, so the larger. */
function chars(o: OptionLike): number {
  const own = (loc: 'default' | 'ko') =>
    (loc === 'ko' ? (o.name_localizations?.ko ?? o.name) : o.name).length +
    (loc === 'ko' ? (o.description_localizations?.ko ?? o.description) : o.description).length;
  return Math.max(own('default'), own('ko')) + (o.options ?? []).reduce((n, x) => n + chars(x), 0);
}
