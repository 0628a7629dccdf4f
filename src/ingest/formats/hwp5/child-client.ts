/**
 * Runs one stage of extract-child.mjs in a child process of its own, with a time and memory limit: whatever the
 * library does to that process (abort, endless loop, runaway memory), this one goes on and hears why it failed.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type Hwp5Stage = 'sections' | 'hwp.js' | 'preview';

export type StageFailure = { kind: 'error' | 'crash' | 'timeout'; message: string };

export class StageError extends Error {
  constructor(readonly failure: StageFailure) {
    super(failure.message);
  }
}

const CHILD = fileURLToPath(new URL('./extract-child.mjs', import.meta.url));
/** A file that asks for more is refused rather than taking the machine's memory. */
const MAX_HEAP_MB = 1024;
const MAX_STDERR = 2000;

/** The stage's stdout (JSON text); rejects with a StageError. */
export function runStage(stage: Hwp5Stage, bytes: Uint8Array, timeoutMs: number): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    // Plain JavaScript: the parent's loader flags (tsx, vitest's) are not passed on; the environment is inherited.
    const child = spawn(process.execPath, [`--max-old-space-size=${MAX_HEAP_MB}`, CHILD, stage], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => {
      if (err.length < MAX_STDERR) err += c.toString('utf8');
    });
    // A child that dies before reading its input closes the pipe; that is told by its exit, not here.
    child.stdin.on('error', () => undefined);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new StageError({ kind: 'crash', message: e.message }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) reject(new StageError({ kind: 'timeout', message: `no answer in ${timeoutMs} ms` }));
      else if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else if (code === 2) reject(new StageError({ kind: 'error', message: err.trim() }));
      else reject(new StageError({ kind: 'crash', message: `${signal ?? `exit code ${code}`}: ${firstLines(err)}` }));
    });
    child.stdin.end(bytes);
  });
}

/** A panic's message without its backtrace. */
function firstLines(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => l.trim() && !/^(?:stack backtrace|note:|\s+\d+:|\s+at )/.test(l))
    .slice(0, 2)
    .join(' ')
    .slice(0, 300);
}
