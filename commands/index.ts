/** The explicit command registry (no filesystem scan). Order matters only for help. */
import type { Command } from '../src/core/command.js';
import { budgetCommand } from './budget.js';
import { contactCommand } from './contact.js';
import { departmentCommand } from './department.js';
import { digestCommand } from './digest.js';
import { helpCommand, helpEntries } from './help.js';
import { milestonesCommand } from './milestones.js';
import { ownerCommand } from './owner.js';
import { projectCommand } from './project.js';
import { searchCommand } from './search.js';
import { statusCommand } from './status.js';

export const COMMANDS: readonly Command[] = [
  projectCommand,
  statusCommand,
  budgetCommand,
  milestonesCommand,
  contactCommand,
  ownerCommand,
  departmentCommand,
  searchCommand,
  digestCommand,
  helpCommand,
];

helpEntries.push(
  ...COMMANDS.map((c) => ({
    name: c.name,
    ko: c.aliases.ko[0] ?? c.name,
    description: c.description,
    example: c.examples[0] ?? c.name,
  })),
);

export function commandNamed(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
