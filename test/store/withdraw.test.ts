/** A withdrawn document (its file removed from a watched folder): out of every "current" read, kept as history. */
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { fixedClock } from '../../src/domain/clock.js';
import { ingestFile } from '../../src/ingest/ingest.js';
import { renderText } from '../../src/render/text.js';
import { ProjectStore } from '../../src/store/store.js';
import { answer, SAMPLES, tempDir } from '../helpers.js';

const AUDIT = join(SAMPLES, 'yeongdeungpo-audit-annual-report.txt');
const SHEET = join(SAMPLES, 'suwon-policy-sheet-cooperative-governance.txt');

const patrolBudget = (store: ProjectStore) => renderText(answer('순찰 행정 예산', loadKnowledge(store, fixedClock('2021-06-01'))));

describe('withdrawing a document', () => {
  it('leaves it out of records, summaries, people, budget items, models, passages and body text; keeps its versions', () => {
    const dir = tempDir();
    const audit = resolve(dir, 'audit.txt');
    const sheet = resolve(dir, 'sheet.txt');
    copyFileSync(AUDIT, audit);
    copyFileSync(SHEET, sheet);
    const store = ProjectStore.open(join(dir, 'w.db'));
    ingestFile(store, audit);
    ingestFile(store, sheet);
    const auditRecords = store.currentRecords().filter((r) => r.document.path === audit);
    const versionId = auditRecords[0]!.document.versionId;
    // The sheet's people (the audit report names none): 박사승 정책기획과장.
    expect(store.contactRecordIds('name', '박사승').length).toBeGreaterThan(0);
    expect(store.budgetItemRecordIds('순찰행정').length).toBeGreaterThan(0);
    expect(store.searchPassages('순찰 행정').some((p) => p.versionId === versionId)).toBe(true);
    expect(patrolBudget(store)).toContain('18,630천원');
    const generation = store.identity().generation;

    rmSync(audit);
    expect(store.currentPathsUnder(resolve(dir))).toEqual([audit, sheet]);
    expect(store.withdrawDocument(audit)).toBe(true);
    expect(store.withdrawDocument(audit)).toBe(false);
    // The generation moves, so a running bot's knowledge and the saved search index are read again.
    expect(store.identity().generation).toBe(generation + 1);
    expect(store.currentPathsUnder(resolve(dir))).toEqual([sheet]);
    expect(store.currentRecords().some((r) => r.document.path === audit)).toBe(false);
    expect(store.currentSummaries().some((s) => s.versionId === versionId)).toBe(false);
    expect(store.recordById(auditRecords[0]!.id)).toBeUndefined();
    expect(store.budgetItemRecordIds('순찰행정')).toEqual([]);
    expect(store.searchPassages('순찰 행정').some((p) => p.versionId === versionId)).toBe(false);
    expect(store.currentModels().some((m) => m.versionId === versionId)).toBe(false);
    expect(store.currentDocuments().some((d) => d.versionId === versionId)).toBe(false);
    expect(store.currentIngestTimes().has(versionId)).toBe(false);
    expect(store.currentVersion(audit)).toBeUndefined();
    expect(store.stats()).toMatchObject({ documents: 1, versions: 2 });
    expect(patrolBudget(store)).not.toContain('18,630천원');
    expect(store.withdrawDocument(sheet)).toBe(true);
    expect(store.contactRecordIds('name', '박사승')).toEqual([]);
    expect(store.isEmpty()).toBe(true);
    // History: the version and its records are still there.
    expect(store.recordsOfVersion(versionId).length).toBe(auditRecords.length);
    expect(store.recordHistory(auditRecords[0]!.record.key).map((h) => h.document.version)).toEqual([1]);

    // The file back (same bytes): restored as the document's next version, answered again.
    copyFileSync(AUDIT, audit);
    const back = ingestFile(store, audit);
    expect(back.outcome).toBe('restored');
    expect(store.recordHistory(auditRecords[0]!.record.key).map((h) => h.document.version)).toEqual([1, 2]);
    expect(patrolBudget(store)).toContain('18,630천원');
    expect(ingestFile(store, audit).outcome).toBe('unchanged');
    expect(readFileSync(audit, 'utf8')).toBe(readFileSync(AUDIT, 'utf8'));
    store.close();
  });
});
