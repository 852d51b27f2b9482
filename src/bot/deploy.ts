/** Registers the slash commands with Discord: to one guild (instant, for development) or globally. */
import { REST, Routes } from 'discord.js';
import type { Config } from '../config.ts';
import { commandDefinitions } from './commands/index.ts';

export interface DeployResult {
  count: number;
  names: string[];
  scope: 'guild' | 'global';
}

export class DeployConfigError extends Error {}

export interface DeployOptions {
  /** Where: this guild, or globally (`null`); default DISCORD_GUILD_ID if set, else global. */
  guildId?: string | null;
  /** Register nothing there, removing what was registered (old guild commands once global ones exist). */
  clear?: boolean;
}

export async function deployCommands(config: Config, opts: DeployOptions = {}): Promise<DeployResult> {
  const { token, appId, apiBase } = config.discord;
  const guildId = opts.guildId === undefined ? config.discord.guildId : (opts.guildId ?? undefined);
  const missing = [!token && 'DISCORD_TOKEN', !appId && 'DISCORD_APP_ID'].filter(Boolean);
  if (missing.length) {
    throw new DeployConfigError(
      `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set. Put them in .env (see .env.example): ` +
        'the bot token and the application id from https://discord.com/developers/applications.',
    );
  }
  const rest = new REST(apiBase ? { api: apiBase } : {}).setToken(token!);
  const route = guildId ? Routes.applicationGuildCommands(appId!, guildId) : Routes.applicationCommands(appId!);
  const body = opts.clear ? [] : commandDefinitions();
  const registered = (await rest.put(route, { body })) as Array<{ name: string }>;
  return { count: registered.length, names: registered.map((c) => c.name), scope: guildId ? 'guild' : 'global' };
}
