/** The folder walk with hostile entries: each is refused by name and the rest of the run goes on. */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles, ingestPaths } from '../../src/ingest/ingest.js';
import { ProjectStore } from '../../src/store/store.js';
import { SAMPLES, tempDir } from '../helpers.js';

const SHEET = `${SAMPLES}/suwon-policy-sheet-cooperative-governance.txt`;
const PLAN = `${SAMPLES}/incheon-innovation-2019-work-plan.txt`;

async function hostileFolder(): Promise<{ dir: string; close: () => void }> {
  const dir = tempDir();
  copyFileSync(SHEET, join(dir, 'a-sheet.txt'));
  mkfifo(join(dir, 'fifo.txt'));
  symlinkSync('/dev/null', join(dir, 'device.txt'));
  symlinkSync(join(dir, 'self.txt'), join(dir, 'self.txt'));
  symlinkSync(join(dir, 'gone.txt'), join(dir, 'broken.txt'));
  const other = tempDir();
  copyFileSync(PLAN, join(other, 'plan.txt'));
  symlinkSync(other, join(dir, 'linked'));
  mkdirSync(join(dir, 'sub'));
  symlinkSync(dir, join(dir, 'sub', 'back'));
  // The same document reached again through a second link is not a second document.
  symlinkSync(join(dir, 'a-sheet.txt'), join(dir, 'sub', 'again.txt'));
  const server = createServer();
  await new Promise<void>((r) => server.listen(join(dir, 'socket.txt'), r));
  return { dir, close: () => server.close() };
}

function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo ${path}: ${r.stderr}`);
}

describe('the folder walk', () => {
  it('refuses FIFOs, sockets, devices, loops and broken links by name, follows a linked folder once', async () => {
    const { dir, close } = await hostileFolder();
    try {
      const { files, errors } = collectFiles([dir]);
      expect(files).toEqual([join(dir, 'a-sheet.txt'), join(dir, 'linked', 'plan.txt')]);
      expect(errors).toEqual(
        expect.arrayContaining([
          `${join(dir, 'fifo.txt')}: 일반 파일이 아니라서 읽지 않습니다 (FIFO)`,
          `${join(dir, 'socket.txt')}: 일반 파일이 아니라서 읽지 않습니다 (socket)`,
          `${join(dir, 'device.txt')}: 일반 파일이 아니라서 읽지 않습니다 (device)`,
          `${join(dir, 'self.txt')}: 링크가 자기 자신을 가리킵니다 (symlink loop)`,
          expect.stringMatching(/broken\.txt: 파일이 없습니다/),
          expect.stringMatching(/sub\/back: 상위 폴더를 다시 가리키는 링크입니다 \(symlink loop/),
        ]),
      );
      expect(errors).toHaveLength(6);
      const store = ProjectStore.open(join(tempDir(), 'walk.db'));
      const summary = ingestPaths(store, [dir]);
      expect(summary.reports.map((r) => r.outcome)).toEqual(['new', 'new']);
      expect(summary.failed).toBe(6);
      store.close();
    } finally {
      close();
    }
  });

  it('never blocks on a FIFO named .txt given as an argument', () => {
    const dir = tempDir();
    mkfifo(join(dir, 'pipe.txt'));
    const r = spawnSync(
      process.execPath,
      ['bin/damdang.js', 'ingest', join(dir, 'pipe.txt'), SHEET, '--db', join(dir, 'f.db')],
      { encoding: 'utf8', timeout: 20_000 },
    );
    expect(r.signal).toBeNull();
    expect(r.stderr).toContain(`${join(dir, 'pipe.txt')}: 일반 파일이 아니라서 읽지 않습니다 (FIFO)`);
    expect(r.stderr).toMatch(/새로 1/);
    expect(r.status).toBe(1);
  });

  it('reports an unreadable folder and an unreadable file by name and ingests the rest', (ctx) => {
    // As root the walk runs as an ordinary user (root reads everything); that user must reach the checkout. A
    // checkout under a private folder (mktemp -d is 0700) cannot be run by it, so there is nothing to observe.
    if (process.getuid?.() === 0 && !othersCanReach(process.cwd())) return ctx.skip();
    const dir = tempDir();
    chmodSync(dir, 0o755);
    copyFileSync(SHEET, join(dir, 'a-sheet.txt'));
    mkdirSync(join(dir, 'locked'));
    copyFileSync(PLAN, join(dir, 'locked', 'plan.txt'));
    chmodSync(join(dir, 'locked'), 0o000);
    copyFileSync(PLAN, join(dir, 'secret.txt'));
    chmodSync(join(dir, 'secret.txt'), 0o000);
    const dbDir = tempDir();
    chmodSync(dbDir, 0o777);
    // Root reads everything: the walk is run as an ordinary user, as staff would run it.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(process.execPath, ['bin/damdang.js', 'ingest', dir, '--db', join(dbDir, 'u.db')], {
      encoding: 'utf8',
      timeout: 30_000,
      ...asUser,
      env: { ...process.env, HOME: dbDir },
    });
    expect(r.stderr).toContain(`${join(dir, 'locked')}: 읽을 권한이 없습니다 (permission denied)`);
    expect(r.stderr).toContain(`${join(dir, 'secret.txt')}: 읽을 권한이 없습니다 (permission denied)`);
    expect(r.stderr).toMatch(/새로 1, .*실패 2건/);
    expect(r.status).toBe(1);
  });
});

/** Whether a user other than the owner may pass through every folder down to `path` (each has o+x). */
function othersCanReach(path: string): boolean {
  for (let p = path; ; p = dirname(p)) {
    if ((statSync(p).mode & 0o001) === 0) return false;
    if (dirname(p) === p) return true;
  }
}
