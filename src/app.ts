/**
 * The composition root: config → store (seeded with data/samples when empty) → live knowledge → the answering
 * service with the command registry → the chat adapters. Only this file wires the registry to the bot.
 * A process that answers opens the file read-only; it writes only when the file is new or empty: then it
 * migrates and seeds the sample documents in one transaction, so a second process starting at the same time
 * finds either nothing or every sample, never half of them.
 */
import { existsSync, statSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { COMMANDS } from '../commands/index.js';
import { CHAT_PLATFORMS, type ChatPlatform, chatAdapters } from './adapters/index.js';
import { createConsoleAdapter } from './adapters/console/console.js';
import { createBot } from './bot.js';
import { type Config, ConfigError } from './config.js';
import type { AnsweringService } from './core/inbound.js';
import { type LiveKnowledge, liveKnowledge } from './core/knowledge.js';
import { warmUp } from './core/warm-up.js';
import type { ChatAdapter } from './core/port.js';
import { type Clock, clockFor } from './domain/clock.js';
import { createDigests, type DigestWiring } from './digest/index.js';
import type { IngestError } from './ingest/errors.js';
import type { ExtractedText } from './ingest/formats/extracted.js';
import { type DocumentReport, type IngestSummary, ingestPaths, readOriginals } from './ingest/ingest.js';
import { syncFolders, type WatchEvent, watchFolders } from './ingest/watch.js';
import type { Logger } from './logger.js';
import { ProjectStore } from './store/store.js';

export interface App {
  store: ProjectStore;
  clock: Clock;
  /** The current knowledge, reloaded when the store changes. */
  knowledge: LiveKnowledge;
  bot: AnsweringService;
  seeded: IngestSummary | null;
  logger: Logger;
  config: Config;
  digests: DigestWiring;
  close(): void;
}

/**
 * The office files (PDF, HWPX, DOCX) of the samples folder, read ahead when the store is still to be seeded: their
 * readers are asynchronous, the seeding transaction is not. Undefined when the store already holds documents.
 */
export async function readSeedOriginals(config: Config): Promise<ReadonlyMap<string, ExtractedText | IngestError> | undefined> {
  const reader = ProjectStore.openReadOnly(config.dbFile);
  const empty = !reader || reader.isEmpty();
  reader?.close();
  if (!empty || config.watchDir || !existsSync(config.samplesDir)) return undefined;
  return readOriginals([config.samplesDir], config.maxDocumentMb);
}

export function openApp(
  config: Config,
  logger: Logger,
  seedOriginals?: ReadonlyMap<string, ExtractedText | IngestError>,
): App {
  const { store, seeded } = openForAnswering(config, logger, seedOriginals);
  const clock = clockFor(config.today, config.timeZone);
  const started = performance.now();
  const knowledge = liveKnowledge(
    store,
    clock,
    (r) => logger.info(`저장소가 바뀌어 다시 읽었습니다: 사업 ${r.records}건 (${r.millis} ms)`, { generation: r.generation }),
    { onError: (error) => logger.warn('저장소를 다시 읽지 못해 이전 내용으로 답합니다', { error }) },
  );
  logger.info(
    `사업 ${knowledge().summaries.length}건 색인 (${Math.round(performance.now() - started)} ms), 오늘: ${clock.today()} (${clock.timeZone})`,
  );
  const digestLog = logger.child({ component: 'digest' });
  const digests = createDigests(config, store, { now: () => clock.now(), log: (line) => digestLog.warn(line) });
  const bot = createBot({ knowledge, commands: COMMANDS, logger: logger.child({ component: 'bot' }), digests: digests.service });
  const close = () => {
    knowledge.close();
    store.close();
  };
  return { store, clock, knowledge, bot, seeded, logger, config, digests, close };
}

/**
 * A process that answers opens the file read-only; it writes only when the file is new or empty: then it
 * migrates and seeds the sample documents in one transaction, so a second process starting at the same time
 * finds either nothing or every sample, never half of them.
 */
function openForAnswering(
  config: Config,
  logger: Logger,
  seedOriginals?: ReadonlyMap<string, ExtractedText | IngestError>,
): { store: ProjectStore; seeded: IngestSummary | null } {
  const reader = ProjectStore.openReadOnly(config.dbFile);
  if (reader?.copied)
    logger.warn(`${config.dbFile}의 폴더에 쓸 수 없어 지금 내용을 메모리에 읽어 답합니다 (이후 넣는 문서는 다시 시작해야 보입니다)`);
  if (reader && !reader.isEmpty()) return { store: reader, seeded: null };
  reader?.close();
  const writer = ProjectStore.open(config.dbFile);
  let seeded: IngestSummary | null;
  try {
    seeded = writer.write(() => {
      // A watched folder is what the store holds: the example documents are not mixed in.
      if (!writer.isEmpty() || config.watchDir) return null;
      // Without this a missing folder was one failed path in a log line, and the bot answered from nothing.
      if (!existsSync(config.samplesDir))
        throw new ConfigError(
          `설정 오류: DAMDANG_SAMPLES — 폴더 ${config.samplesDir}이(가) 없습니다. 데이터베이스 ${config.dbFile}이(가) 비어 있어 예시 문서를 읽으려 했습니다: DAMDANG_SAMPLES를 고치거나 \`damdang ingest <폴더>\`로 문서를 먼저 넣으세요`,
        );
      logger.info(`데이터베이스가 비어 있어 ${config.samplesDir}의 예시 문서를 읽습니다…`);
      return ingestPaths(writer, [config.samplesDir], undefined, {
        maxDocumentMb: config.maxDocumentMb,
        ...(seedOriginals ? { extracted: seedOriginals } : {}),
      });
    });
  } catch (err) {
    writer.close();
    throw err;
  }
  if (seeded) logger.info(`문서 ${seeded.reports.length}건, 실패 ${seeded.failed}건 (${Math.round(seeded.millis)} ms)`);
  // An in-memory store has no second connection to open; a file is answered from a read-only one.
  if (config.dbFile === ':memory:') return { store: writer, seeded };
  writer.close();
  return { store: ProjectStore.openReadOnly(config.dbFile)!, seeded };
}

/** The folder of DAMDANG_WATCH kept in sync beside the chat platforms. */
export interface WatchedFolder {
  /** Settles once the folder is watched and was read through (new, changed and removed files since last time). */
  synced: Promise<void>;
  /** Stops watching (the initial read stops between two files) and closes the connection it wrote through. */
  close(): Promise<void>;
}

/**
 * Keeps the store in sync with DAMDANG_WATCH while the bot runs: watched first, then read through, so a file
 * changed during the first read is not missed. The answering connection is read-only; the watch writes through
 * one of its own, as an ingest in another process would. Every change it stores asks the knowledge to reload at
 * once rather than at its next poll, so the next questions are answered from it. Null when no folder is set.
 */
export function watchConfiguredFolder(app: App): WatchedFolder | null {
  const dir = checkWatchFolder(app.config);
  if (!dir) return null;
  const writer = app.store.readOnly ? ProjectStore.open(app.config.dbFile) : app.store;
  const log = app.logger.child({ component: 'watch' });
  const options = { maxDocumentMb: app.config.maxDocumentMb };
  const reload = () => void app.knowledge.settled();
  const onEvent = (event: WatchEvent) => {
    logWatchEvent(log, event);
    if (event.kind === 'withdrawn' || (event.kind === 'ingested' && storedSomething(event.report))) reload();
  };
  const watch = watchFolders(writer, [dir], { ...options, onEvent });
  const stop = new AbortController();
  const synced = watch.ready
    .then(() => {
      const onProgress = (_done: number, _total: number, report: DocumentReport) =>
        report.outcome !== 'unchanged' && onEvent({ kind: 'ingested', report });
      return syncFolders(writer, [dir], onProgress, { ...options, signal: stop.signal });
    })
    .then(({ summary, withdrawn }) => {
      for (const path of withdrawn) onEvent({ kind: 'withdrawn', path });
      for (const e of summary.pathErrors) log.warn(e);
      log.info(`${dir}: 문서 ${summary.reports.length}건을 읽고 지켜봅니다 (실패 ${summary.failed}건, 거둬들임 ${withdrawn.length}건)`);
    })
    .catch((err: unknown) => log.error(`${dir}: 폴더를 읽지 못했습니다`, { error: err as Error }));
  return {
    synced,
    async close() {
      stop.abort();
      await watch.close();
      await synced;
      if (writer !== app.store) writer.close();
    },
  };
}

/** DAMDANG_WATCH, checked to be a folder (before anything is opened: a wrong path is named, not watched empty). */
export function checkWatchFolder(config: Config): string | null {
  const dir = config.watchDir;
  if (dir && !isFolder(dir)) throw new ConfigError(`설정 오류: DAMDANG_WATCH — 폴더 ${dir}이(가) 없습니다`);
  return dir;
}

/** True when the path is an existing folder (a missing or unreadable path is none). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function storedSomething(r: DocumentReport): boolean {
  return r.outcome !== 'failed' && r.outcome !== 'unchanged';
}

function logWatchEvent(log: Logger, event: WatchEvent): void {
  if (event.kind === 'error') return log.warn(event.message);
  if (event.kind === 'withdrawn') return log.info(`파일이 없어져 문서를 거둬들였습니다 (이전 버전은 남습니다): ${event.path}`);
  const r = event.report;
  if (r.outcome === 'failed') return log.warn(`읽지 못했습니다 — 파일이 바뀌면 다시 읽습니다: ${r.error}`);
  const label = { new: '새 문서', updated: '새 버전', restored: '다시 추가', unchanged: '변경 없음' }[r.outcome];
  const line = `${r.file} — ${label}, ${r.family}, 레코드 ${r.records}`;
  if (r.outcome === 'unchanged') log.debug(line);
  else log.info(line);
}

export interface ChatIO {
  input: Readable;
  output: Writable;
  interactive: boolean;
  /** Settles when the process is asked to stop (SIGINT/SIGTERM). */
  stopSignal: Promise<void>;
  /** Called once every adapter (and the digest scheduler) has started, before waiting for the stop. */
  onRunning?: () => void;
}

