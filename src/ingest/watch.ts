/**
 * A folder kept in sync with the store (`damdang ingest DIR --watch`, DAMDANG_WATCH): read whole once, then a
 * file added or changed is ingested again and a removed one withdrawn (its versions stay as history).
 *
 * chokidar (5.0.0, the last major that runs on Node 20) rather than fs.watch: fs.watch reports a copy as a burst
 * of raw events per write, recursion on Linux is Node's own emulation, and a file still being written looks like
 * any other change; chokidar gives one add/change per file, folders created later watched too, and waits until a
 * file's size has stopped changing (awaitWriteFinish) before reporting it.
 */
import { statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { type FSWatcher, watch } from 'chokidar';
import type { ProjectStore } from '../store/store.js';
import { collectFiles, type DocumentReport, type IngestOptions, type IngestSummary, ingestFileAsync } from './ingest.js';
import { SUPPORTED_EXTENSIONS } from './parse.js';

/** What the watch did: a file read (stored, unchanged, restored or refused by name), withdrawn, or a watcher error. */
export type WatchEvent =
  | { kind: 'ingested'; report: DocumentReport }
  | { kind: 'withdrawn'; path: string }
  | { kind: 'error'; message: string };

export interface WatchOptions extends IngestOptions {
  onEvent: (event: WatchEvent) => void;
  /**
   * How long a file's size must stay the same (and no write be reported) before it is read: a copy still being
   * written is not stored half. Default 500 ms: a copy writes far more often than that, and staff expect a file
   * they drop in to be answered within a couple of seconds. A copy over a slow share that pauses longer is read
   * early: a half PDF or HWPX is refused as damaged, a half text stored, and either is read again as the copy
   * goes on. (Browsers download to .crdownload/.part, ignored here, and rename the whole file into place.)
   */
  stableMs?: number;
  /** Events on one file within this time are handled once (an add followed by a change). Default 50 ms. */
  debounceMs?: number;
}

export interface FolderWatch {
  /** Settles once the folders are being watched. */
  ready: Promise<void>;
  /** Stops watching; settles after the file being ingested (if any) is stored, with no timer or handle left. */
  close(): Promise<void>;
}

/** Files the walk also skips (hidden) and office lock files ('~$보고서.hwp' beside an open document). */
function skippedName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

function supported(path: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Brings the store in line with the folders as they are now: every document under them ingested (as `damdang
 * ingest` does), and the current documents once stored from under them whose file is gone withdrawn. An abort
 * stops it between two files (a bot asked to stop does not read the rest of a large folder first).
 */
export async function syncFolders(
  store: ProjectStore,
  dirs: string[],
  onProgress: (done: number, total: number, report: DocumentReport) => void = () => {},
  options: IngestOptions & { signal?: AbortSignal } = {},
): Promise<{ summary: IngestSummary; withdrawn: string[] }> {
  const started = performance.now();
  const { signal, ...ingestOptions } = options;
  const walked = collectFiles(dirs, SUPPORTED_EXTENSIONS);
  const { files } = walked;
  // A watched folder may start empty: documents are yet to come, which is no error here.
  const errors = walked.errors.filter((e) => !e.endsWith('(no documents in folder)'));
  const reports: DocumentReport[] = [];
  for (const [i, file] of files.entries()) {
    if (signal?.aborted) break;
    const report = await ingestFileAsync(store, file, ingestOptions);
    reports.push(report);
    onProgress(i + 1, files.length, report);
  }
  const withdrawn: string[] = [];
  for (const dir of dirs)
    for (const path of store.currentPathsUnder(resolve(dir)))
      if (!signal?.aborted && !isFile(path) && store.withdrawDocument(path)) withdrawn.push(path);
  const failed = reports.filter((r) => r.outcome === 'failed').length + errors.length;
  return { summary: { reports, pathErrors: errors, failed, millis: performance.now() - started }, withdrawn };
}

/**
 * Watches the folders (not reading what is there: syncFolders does) and applies each change to the store, one
 * file at a time. A file is looked at when its turn comes: present, it is ingested (a refusal is reported by name
 * and the file read again on its next change); gone, it is withdrawn. Nothing a file does ends the watch.
 */
export function watchFolders(store: ProjectStore, dirs: string[], options: WatchOptions): FolderWatch {
  const roots = dirs.map((d) => resolve(d));
  const { onEvent, stableMs = 500, debounceMs = 50, ...ingestOptions } = options;
  const report = (event: WatchEvent) => {
    try {
      onEvent(event);
    } catch {
      // A listener's failure (a closed stream) must not stop the watch.
    }
  };
  const timers = new Map<string, NodeJS.Timeout>();
  const queue = new Set<string>();
  let draining: Promise<void> | null = null;
  let closed = false;

  const apply = async (path: string): Promise<void> => {
    if (isFile(path)) {
      report({ kind: 'ingested', report: await ingestFileAsync(store, path, ingestOptions) });
      return;
    }
    if (store.withdrawDocument(path)) report({ kind: 'withdrawn', path });
  };
  const drain = async (): Promise<void> => {
    for (let next = first(queue); next !== undefined && !closed; next = first(queue)) {
      queue.delete(next);
      try {
        await apply(next);
      } catch (err) {
        report({ kind: 'error', message: `${next}: ${(err as Error).message}` });
      }
    }
  };
  const schedule = (path: string) => {
    if (closed) return;
    clearTimeout(timers.get(path));
    timers.set(
      path,
      setTimeout(() => {
        timers.delete(path);
        queue.add(path);
        draining ??= drain().finally(() => (draining = null));
      }, debounceMs),
    );
  };

  const watcher: FSWatcher = watch(roots, {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: stableMs, pollInterval: Math.min(100, stableMs) },
    // Asked first without stats: then the name alone decides, since a folder's name may end like an extension.
    ignored: (path, stats) =>
      (!roots.includes(path) && skippedName(basename(path))) || (stats?.isFile() === true && !supported(path)),
  });
  watcher.on('add', schedule);
  watcher.on('change', schedule);
  watcher.on('unlink', schedule);
  // A folder removed at once: what was stored from under it goes with it.
  watcher.on('unlinkDir', (dir) => {
    try {
      for (const path of store.currentPathsUnder(dir)) schedule(path);
    } catch (err) {
      report({ kind: 'error', message: `${dir}: ${(err as Error).message}` });
    }
  });
  watcher.on('error', (err) => report({ kind: 'error', message: `${roots.join(', ')}: ${(err as Error).message}` }));
  const ready = new Promise<void>((done) => watcher.once('ready', () => done()));

  return {
    ready,
    async close() {
      closed = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      queue.clear();
      await watcher.close();
      await draining;
    },
  };
}

function first<T>(set: Set<T>): T | undefined {
  for (const x of set) return x;
  return undefined;
}

