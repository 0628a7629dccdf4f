import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer } from '../helpers.js';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { fixedClock } from '../../src/domain/clock.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { renderText } from '../../src/render/text.js';
import { ProjectStore } from '../../src/store/store.js';
import { tempDir } from '../helpers.js';

describe('a document of no known family, end to end', () => {
  const store = ProjectStore.open(join(tempDir(), 'unknown.db'));
  const summary = ingestPaths(store, ['test/fixtures/unknown']);
  const k = loadKnowledge(store, fixedClock('2023-06-15'));
  const ask = (q: string) => renderText(answer(q, k));

  it('is stored as a generic record and answers budget, schedule and contact questions', () => {
    expect(summary.reports.map((r) => r.family)).toEqual(['generic']);
    expect(ask('수상택시 예산')).toContain('1,200백만원');
    const schedule = ask('수상택시 일정');
    expect(schedule).toMatch(/시범운항 개시 — \(7월\) \(예정\)/);
    expect(schedule).toMatch(/선박 안전검사 — \(6월\) \(진행 중\)/);
    expect(ask('수상교통팀장 전화번호')).toContain('2133-8810');
  });
});
