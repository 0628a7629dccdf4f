/**
 * Feedback on answers (👍/👎 and what was wrong), kept in the project store's SQLite file. Platform-free: Slack,
 * Discord and any later way in record through the same log. The question, the reply as the user saw it and its
 * sources are stored with the verdict, so a wrong answer can be traced to its document line.
 */
import type Database from 'better-sqlite3';

export type Verdict = 'up' | 'down';

export interface FeedbackInput {
  at: Date;
  platform: string;
  workspace: string | null;
  channel: string | null;
  user: string | null;
  question: string;
  reply: { kind: string; sources: readonly string[]; trace?: readonly string[] | undefined };
  /** The reply rendered as plain text (what the asker read). */
  replyText: string;
  verdict: Verdict;
  comment?: string | null | undefined;
}

export interface FeedbackRow {
  id: number;
  at: string;
  platform: string;
  workspace: string | null;
  channel: string | null;
  user: string | null;
  question: string;
  replyKind: string;
  replyText: string;
  sources: string[];
  /** Which answerer replied and what was tried before it (empty for replies stored before traces existed). */
  trace: string[];
  verdict: Verdict;
  comment: string | null;
}

/** Stored text is bounded so one pasted document cannot bloat the file. */
export const FEEDBACK_LIMITS = { questionChars: 2_000, replyChars: 12_000, commentChars: 2_000 } as const;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export class FeedbackLog {
  constructor(private readonly db: Database.Database) {}

  /** Records a verdict; returns its id so a later comment (the 👎 modal) can be attached. */
  record(input: FeedbackInput): number {
    const result = this.db
      .prepare(
        `INSERT INTO feedback (at, platform, workspace, channel, user, question, reply_kind, reply_text, sources_json, verdict, comment, trace_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.at.toISOString(),
        input.platform,
        input.workspace,
        input.channel,
        input.user,
        clip(input.question, FEEDBACK_LIMITS.questionChars),
        input.reply.kind,
        clip(input.replyText, FEEDBACK_LIMITS.replyChars),
        JSON.stringify(input.reply.sources),
        input.verdict,
        input.comment ? clip(input.comment, FEEDBACK_LIMITS.commentChars) : null,
        JSON.stringify(input.reply.trace ?? []),
      );
    return Number(result.lastInsertRowid);
  }

  /** Attaches what was wrong to a recorded verdict; false when no such feedback exists. */
  comment(id: number, comment: string): boolean {
    const text = comment.trim();
    if (!text) return false;
    const r = this.db
      .prepare('UPDATE feedback SET comment = ? WHERE id = ?')
      .run(clip(text, FEEDBACK_LIMITS.commentChars), id);
    return r.changes === 1;
  }

  /** Oldest first; `since` is a YYYY-MM-DD date (inclusive, UTC). */
  list(options: { since?: string | null | undefined } = {}): FeedbackRow[] {
    const rows = this.db
      .prepare(`SELECT * FROM feedback WHERE at >= ? ORDER BY at, id`)
      .all(options.since ? `${options.since}T00:00:00.000Z` : '') as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      id: r.id as number,
      at: r.at as string,
      platform: r.platform as string,
      workspace: r.workspace as string | null,
      channel: r.channel as string | null,
      user: r.user as string | null,
      question: r.question as string,
      replyKind: r.reply_kind as string,
      replyText: r.reply_text as string,
      sources: JSON.parse(r.sources_json as string) as string[],
      trace: JSON.parse((r.trace_json as string | null) ?? '[]') as string[],
      verdict: r.verdict as Verdict,
      comment: r.comment as string | null,
    }));
  }
}
