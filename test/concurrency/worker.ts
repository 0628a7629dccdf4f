/**
 * One side of a concurrency round, on its own SQLite connection: an ingest of a list of files, or an answering
 * loop that opens the store the way `ask` does, answers, and closes, until told to stop.
 */
import { parentPort } from 'node:worker_threads';
import { openApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { silentLogger } from '../../src/logger.js';
import { neutralizeReply } from '../../src/render/safe.js';
import { renderText } from '../../src/render/text.js';
import { ProjectStore } from '../../src/store/store.js';

export type Job =
  | { role: 'ingest'; db: string; files: string[] }
  | { role: 'ask'; db: string; questions: string[]; stop: Int32Array };

export interface IngestResult {
  outcomes: Record<string, number>;
  errors: string[];
}

export interface AskResult {
  replies: string[];
  errors: string[];
}

export function runIngest(db: string, files: string[]): IngestResult {
  const store = ProjectStore.open(db);
  try {
    const summary = ingestPaths(store, files);
    const outcomes: Record<string, number> = {};
    for (const r of summary.reports) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
    return { outcomes, errors: [...summary.pathErrors, ...summary.reports.flatMap((r) => (r.error ? [r.error] : []))] };
  } finally {
    store.close();
  }
}

/** The same JSON line `ask --json` prints, one per question, for as long as the ingests run (at least once). */
export async function runAsk(db: string, questions: string[], stop: Int32Array): Promise<AskResult> {
  const replies: string[] = [];
  const errors: string[] = [];
  do {
    try {
      const app = openApp(loadConfig({ db }, {}), silentLogger);
      try {
        for (const message of questions) {
          const reply = neutralizeReply(await app.bot.handle({ kind: 'text', text: message, origin: ORIGIN, at: new Date() }));
          replies.push(JSON.stringify({ message, text: renderText(reply), reply }));
        }
      } finally {
        app.close();
      }
    } catch (err) {
      errors.push((err as Error).message);
    }
    // Leave the cores to the ingests between rounds of questions; a stop wakes this at once.
  } while (Atomics.wait(stop, 0, 0, 100) === 'timed-out');
  return { replies, errors };
}

const ORIGIN = { platform: 'test', workspace: null, channel: null, user: null } as const;

parentPort?.on('message', (job: Job) => {
  if (job.role === 'ingest') parentPort!.postMessage(runIngest(job.db, job.files));
  else void runAsk(job.db, job.questions, job.stop).then((r) => parentPort!.postMessage(r));
});
