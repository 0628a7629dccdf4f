/**
 * Opens the store and builds what answering needs. A process that answers opens the file read-only; it writes
 * only when the file is new or empty: then it migrates and seeds the sample documents in one transaction, so a
 * second process starting at the same time finds either nothing or every sample, never half of them.
 */
import type { Config } from './config.js';
import { type Knowledge, loadKnowledge } from './core/knowledge.js';
import { clockFor } from './domain/clock.js';
import { type IngestSummary, ingestPaths } from './ingest/ingest.js';
import { ProjectStore } from './store/store.js';

export interface App {
  store: ProjectStore;
  knowledge: Knowledge;
  seeded: IngestSummary | null;
}

export function openApp(config: Config, log: (line: string) => void): App {
  let store = ProjectStore.openReadOnly(config.dbFile);
  let seeded: IngestSummary | null = null;
  if (!store || store.isEmpty()) {
    store?.close();
    const writer = ProjectStore.open(config.dbFile);
    try {
      seeded = writer.write(() => {
        if (!writer.isEmpty()) return null;
        log(`데이터베이스가 비어 있어 ${config.samplesDir}의 예시 문서를 읽습니다…`);
        return ingestPaths(writer, [config.samplesDir]);
      });
    } catch (err) {
      writer.close();
      throw err;
    }
    if (seeded) log(`  문서 ${seeded.reports.length}건, 실패 ${seeded.failed}건 (${Math.round(seeded.millis)} ms)`);
    // An in-memory store has no second connection to open; a file is answered from a read-only one.
    if (config.dbFile === ':memory:') store = writer;
    else {
      writer.close();
      store = ProjectStore.openReadOnly(config.dbFile)!;
    }
  }
  const started = performance.now();
  const knowledge = loadKnowledge(store, clockFor(config.today));
  log(
    `사업 ${knowledge.summaries.length}건 색인 (${Math.round(performance.now() - started)} ms), 오늘: ${knowledge.clock.today()}`,
  );
  return { store, knowledge, seeded };
}
