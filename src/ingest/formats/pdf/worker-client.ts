/**
 * The one worker thread that runs pdfjs (extract-worker.mjs), started on first use and reused: starting one costs
 * more than reading a short PDF. Jobs run one at a time; a job past its time limit ends the worker, and the next job
 * starts a fresh one. The worker does not keep the process alive while idle.
 */
import { Worker } from 'node:worker_threads';

/**
 * A text item as the worker sends it: text, x, baseline y, horizontal and vertical size, width (page points), and 1
 * when the file's text wrote a space right before it.
 */
export type RawItem = [text: string, x: number, y: number, sizeX: number, sizeY: number, width: number, spaceBefore: 0 | 1];

export interface RawPage {
  width: number;
  height: number;
  items: RawItem[];
  /** Horizontal and vertical rules the page draws, flat as x0, y0, x1, y1 in page points (x0 ≤ x1, y0 ≤ y1). */
  rules: number[];
  /** Where each run of text the page places by its own matrix or move begins, and its glyphs: flat x, y, glyphs. */
  starts: number[];
}

export interface RawPdf {
  pages: RawPage[];
  title: string | null;
}

export type ExtractFailure = { kind: 'password' | 'invalid' | 'other' | 'timeout' | 'crash'; message: string };

type Reply = ({ ok: true } & RawPdf) | ({ ok: false } & ExtractFailure);

export class ExtractError extends Error {
  constructor(readonly failure: ExtractFailure) {
    super(failure.message);
  }
}

const WORKER_URL = new URL('./extract-worker.mjs', import.meta.url);

let worker: Worker | null = null;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 1;

function startWorker(): Worker {
  // A PDF that asks for more than this is refused rather than taking the bot's memory with it.
  const w = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
  // A worker that dies while idle is replaced by the next job rather than sent work it never answers.
  w.once('exit', () => {
    if (worker === w) worker = null;
  });
  w.unref();
  return w;
}

function runOnce(bytes: Uint8Array, timeoutMs: number): Promise<RawPdf> {
  const w = (worker ??= startWorker());
  const id = nextId++;
  return new Promise<RawPdf>((resolve, reject) => {
    const finish = (fn: () => void) => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      w.unref();
      fn();
    };
    const drop = () => {
      if (worker === w) worker = null;
      void w.terminate();
    };
    const onMessage = (reply: Reply & { id: number }) => {
      if (reply.id !== id) return;
      if (reply.ok) finish(() => resolve({ pages: reply.pages, title: reply.title }));
      else finish(() => reject(new ExtractError({ kind: reply.kind, message: reply.message })));
    };
    const onError = (err: Error) => {
      drop();
      finish(() => reject(new ExtractError({ kind: 'crash', message: err.message })));
    };
    const onExit = (code: number) => {
      if (worker === w) worker = null;
      finish(() => reject(new ExtractError({ kind: 'crash', message: `worker exited with code ${code}` })));
    };
    const timer = setTimeout(() => {
      drop();
      finish(() => reject(new ExtractError({ kind: 'timeout', message: `no answer in ${timeoutMs} ms` })));
    }, timeoutMs);
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.ref();
    // A copy, transferred: pdfjs takes ownership of the buffer it reads, and the caller keeps its own bytes.
    const data = new Uint8Array(bytes);
    w.postMessage({ id, data }, [data.buffer]);
  });
}

/** Text items and page sizes of a PDF, read in the worker; rejects with an ExtractError. */
export function extractPdf(bytes: Uint8Array, timeoutMs: number): Promise<RawPdf> {
  const job = queue.then(() => runOnce(bytes, timeoutMs));
  queue = job.catch(() => undefined);
  return job;
}
