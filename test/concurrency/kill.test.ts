/**
 * `kill -9` an ingest of 200 real documents at five random points (a random count of committed documents):
 * after each kill the file is intact with no half-written document, and a last run completes the set.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { checkStore } from './check.js';
import { SCALE, scaleDocuments } from './scale.js';

const FILES = scaleDocuments(200);

function storedCount(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not yet migrated
  }
}

/** Starts an ingest and kills it with SIGKILL once `target` documents are committed (or lets it finish). */
function ingestKilledAt(db: string, target: number): Promise<{ killed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/damdang.js', 'ingest', ...FILES, '--db', db], { stdio: 'ignore' });
    let killed = false;
    const poll = setInterval(() => {
      if (storedCount(db) >= target && child.exitCode === null) {
        killed = child.kill('SIGKILL');
        clearInterval(poll);
      }
    }, 5);
    child.on('exit', () => {
      clearInterval(poll);
      resolve({ killed });
    });
  });
}

describe.skipIf(!SCALE)('an ingest killed with SIGKILL', () => {
  it('leaves an intact file with whole documents, five times, and a re-run completes', async () => {
    const db = join(tempDir(), 'killed.db');
    let kills = 0;
    for (let i = 0; i < 5; i++) {
      const done = storedCount(db);
      const target = Math.min(FILES.length - 1, done + 1 + Math.floor(Math.random() * 30));
      if ((await ingestKilledAt(db, target)).killed) kills++;
      const check = checkStore(db, []);
      expect(check.integrity).toBe('ok');
      expect(check.partial).toBe(0);
    }
    expect(kills).toBe(5);
    const rerun = spawnSync(process.execPath, ['bin/damdang.js', 'ingest', ...FILES, '--db', db], { encoding: 'utf8' });
    expect(rerun.status).toBe(0);
    expect(rerun.stderr).toMatch(/실패 0건/);
    expect(checkStore(db, FILES)).toEqual({ integrity: 'ok', notOnce: [], partial: 0 });
  }, 120_000);
});
