/**
 * The small test context of a command test: a real SQLite store built from one sample document, and a
 * `run(command, query)` that calls the command directly, past the router, with "today" fixed.
 */
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Command } from '../../src/core/command.js';
import { commandContext } from '../../src/core/context.js';
import type { Reply } from '../../src/core/reply.js';
import { renderText } from '../../src/render/text.js';
import { knowledgeOf, SAMPLES } from '../helpers.js';

export const SAMPLE = {
  audit: join(SAMPLES, 'yeongdeungpo-audit-annual-report.txt'),
  cooperative: join(SAMPLES, 'suwon-policy-sheet-cooperative-governance.txt'),
  humanRights: join(SAMPLES, 'suwon-policy-sheet-3-8-76-human-rights-governance.txt'),
  workPlan: join(SAMPLES, 'incheon-innovation-2019-work-plan.txt'),
} as const;

export function commandTest(document: string, today = '2021-06-01') {
  const { store, knowledge } = knowledgeOf([document], today);
  afterAll(() => store.close());
  return (command: Command, query: string): { reply: Reply; text: string } => {
    const reply = command.run({ query, message: query }, commandContext(knowledge));
    return { reply, text: renderText(reply) };
  };
}
