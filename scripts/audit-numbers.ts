/** `node --import tsx scripts/audit-numbers.ts`: the wrong-number audit over every document, violations listed. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledge } from '../src/core/knowledge.js';
import { fixedClock } from '../src/domain/clock.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { ProjectStore } from '../src/store/store.js';
import { evaluationPaths } from './lib/corpus-paths.js';
import { auditQuestions, generateQuestions } from './lib/number-audit.js';

const { paths, missing } = evaluationPaths();
if (missing) process.stdout.write(`note: ${missing}\n`);
const store = ProjectStore.open(join(mkdtempSync(join(tmpdir(), 'damdang-audit-')), 'audit.db'));
ingestPaths(store, paths);
const knowledge = loadKnowledge(store, fixedClock('2021-06-01'));
const started = Date.now();
const questions = generateQuestions(knowledge);
const result = auditQuestions(knowledge, questions, (v) => store.documentLines(v));
process.stdout.write(
  `${result.questions} questions, ${result.figures} figures checked, ${result.violations.length} violations (${Date.now() - started} ms)\n`,
);
const byWhy = new Map<string, number>();
for (const v of result.violations) {
  const k = v.why.replace(/\d[\d,.]*/g, 'N').replace(/"[^"]*"/g, '"…"');
  byWhy.set(k, (byWhy.get(k) ?? 0) + 1);
}
for (const [k, n] of [...byWhy].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${n} × ${k}\n`);
const limit = Number(process.argv[2] ?? 3);
const shown = new Map<string, number>();
for (const v of result.violations.filter((x) => {
  const k = x.why.replace(/\d[\d,.]*/g, 'N').replace(/"[^"]*"/g, '"…"');
  shown.set(k, (shown.get(k) ?? 0) + 1);
  return shown.get(k)! <= limit;
}))
  process.stdout.write(`- "${v.question}" ${v.figure}: ${v.why}\n    ${v.line.trim().slice(0, 140)}\n`);
store.close();
