import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
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

  it('loads a chat SDK only when its platform starts: the CLI statically reaches neither Bolt nor discord.js', () => {
    // Static imports only (`import … from`, not `await import(…)`), followed through our own files.
    const reached = new Set<string>();
    const sdk: string[] = [];
    const visit = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm)) {
        const spec = m[1]!;
        if (/^(?:@slack\/|discord\.js)/.test(spec)) sdk.push(`${file} → ${spec}`);
        else if (spec.startsWith('.')) visit(normalize(join(dirname(file), spec.replace(/\.js$/, '.ts'))));
      }
    };
    visit(join('src', 'cli.ts'));
    expect(reached.has(join('src', 'adapters', 'index.ts'))).toBe(true);
    expect(sdk).toEqual([]);
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

  it('keeps answering free of reading: nothing under src/core or commands imports src/ingest', () => {
    const offenders = [...sources(join('src', 'core')), ...sources('commands')].filter((f) =>
      /from\s+['"][./]*(?:src\/)?ingest\//.test(readFileSync(f, 'utf8')),
    );
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

  it('answers from stored blocks and cells: no new reader of a document\'s raw lines under src/core or commands', () => {
    // Knowledge.blocksAt is what answering reads (a block keeps its lines as written where a reader needs one line
    // of it, a table's first row its header lines), and the search index is built from the stored blocks too.
    const readsLines = /\.lines\(|\bdocumentLines\b|\bknowledge\.lines\b/;
    const offenders = [...sources(join('src', 'core')), ...sources('commands')]
      .filter((f) => readsLines.test(readFileSync(f, 'utf8')))
      .sort();
    expect(offenders).toEqual([]);
  });
});
