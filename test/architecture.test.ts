import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const ALL = [...sources('src'), ...sources('commands')];
const CHAT_SDK = /from\s+['"](?:@slack\/|discord\.js)/;

describe('architecture rules', () => {
  it('imports a chat SDK only under src/adapters', () => {
    const offenders = ALL.filter(
      (f) => !f.startsWith(join('src', 'adapters')) && CHAT_SDK.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('reads the environment only in src/config.ts', () => {
    const offenders = ALL.filter((f) => f !== join('src', 'config.ts') && /process\.env/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps commands platform-free: no renderer or adapter imports', () => {
    const offenders = sources('commands').filter((f) =>
      /from\s+['"][./]*src\/(?:adapters|render)\//.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps core free of the command registry: the composition root hands it in', () => {
    const offenders = sources(join('src', 'core')).filter((f) => /from\s+['"][./]*commands\//.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps the store free of ingest: shared document types live in domain', () => {
    const offenders = sources(join('src', 'store')).filter((f) => /from\s+['"]\.\.\/ingest\//.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps domain a leaf: it imports nothing else of ours', () => {
    const offenders = sources(join('src', 'domain')).filter((f) => /from\s+['"]\.\.\//.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
