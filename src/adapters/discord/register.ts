/**
 * `damdang discord:register`: puts the /damdang command to Discord (bulk overwrite, so a re-run replaces the
 * old definition). Guild commands appear at once; global ones can take up to an hour to reach every server.
 */
import { REST, Routes } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import { registrationPayload, validateRegistration } from './commands.js';

export interface RegisterResult {
  scope: 'guild' | 'global';
  guildId: string | null;
  commands: number;
}

export class RegistrationError extends Error {
  override name = 'RegistrationError';
}

/** The payload, refused with every broken rule named when it breaks one of Discord's. */
export function checkedPayload() {
  const payload = registrationPayload();
  const problems = validateRegistration(payload);
  if (problems.length) throw new RegistrationError(`등록 내용이 Discord 규칙에 맞지 않습니다:\n${problems.join('\n')}`);
  return payload;
}

export async function registerCommands(config: DiscordConfig, guildId: string | null): Promise<RegisterResult> {
  const payload = checkedPayload();
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const route = guildId
    ? Routes.applicationGuildCommands(config.appId, guildId)
    : Routes.applicationCommands(config.appId);
  const saved = (await rest.put(route, { body: payload })) as unknown[];
  return { scope: guildId ? 'guild' : 'global', guildId, commands: saved.length };
}