/**
 * Starts every configured chat adapter (the console when none is) and runs until the console's input ends or
 * the process is asked to stop; then stops them all.
 */
export async function runChat(app: App, io: ChatIO, platforms: readonly ChatPlatform[] = CHAT_PLATFORMS): Promise<void> {
  const deps = {
    config: app.config,
    service: app.bot,
    logger: app.logger,
    clock: app.clock,
    knowledge: app.knowledge,
    feedback: app.store.feedback,
  };
  const adapters: ChatAdapter[] = chatAdapters(deps, platforms);
  let done = io.stopSignal;
  if (adapters.length === 0) {
    const consoleAdapter = createConsoleAdapter({
      service: app.bot,
      input: io.input,
      output: io.output,
      interactive: io.interactive,
      logger: app.logger.child({ adapter: 'console' }),
      now: () => app.clock.now(),
    });
    adapters.push(consoleAdapter);
    done = Promise.race([done, consoleAdapter.finished]);
  }
  const started: ChatAdapter[] = [];
  try {
    if (adapters.some((a) => a.platform !== 'console')) {
      const t = performance.now();
      const n = await warmUp(app.bot, app.knowledge(), app.clock.now());
      app.logger.debug('answer path warmed', { questions: n, millis: Math.round(performance.now() - t) });
    }
    for (const a of adapters) {
      await a.start();
      started.push(a);
      app.logger.debug('adapter started', { platform: a.platform });
    }
    // Digests go to the channels of chat platforms; the console has none to subscribe.
    const posting = started.filter((a) => a.platform !== 'console');
    if (posting.length) await app.digests.schedule(posting).start();
    io.onRunning?.();
    await done;
  } finally {
    app.digests.scheduler?.stop();
    for (const a of started.reverse()) {
      try {
        await a.stop();
      } catch (err) {
        app.logger.warn('adapter did not stop cleanly', { platform: a.platform, error: err as Error });
      }
    }
  }
}
