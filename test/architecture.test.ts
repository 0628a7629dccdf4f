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
});
