/** Opens the store and builds what answering needs; seeds an empty database with the sample documents. */
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
  const store = ProjectStore.open(config.dbFile);
  let seeded: IngestSummary | null = null;
  if (store.isEmpty()) {
    log(`데이터베이스가 비어 있어 ${config.samplesDir}의 예시 문서를 읽습니다…`);
    seeded = ingestPaths(store, [config.samplesDir]);
    log(`  문서 ${seeded.reports.length}건, 실패 ${seeded.failed}건 (${Math.round(seeded.millis)} ms)`);
  }
  const started = performance.now();
  const knowledge = loadKnowledge(store, clockFor(config.today));
  log(
    `사업 ${knowledge.summaries.length}건 색인 (${Math.round(performance.now() - started)} ms), 오늘: ${knowledge.clock.today()}`,
  );
  return { store, knowledge, seeded };
}
