/**
 * A handful of real originals of each format, each beside its text version: read from the original (PDF, HWPX),
 * a document gives the same family and at least the milestones, budget lines and contacts its text gives, and
 * every labelled question the text answers right is answered right from the original. Each side is its own real
 * store holding that one document. `npm run eval:originals` measures every original the same way.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, loadQueries, type LabelledQuery } from '../../../scripts/lib/evaluate.js';
import { documentStem } from '../../../scripts/lib/original-pairs.js';
import { REPO_ROOT } from '../../../scripts/lib/corpus-paths.js';
import { loadKnowledge } from '../../../src/core/knowledge.js';
import { fixedClock } from '../../../src/domain/clock.js';
import { ingestPathsAsync } from '../../../src/ingest/ingest.js';
import { ProjectStore } from '../../../src/store/store.js';
import { tempDir } from '../../helpers.js';
import { CORPUS, ORIGINALS } from './office-files.js';

const absent = !ORIGINALS || !CORPUS;
if (absent) console.warn('originals-answer: ../shared/originals or ../shared/corpus not found — skipped');

/** Original (under ../shared/originals), its text (under ../shared/corpus), the set its questions are in, and as of when. */
const PAIRS: Array<{ original: string; text: string; set: string; today: string }> = [
  { original: 'seoul-approvals/seoul-approval-2025-recruitment-selection-result-4906.hwpx', text: 'seoul-approvals/seoul-approval-2025-recruitment-selection-result-4906.txt', set: 'eval-queries.json', today: '2021-06-01' },
  { original: 'seoul-approvals/seoul-approval-2024-youth-allowance-tf.hwpx', text: 'seoul-approval-2024-youth-allowance-tf.txt', set: 'eval-queries.json', today: '2021-06-01' },
  { original: 'seoul-approvals/seoul-approval-2025-callcenter-tender-request-916.hwpx', text: 'seoul-approvals/seoul-approval-2025-callcenter-tender-request-916.txt', set: 'eval-queries.json', today: '2021-06-01' },
  { original: 'busan-plans/busan-2025-plan-spokesperson.pdf', text: 'busan-2025-plan-spokesperson.txt', set: 'eval-queries.json', today: '2021-06-01' },
  { original: 'busan-press/busan-press-2025-07-01-maritime-finance-council.pdf', text: 'busan-press/busan-press-2025-07-01-maritime-finance-council.layout.txt', set: 'eval-press.json', today: '2025-07-01' },
  { original: 'budget-briefs/budget-brief-2024-employment-labor-youth-job-creation.pdf', text: 'budget-briefs/budget-brief-2024-employment-labor-youth-job-creation.layout.txt', set: 'eval-briefs.json', today: '2025-07-01' },
];

async function readAlone(file: string, today: string) {
  const store = ProjectStore.open(join(tempDir(), 'one.db'));
  const summary = await ingestPathsAsync(store, [file]);
  const records = store.currentRecords().map((r) => r.record);
  const knowledge = loadKnowledge(store, fixedClock(today));
  return { store, summary, records, knowledge };
}

const totals = (records: Array<{ milestones: unknown[]; contacts: unknown[]; budget: { lines: unknown[] } | null }>) => ({
  milestones: records.reduce((n, r) => n + r.milestones.length, 0),
  budgetLines: records.reduce((n, r) => n + (r.budget?.lines.length ?? 0), 0),
  contacts: records.reduce((n, r) => n + r.contacts.length, 0),
});

describe.skipIf(absent)('an original read beside its text version', () => {
  for (const pair of PAIRS) {
    it(`${pair.original}: the same family, facts and right answers`, { timeout: 60_000 }, async () => {
      const originalPath = join(ORIGINALS!, pair.original);
      const textPath = join(CORPUS!, pair.text);
      expect(existsSync(originalPath) && existsSync(textPath)).toBe(true);
      const fromText = await readAlone(textPath, pair.today);
      const fromOriginal = await readAlone(originalPath, pair.today);
      try {
        expect(fromOriginal.summary.reports[0]!.error).toBeNull();
        expect(fromOriginal.summary.reports[0]!.family).toBe(fromText.summary.reports[0]!.family);
        const [t, o] = [totals(fromText.records), totals(fromOriginal.records)];
        expect(o.milestones).toBeGreaterThanOrEqual(t.milestones);
        expect(o.budgetLines).toBeGreaterThanOrEqual(t.budgetLines);
        expect(o.contacts).toBeGreaterThanOrEqual(t.contacts);
        const stem = documentStem(pair.text);
        const queries = loadQueries(join(REPO_ROOT, 'test/fixtures', pair.set)).filter(
          (q: LabelledQuery) => q.answer !== undefined && q.doc !== undefined && documentStem(q.doc) === stem,
        );
        expect(queries.length).toBeGreaterThan(0);
        const rightFromText = evaluate(fromText.knowledge, queries).results.filter((r) => r.correct);
        expect(rightFromText.length).toBeGreaterThan(0);
        const fromOriginalResults = evaluate(fromOriginal.knowledge, rightFromText.map((r) => r.query)).results;
        const lost = fromOriginalResults.filter((r) => !r.correct).map((r) => `${r.query.q}: ${r.why}`);
        expect(lost).toEqual([]);
      } finally {
        fromText.store.close();
        fromOriginal.store.close();
      }
    });
  }
});
