/**
 * An ingest that commits while knowledge loads (injected at the point between reading the summaries and the
 * generation, where the two once came from different reads): the saved index holds exactly the generation and
 * the records it was built from, and the next start sees the new document.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge.js';
import { fixedClock } from '../../src/domain/clock.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { ProjectStore } from '../../src/store/store.js';
import { SAMPLES, tempDir } from '../helpers.js';

const FIRST = `${SAMPLES}/suwon-policy-sheet-cooperative-governance.txt`;
const SECOND = `${SAMPLES}/suwon-policy-sheet-3-8-76-human-rights-governance.txt`;

describe('the saved search index under a concurrent ingest', () => {
  it('is keyed to the generation of the snapshot it was built from', () => {
    const db = join(tempDir(), 'race.db');
    const writer = ProjectStore.open(db);
    ingestPaths(writer, [FIRST]);
    writer.close();
    const reader = ProjectStore.openReadOnly(db)!;
    const before = reader.identity().generation;
    let committed = false;
    const knowledge = loadKnowledge(reader, fixedClock('2021-06-01'), {
      afterSummaries: () => {
        // A real second process commits a document in the middle of this load.
        const r = spawnSync(process.execPath, ['bin/damdang.js', 'ingest', SECOND, '--db', db], { encoding: 'utf8' });
        expect(r.stderr).toContain('새로 1');
        committed = true;
      },
    });
    expect(committed).toBe(true);
    expect(reader.identity().generation).toBe(before + 1);
    const saved = JSON.parse(readFileSync(`${db}.index.json`, 'utf8')) as { generation: number };
    expect(saved.generation).toBe(before);
    expect(knowledge.summaries.every((s) => s.documentName === 'suwon-policy-sheet-cooperative-governance.txt')).toBe(
      true,
    );
    expect(knowledge.index.search('인권 거버넌스').hits).toEqual([]);

    // The next load does not trust the older index: it rebuilds and finds the new document.
    const next = loadKnowledge(reader, fixedClock('2021-06-01'));
    const hit = next.index.search('인권 거버넌스').hits[0];
    expect(next.summaryOf(hit!.id)?.documentName).toBe('suwon-policy-sheet-3-8-76-human-rights-governance.txt');
    expect((JSON.parse(readFileSync(`${db}.index.json`, 'utf8')) as { generation: number }).generation).toBe(
      before + 1,
    );
    reader.close();
  });
});
