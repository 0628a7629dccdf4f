/**
 * A background reload's worker thread (see liveKnowledge): reads the store's current generation over its own
 * read-only connection — summaries and index under one snapshot, the saved index reused or rebuilt and saved —
 * then hands it to the main thread: first everything but the index's terms, then the terms in chunks, each
 * sent when the main thread asks for the next, so no single message takes long to receive.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ProjectStore } from '../store/store.js';
import { type GenerationHead, POSTINGS_PER_CHUNK, readGeneration } from './knowledge.js';

const { file, ignoreSaved } = workerData as { file: string; ignoreSaved: boolean };
const port = parentPort!;
const store = ProjectStore.openReadOnly(file);
if (!store) throw new Error(`${file}: 저장소를 읽기 전용으로 열 수 없습니다`);
let generation: ReturnType<typeof readGeneration>;
try {
  generation = readGeneration(store, ignoreSaved);
} finally {
  store.close();
}
const index = generation.index as GenerationHead['index'];
const terms = index.minisearch.index as Array<[string, Record<string, Record<string, number>>]>;
/** A term's weight in a message: itself, and its entries per field and record. */
const weight = ([, fields]: [string, Record<string, Record<string, number>>]) =>
  Object.values(fields).reduce((n, docs) => n + 1 + Object.keys(docs).length, 1);
const head: GenerationHead = {
  type: 'head',
  generation: generation.generation,
  summaries: generation.summaries,
  index: { ...index, minisearch: { ...index.minisearch, index: [] } },
};
port.postMessage(head);
let at = 0;
port.on('message', () => {
  if (at >= terms.length) {
    port.postMessage({ type: 'done' });
    port.close();
    return;
  }
  const from = at;
  for (let sum = 0; at < terms.length && (at === from || sum + weight(terms[at]!) <= POSTINGS_PER_CHUNK); at++) sum += weight(terms[at]!);
  port.postMessage({ type: 'terms', entries: terms.slice(from, at) });
});
