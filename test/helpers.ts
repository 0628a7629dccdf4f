import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../commands/index.js';
import { createRouter } from '../src/core/dispatch.js';
import type { Origin } from '../src/core/inbound.js';
import { type Knowledge, loadKnowledge } from '../src/core/knowledge.js';
import { fixedClock } from '../src/domain/clock.js';
import type { ParseResult, SourceDocument } from '../src/ingest/document.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { normalizeText } from '../src/ingest/normalize.js';
import { parseDocument } from '../src/ingest/parse.js';
import { ProjectStore } from '../src/store/store.js';

/** A fresh folder for a real SQLite file or a document a test writes. */
export function tempDir(prefix = 'damdang-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const SAMPLES = 'data/samples';
export const CORPUS = 'test/fixtures/corpus';

/** Parses document text given inline, as ingest would a file of that name. */
export function parseText(text: string, name = 'synthetic.txt'): ParseResult {
  const doc: SourceDocument = { path: name, name, encoding: 'utf-8', lines: normalizeText(text) };
  return parseDocument(doc);
}

/** The seventeen real documents: the four samples and the thirteen corpus documents (.txt only). */
export function realDocuments(): string[] {
  const txt = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(dir, f));
  return [...txt(SAMPLES), ...txt(CORPUS)];
}

/** A real SQLite file in a fresh folder holding just these documents: the small context most tests need. */
export function storeWith(paths: string[], file = join(tempDir(), 'test.db')): ProjectStore {
  const store = ProjectStore.open(file);
  ingestPaths(store, paths);
  return store;
}

/** Knowledge over one or a few fixture documents, "today" fixed. */
export function knowledgeOf(paths: string[], today = '2021-06-01'): { store: ProjectStore; knowledge: Knowledge } {
  const store = storeWith(paths);
  return { store, knowledge: loadKnowledge(store, fixedClock(today)) };
}

/** An Origin for tests: a channel and a user on the test platform. */
export function testOrigin(channel = 'C-test', user = 'U-test'): Origin {
  return { platform: 'test', workspace: 'W-test', channel, user };
}

/** The router over the real registry, as the bot runs it (without the bot's error boundary). */
export const router = createRouter(COMMANDS);
export const answer = (message: string, knowledge: Knowledge) => router.answer(message, knowledge);
