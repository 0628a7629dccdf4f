/**
 * The project store's records. The zod schema is the type: parsers build these, the store validates them
 * before writing, and commands read them. Every fact carries `src` (section and line span).
 */
import { z } from 'zod';
import { MoneySchema } from './money.js';
import { SourceSchema } from './provenance.js';
import { DepartmentOverviewSchema } from './table.js';

export const DatePrecisionSchema = z.enum(['day', 'month', 'quarter', 'half', 'year', 'ongoing']);

export const ResolvedDateSchema = z.object({
  written: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  precision: DatePrecisionSchema,
});

/** 추진중/완료/정상추진/일부추진/이행 후 계속추진 … normalised; `written` keeps the document's words. */
export const StateSchema = z.enum([
  'planned',
  'in_progress',
  'completed',
  'completed_ongoing',
  'partial',
  'delayed',
  'unknown',
]);
export type State = z.infer<typeof StateSchema>;

export const StatusSchema = z.object({
  progressPct: z.number().min(0).max(100).nullable(),
  stateWritten: z.string().nullable(),
  state: StateSchema.nullable(),
  /** "2022. 12." resolved to YYYY-MM. */
  targetMonth: z.string().nullable(),
  targetWritten: z.string().nullable(),
  period: ResolvedDateSchema.nullable(),
  /** The date the figures are as of (YYYY-MM-DD or YYYY-MM), when the document says it. */
  asOf: z.string().nullable(),
  /** The status row or field (state, progress, target). */
  src: SourceSchema,
  /** Where the as-of date and the period are written when not on the status line: an answer cites them too. */
  asOfSrc: SourceSchema.nullable().optional(),
  /** The as-of date as the document writes it ("2021.3."), when `asOf` fills in what it leaves out (the day). */
  asOfWritten: z.string().nullable().optional(),
  periodSrc: SourceSchema.nullable().optional(),
  /** The document's own goal (a promise sheet's 최종목표), as written, and where. */
  goalWritten: z.string().nullable().optional(),
  goalSrc: SourceSchema.nullable().optional(),
});

export const BudgetKindSchema = z.enum(['allocated', 'executed', 'planned', 'required', 'expected', 'balance']);
export type BudgetKind = z.infer<typeof BudgetKindSchema>;
export const FUNDING_SOURCES = ['계', '국비', '도비', '시비', '군비', '구비', '민간', '기타'] as const;

export const BudgetLineSchema = z.object({
  /** The column or row label as written: "2019년", "2018.7월~12월", "’16년", "10.31기준". */
  period: z.string(),
  year: z.number().int().nullable(),
  kind: BudgetKindSchema,
  /** 국비/도비/시비/구비/민간 or 계 (total); null when the document does not split by source. */
  funding: z.enum(FUNDING_SOURCES).nullable(),
  /** A sub-item such as a 사업 line of a department budget ("순찰 행정"); null for the whole. */
  item: z.string().nullable(),
  amount: MoneySchema,
  src: SourceSchema,
});
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

export const ExecutionRateSchema = z.object({
  period: z.string().nullable(),
  written: z.number().nullable(),
  computed: z.number().nullable(),
  src: SourceSchema,
});

export const BudgetSchema = z.object({
  /** "해당없음", "비예산 사업" … as the document says it; then `lines` is empty and the project has no budget. */
  noBudget: z.string().nullable(),
  lines: z.array(BudgetLineSchema),
  rates: z.array(ExecutionRateSchema),
  /** Free-text budget facts ("소요예산 : 29백만원(2021년)", "구비 100%"). */
  notes: z.array(z.object({ text: z.string(), src: SourceSchema })),
});
export type Budget = z.infer<typeof BudgetSchema>;

