import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { helpCommand } from '../../commands/help.js';
import { commandTest, SAMPLE } from './context.js';

describe('help command', () => {
  const run = commandTest(SAMPLE.cooperative);
  it('lists every registered command with its Korean word and an example', () => {
    const { reply, text } = run(helpCommand, '');
    expect(reply.kind).toBe('help');
    for (const c of COMMANDS) expect(text).toContain(`${c.aliases.ko[0]} (${c.name})`);
  });
});
