/**
 * Zero wrong numbers (issue 6, section 6): thousands of questions generated from every stored document, through
 * the real dispatcher over a real store; every figure of every reply must be in the lines it cites, or be a
 * labelled computation that recomputes. Zero exceptions.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluationPaths } from '../../scripts/lib/corpus-paths.js';
import { type AuditResult, auditQuestions, generateQuestions } from '../../scripts/lib/number-audit.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { fixedClock } from '../../src/domain/clock.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { ProjectStore } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

let result: AuditResult;

beforeAll(() => {
  const { paths, missing } = evaluationPaths();
  if (missing) console.warn(`wrong-number audit: ${missing}`);
  const store = ProjectStore.open(join(tempDir(), 'audit.db'));
  ingestPaths(store, paths);
  const knowledge = loadKnowledge(store, fixedClock('2021-06-01'));
  result = auditQuestions(knowledge, generateQuestions(knowledge), (v) => store.documentLines(v));
  store.close();
  console.log(
    `wrong-number audit: ${result.questions} questions, ${result.figures} figures checked, ${result.violations.length} violations`,
  );
}, 600_000); // (thousands of questions through the real dispatcher: minutes on a loaded shared machine)

describe('zero wrong numbers', () => {
  it('asks thousands of questions and checks thousands of figures', () => {
    expect(result.questions).toBeGreaterThanOrEqual(1000);
    expect(result.figures).toBeGreaterThanOrEqual(1000);
  });

  // Issue 6's acceptance test: zero exceptions.
  it('states no figure that its cited lines do not hold', () => {
    const sample = result.violations
      .slice(0, 25)
      .map((v) => `"${v.question}" ${v.figure}: ${v.why} | ${v.line.trim().slice(0, 100)}`)
      .join('\n');
    expect(result.violations.length, sample).toBe(0);
  });
});