export const IndicatorValueSchema = z.object({ period: z.string(), value: z.string() });
export const IndicatorSchema = z.object({
  name: z.string(),
  unit: z.string().nullable(),
  targets: z.array(IndicatorValueSchema),
  actuals: z.array(IndicatorValueSchema),
  /** True for the cumulative 추진율 rows (누적 추진율 목표/현재). */
  cumulative: z.boolean(),
  src: SourceSchema,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const MilestoneSchema = z.object({
  text: z.string(),
  date: ResolvedDateSchema.nullable(),
  /** True when the document reports the item as done (실적), false when planned, null when it does not say. */
  done: z.boolean().nullable(),
  src: SourceSchema,
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const ContactSchema = z.object({
  name: z.string().nullable(),
  position: z.string().nullable(),
  department: z.string().nullable(),
  team: z.string().nullable(),
  /** The number as written ("2580", "2133-4299", "☎ 7702"). */
  phone: z.string().nullable(),
  /** The last four digits: what staff dial inside the building. */
  extension: z.string().nullable(),
  /** E-mail and fax where the document gives them (a 시행문's footer gives the drafter's). */
  email: z.string().nullable().optional(),
  fax: z.string().nullable().optional(),
  /**
   * Their part in an approval document: drafter (기안, the first signer), reviewer, approver (the last signer),
   * cooperator (협조자), or null for a plain contact line.
   */
  role: z.enum(['drafter', 'reviewer', 'approver', 'cooperator']).nullable().optional(),
  /** How they signed when not in their own right, as written: 代 (a deputy), 대결, 전결. */
  signedAs: z.string().nullable().optional(),
  src: SourceSchema,
});
export type Contact = z.infer<typeof ContactSchema>;

export const IssueSchema = z.object({
  problem: z.string().nullable(),
  countermeasure: z.string().nullable(),
  src: SourceSchema,
});
export const ChangeSchema = z.object({
  change: z.string(),
  reason: z.string().nullable(),
  when: z.string().nullable(),
  src: SourceSchema,
});

export const StaffingSchema = z.object({
  /** The unit the row is about: "계", a team name, or a grade group. */
  group: z.string(),
  authorized: z.number().int().nullable(),
  current: z.number().int().nullable(),
  src: SourceSchema,
});

/**
 * A "label : value" item of a document body ("공개기간 : 2025. 1. 21. ~ 1. 23.", "반납금액 : ****"). `withheld`
 * marks a value the published copy masks with runs of `*` (비공개): it is answered as withheld, never as a number.
 */
export const FactSchema = z.object({
  label: z.string(),
  value: z.string(),
  withheld: z.boolean(),
  src: SourceSchema,
});
export type Fact = z.infer<typeof FactSchema>;

/** The form head of an approval document: number, decision date, disclosure, as written. */
export const DocumentFormSchema = z.object({
  number: z.string(),
  date: ResolvedDateSchema.nullable(),
  /** 공개여부 / 공개구분: "부분공개(5,6)", "공개", "비공개(5)". */
  disclosure: z.string().nullable(),
  src: SourceSchema,
});

export const TeamSchema = z.object({ name: z.string(), duties: z.array(z.string()), src: SourceSchema });

export const RecordKindSchema = z.enum(['project', 'department', 'document']);
export type RecordKind = z.infer<typeof RecordKindSchema>;

export const ProjectRecordSchema = z.object({
  kind: RecordKindSchema,
  /**
   * Stable across re-ingests of the same document: organisation + code where there is one (codes repeat across
   * cities), else organisation + department + year/phase + title.
   */
  key: z.string().min(1),
  organization: z.string().nullable(),
  code: z.string().nullable(),
  title: z.string().min(1),
  aliases: z.array(z.string()),
  department: z.string().nullable(),
  teams: z.array(z.string()),
  /** 사업구분 as written, every part joined with " · " ("약속", "임기 내 · 신규"). */
  category: z.string().nullable(),
  /** The year the record is about, and whether it reports (실적) or plans (계획) it. */
  year: z.number().int().nullable(),
  phase: z.enum(['report', 'plan']).nullable(),
  status: StatusSchema.nullable(),
  budget: BudgetSchema.nullable(),
  indicators: z.array(IndicatorSchema),
  milestones: z.array(MilestoneSchema),
  contacts: z.array(ContactSchema),
  issues: z.array(IssueSchema),
  changes: z.array(ChangeSchema),
  /** Department-level facts (kind "department"): org chart, staffing 정원/현원. Budget uses `budget`. */
  orgTeams: z.array(TeamSchema),
  staffing: z.array(StaffingSchema),
  /** The 기본현황 as read by the one table reader (kind "department"); absent on records stored before it. */
  overview: DepartmentOverviewSchema.nullable().optional(),
  /** Headings seen inside the record, for search and for the generic record. */
  headings: z.array(z.string()),
  /** Label : value items of the body (approval documents); absent in records stored before they existed. */
  facts: z.array(FactSchema).optional(),
  form: DocumentFormSchema.nullable().optional(),
  src: SourceSchema,
});
export type ProjectRecord = z.infer<typeof ProjectRecordSchema>;

/** A record with every list empty, for parsers to fill. */
export function emptyRecord(
  init: Pick<ProjectRecord, 'kind' | 'key' | 'title' | 'src'> & Partial<ProjectRecord>,
): ProjectRecord {
  return {
    organization: null,
    code: null,
    aliases: [],
    department: null,
    teams: [],
    category: null,
    year: null,
    phase: null,
    status: null,
    budget: null,
    indicators: [],
    milestones: [],
    contacts: [],
    issues: [],
    changes: [],
    orgTeams: [],
    staffing: [],
    headings: [],
    ...init,
  };
}

export type Status = z.infer<typeof StatusSchema>;

/** A status that knows only some of its facts (a period, an as-of date); the rest stay null, never guessed. */
export function partialStatus(facts: Partial<Status> & Pick<Status, 'src'>): Status {
  return {
    progressPct: null,
    stateWritten: null,
    state: null,
    targetMonth: null,
    targetWritten: null,
    period: null,
    asOf: null,
    ...facts,
  };
}

/**
 * The names a record goes by: title, other names, code, department, organisation, 사업구분 and teams. A question
 * word found in these names the record; any other word asks about something in it. (The search index holds the
 * same names in its naming fields, src/search/fields.ts.)
 */
export function recordNames(
  rec: Pick<ProjectRecord, 'title' | 'aliases' | 'code' | 'department' | 'organization' | 'category' | 'teams'>,
): string[] {
  return [rec.title, ...rec.aliases, rec.code, rec.department, rec.organization, rec.category, ...rec.teams].filter(
    (n): n is string => !!n,
  );
}

export function emptyBudget(): Budget {
  return { noBudget: null, lines: [], rates: [], notes: [] };
}

/** Builds a record key: organisation plus the most stable identifier available, whitespace folded. */
export function recordKey(parts: Array<string | number | null | undefined>): string {
  return parts
    .filter((p) => p !== null && p !== undefined && `${p}`.trim() !== '')
    .map((p) => `${p}`.replace(/\s+/g, ' ').trim())
    .join('/');
}
