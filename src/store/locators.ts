/**
 * Where an office file's stored lines stand in the file, kept per version as runs of lines sharing one locator: a
 * PDF page is one row, not one per line. Citations read only the two ends of the span they cite (two indexed
 * lookups), never a document's whole list.
 */
import type Database from 'better-sqlite3';
import type { LineLocators } from '../domain/provenance.js';

/** Writes `locators` (line i + 1's at index i) as runs; null lines are left out. */
export function saveLocators(db: Database.Database, versionId: number, locators: ReadonlyArray<string | null>): void {
  const insert = db.prepare('INSERT INTO line_locators (version_id, line_from, line_to, locator) VALUES (?, ?, ?, ?)');
  let from = 0;
  for (let i = 1; i <= locators.length; i++) {
    const here = locators[i - 1] ?? null;
    if (i < locators.length && locators[i] === here) continue;
    if (here !== null) insert.run(versionId, from + 1, i, here);
    from = i;
  }
}

export type EndsReader = (versionId: number, from: number, to: number) => [string, string] | null;

/** The reader of span ends over one connection; its statements are prepared once. */
export function endsReader(db: Database.Database): EndsReader {
  let first: Database.Statement | undefined;
  let last: Database.Statement | undefined;
  return (versionId, from, to) => {
    // The last run starting at or before `to` that reaches `from`, then the first run reaching `from` that starts
    // at or after the run holding `from` (runs never overlap): both are seeks on the primary key.
    last ??= db.prepare(
      `SELECT locator FROM line_locators WHERE version_id = ? AND line_from <= ? AND line_to >= ?
       ORDER BY line_from DESC LIMIT 1`,
    );
    const end = last.get(versionId, to, from) as { locator: string } | undefined;
    if (!end) return null;
    first ??= db.prepare(
      `SELECT locator FROM line_locators WHERE version_id = @versionId AND line_to >= @from AND line_from >= COALESCE(
         (SELECT MAX(line_from) FROM line_locators WHERE version_id = @versionId AND line_from <= @from), 0)
       ORDER BY line_from LIMIT 1`,
    );
    const start = first.get({ versionId, from }) as { locator: string };
    return [start.locator, end.locator];
  };
}

/** One version's locators, read when a citation asks. */
export class VersionLocators implements LineLocators {
  constructor(
    readonly versionId: number,
    private readonly read: EndsReader,
  ) {}

  ends(from: number, to: number): [string, string] | null {
    return this.read(this.versionId, Math.min(from, to), Math.max(from, to));
  }
}
