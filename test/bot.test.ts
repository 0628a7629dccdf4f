import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../commands/index.js';
import { createBot } from '../src/bot.js';
import type { Inbound } from '../src/core/inbound.js';
import { liveKnowledge } from '../src/core/knowledge.js';
import { fixedClock } from '../src/domain/clock.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { createLogger } from '../src/logger.js';
import { renderText } from '../src/render/text.js';
import { ProjectStore } from '../src/store/store.js';
import { SAMPLES, storeWith, tempDir, testOrigin } from './helpers.js';

const AUDIT = join(SAMPLES, 'yeongdeungpo-audit-annual-report.txt');
const COOP = join(SAMPLES, 'suwon-policy-sheet-cooperative-governance.txt');
const at = new Date('2021-06-01T01:00:00Z');
const textIn = (text: string): Inbound => ({ kind: 'text', text, origin: testOrigin(), at });
const stores: ProjectStore[] = [];
afterAll(() => stores.forEach((s) => s.close()));

function botOver(paths: string[], extra: Partial<Parameters<typeof createBot>[0]> = {}) {
  const store = storeWith(paths);
  stores.push(store);
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', write: (l) => lines.push(l) });
  const bot = createBot({ knowledge: liveKnowledge(store, fixedClock('2021-06-01')), commands: COMMANDS, logger, ...extra });
  return { store, bot, lines };
}

describe('the answering service', () => {
  it('answers free text through intent routing', async () => {
    const { bot } = botOver([AUDIT]);
    const r = await bot.handle(textIn('순찰 행정 예산 얼마나 썼어?'));
    expect(r.kind).toBe('answer');
    expect(renderText(r)).toContain('18,630천원');
  });

  it('routes a command with arguments as it is, by name or alias, never re-read as text', async () => {
    const { bot } = botOver([COOP]);
    const byName = await bot.handle({ kind: 'command', command: 'budget', args: { query: '협치' }, origin: testOrigin(), at });
    expect(renderText(byName)).toMatch(/2019[^\n]*31백만원[^\n]*15백만원/);
    const byAlias = await bot.handle({ kind: 'command', command: '예산', args: { query: '협치' }, origin: testOrigin(), at });
    expect(renderText(byAlias)).toBe(renderText(byName));
    // As text, "도움말" is the help command; as the search command's argument it is only a search word.
    expect((await bot.handle(textIn('도움말'))).kind).toBe('help');
    const search = await bot.handle({ kind: 'command', command: 'search', args: { query: '도움말' }, origin: testOrigin(), at });
    expect(search.kind).toBe('not_found');
    const unknown = await bot.handle({ kind: 'command', command: 'launch', args: {}, origin: testOrigin(), at });
    expect(unknown.kind).toBe('error');
    expect(unknown.title).toContain('launch');
  });

  it('answers from a document ingested into the same SQLite file after it started', async () => {
    const dir = tempDir();
    const file = join(dir, 'live.db');
    const store = storeWith([AUDIT], file);
    stores.push(store);
    const knowledge = liveKnowledge(store, fixedClock('2021-06-01'));
    const live = createBot({ knowledge, commands: COMMANDS });
    const before = await live.handle(textIn('예산 협치'));
    expect(renderText(before)).not.toContain('31백만원');
    // Another process (the `ingest` command) writes the same file through its own connection.
    const writer = ProjectStore.open(file);
    copyFileSync(COOP, join(dir, 'coop.txt'));
    ingestPaths(writer, [join(dir, 'coop.txt')]);
    writer.close();
    // The next generation is read in the background (test/core/live-knowledge.test.ts); once it is in:
    knowledge();
    await knowledge.settled();
    knowledge.close();
    const after = await live.handle(textIn('예산 협치'));
    expect(after.kind).toBe('answer');
    expect(renderText(after)).toMatch(/2019[^\n]*31백만원[^\n]*15백만원/);
  });

  it('logs a failure with an incident id and tells the user only a short Korean message with it', async () => {
    const lines: string[] = [];
    const bot = createBot({
      knowledge: () => {
        throw new Error('SQLITE_CORRUPT: database disk image is malformed at /secret/path.db');
      },
      logger: createLogger({ write: (l) => lines.push(l) }),
      incidentId: () => 'ab12cd34',
    });
    const r = await bot.handle(textIn('예산 협치'));
    const shown = renderText(r);
    expect(r.kind).toBe('error');
    expect(shown).toContain('ab12cd34');
    expect(shown).not.toMatch(/SQLITE|secret|malformed/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ERROR .*answer failed .*incident=ab12cd34/);
    expect(lines[0]).toContain('SQLITE_CORRUPT');
  });

  it('gives each failure its own incident id', async () => {
    const bot = createBot({ knowledge: () => { throw new Error('x'); } });
    const a = await bot.handle(textIn('a'));
    const b = await bot.handle(textIn('b'));
    const id = (t: string) => /사건 번호 ([0-9a-f]{8})/.exec(t)?.[1];
    expect(id(a.title)).toBeDefined();
    expect(id(a.title)).not.toBe(id(b.title));
  });
});
