/**
 * Two ingests of the same 200 real documents and an answering loop, at once, on one new SQLite file: every
 * document stored exactly once, every reply well-formed, the file intact. Twenty rounds: one with real `damdang`
 * processes, the rest with worker threads (each its own connection) so process start-up does not dominate.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { checkStore, replyProblem } from './check.js';
import { SCALE, scaleDocuments } from './scale.js';
import type { AskResult, IngestResult, Job } from './worker.js';

const FILES = scaleDocuments(200);
const QUESTIONS = ['순찰 행정 예산 얼마나 썼어?', '정책기획과장 전화번호', '찾기 일자리', '현황 15-3-5', 'everyone123 사업'];
const ROUNDS = 20;

function tsWorker(): Worker {
  return new Worker(new URL('./ts-worker.mjs', import.meta.url), {
    workerData: { module: new URL('./worker.ts', import.meta.url).href },
  });
}

function run<T>(w: Worker, job: Job): Promise<T> {
  return new Promise((resolve, reject) => {
    const fail = (err: Error) => reject(err);
    w.once('error', fail);
    w.once('message', (m: T) => {
      w.off('error', fail);
      resolve(m);
    });
    w.postMessage(job);
  });
}

function cli(args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/damdang.js', ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe.skipIf(!SCALE)('two ingests and answering on one database at once', () => {
  let workers: Worker[] = [];
  beforeAll(() => {
    workers = [tsWorker(), tsWorker(), tsWorker()];
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  });

  it('takes 200 real documents', () => {
    expect(FILES).toHaveLength(200);
  });

  it('with real processes: every document once, no locked failures, every reply well-formed', async () => {
    const db = join(tempDir(), 'same.db');
    let ingesting = true;
    const ingests = Promise.all([cli(['ingest', ...FILES, '--db', db]), cli(['ingest', ...FILES.toReversed(), '--db', db])]);
    void ingests.then(() => (ingesting = false));
    const replies: string[] = [];
    const askErrors: string[] = [];
    do {
      const r = await cli(['ask', '--json', '--db', db], `${QUESTIONS.join('\n')}\n`);
      if (r.code !== 0) askErrors.push(r.stderr);
      replies.push(...r.stdout.trimEnd().split('\n'));
    } while (ingesting);
    const [a, b] = await ingests;
    for (const r of [a, b]) {
      expect(r.stderr).not.toMatch(/locked|✗/);
      expect(r.code, r.stderr.slice(-600)).toBe(0);
    }
    const news = [a, b].map((r) => Number(/새로 (\d+)/.exec(r.stderr)?.[1]));
    expect(news[0]! + news[1]!).toBe(200);
    expect(askErrors).toEqual([]);
    expect(replies.length).toBeGreaterThanOrEqual(QUESTIONS.length);
    expect(replies.map(replyProblem).filter(Boolean)).toEqual([]);
    expect(checkStore(db, FILES)).toEqual({ integrity: 'ok', notOnce: [], partial: 0 });
  }, 180_000);

  it(`with worker threads, ${ROUNDS - 1} more rounds: the same`, async () => {
    const [ingestA, ingestB, asker] = workers as [Worker, Worker, Worker];
    for (let round = 1; round < ROUNDS; round++) {
      const db = join(tempDir(), `round-${round}.db`);
      const stop = new Int32Array(new SharedArrayBuffer(4));
      const asking = run<AskResult>(asker, { role: 'ask', db, questions: QUESTIONS, stop });
      // Odd rounds race on the same document each step; even rounds meet in the middle.
      const second = round % 2 ? FILES : FILES.toReversed();
      const [a, b] = await Promise.all([
        run<IngestResult>(ingestA, { role: 'ingest', db, files: FILES }),
        run<IngestResult>(ingestB, { role: 'ingest', db, files: second }),
      ]);
      Atomics.store(stop, 0, 1);
      Atomics.notify(stop, 0);
      const asked = await asking;
      const label = `round ${round}`;
      expect([...a.errors, ...b.errors], label).toEqual([]);
      expect((a.outcomes.new ?? 0) + (b.outcomes.new ?? 0), label).toBe(200);
      expect((a.outcomes.unchanged ?? 0) + (b.outcomes.unchanged ?? 0), label).toBe(200);
      expect(asked.errors, label).toEqual([]);
      expect(asked.replies.length, label).toBeGreaterThanOrEqual(QUESTIONS.length);
      expect(asked.replies.map(replyProblem).filter(Boolean), label).toEqual([]);
      expect(checkStore(db, FILES), label).toEqual({ integrity: 'ok', notOnce: [], partial: 0 });
    }
  }, 400_000);
});
