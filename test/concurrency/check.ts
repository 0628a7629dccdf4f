/** What every concurrency test asserts about the file afterwards, read with a plain read-only connection. */
import { resolve } from 'node:path';
import Database from 'better-sqlite3';

export interface StoreCheck {
  integrity: string;
  /** Files of the list not stored, or stored with other than exactly one version. */
  notOnce: string[];
  /** Versions with no records, documents with no current version: a half-written document. */
  partial: number;
}

export function checkStore(db: string, files: string[]): StoreCheck {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const versions = conn.prepare(
      'SELECT COUNT(v.id) AS n FROM documents d JOIN document_versions v ON v.document_id = d.id WHERE d.path = ? AND d.current_version_id = v.id',
    );
    const all = conn.prepare('SELECT COUNT(*) AS n FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE d.path = ?');
    const notOnce = files.filter((f) => {
      const p = resolve(f);
      return (versions.get(p) as { n: number }).n !== 1 || (all.get(p) as { n: number }).n !== 1;
    });
    const partial = (
      conn
        .prepare(
          `SELECT (SELECT COUNT(*) FROM documents WHERE current_version_id IS NULL)
                + (SELECT COUNT(*) FROM document_versions v WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.version_id = v.id)) AS n`,
        )
        .get() as { n: number }
    ).n;
    return { integrity: conn.pragma('integrity_check', { simple: true }) as string, notOnce, partial };
  } finally {
    conn.close();
  }
}

const KINDS = new Set(['answer', 'not_found', 'ambiguous', 'help', 'error']);

/** One `ask --json` line: parses, and carries a reply a renderer can show. Returns what is wrong, or null. */
export function replyProblem(line: string): string | null {
  try {
    const j = JSON.parse(line) as { message?: unknown; text?: unknown; reply?: { kind?: unknown; title?: unknown; blocks?: unknown } };
    if (typeof j.message !== 'string') return `no message: ${line.slice(0, 120)}`;
    if (typeof j.text !== 'string' || j.text.trim() === '') return `no text: ${line.slice(0, 120)}`;
    if (!KINDS.has(String(j.reply?.kind))) return `bad kind: ${line.slice(0, 120)}`;
    if (j.reply?.kind === 'error') return `error reply: ${line.slice(0, 200)}`;
    if (typeof j.reply?.title !== 'string' || j.reply.title === '' || !Array.isArray(j.reply.blocks))
      return `bad reply: ${line.slice(0, 120)}`;
    return null;
  } catch {
    return `not JSON: ${line.slice(0, 120)}`;
  }
}
