/** The context a command runs in: knowledge, today, and the per-message lookups shared with routing. */
import type { CommandContext, Lookups } from './command.js';
import { findDepartment } from './departments.js';
import type { Knowledge } from './knowledge.js';
import { findPeople } from './people.js';

export function commandContext(
  knowledge: Knowledge,
  today = knowledge.clock.today(),
  extra: Pick<CommandContext, 'origin' | 'digests' | 'replay'> = {},
): CommandContext {
  const people = new Map<string, ReturnType<Lookups['people']>>();
  const departments = new Map<string, ReturnType<Lookups['department']>>();
  const ctx: CommandContext = {
    knowledge,
    today,
    ...extra,
    lookups: {
      people: (q) => memo(people, q, () => findPeople(q, knowledge)),
      department: (q) => memo(departments, q, () => findDepartment(q, ctx)),
    },
  };
  return ctx;
}

function memo<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  if (cache.has(key)) return cache.get(key)!;
  const value = compute();
  cache.set(key, value);
  return value;
}
