/**
 * `npm run deploy-commands` — registers /ask, /date, /meeting, /article and /reindex. With
 * DISCORD_GUILD_ID they go to that server only (visible at once); otherwise globally.
 */
import { loadCliConfig } from './cli-config.ts';
import { log } from '../log.ts';
import { DeployConfigError, deployCommands } from '../bot/deploy.ts';

async function main(): Promise<number> {
  const config = loadCliConfig();
  if (!config) return 2;
  try {
    const r = await deployCommands(config);
    const where = r.scope === 'guild' ? `to server ${config.discord.guildId}` : 'globally (Discord may take up to an hour to show them)';
    console.log(`Registered ${r.count} commands (${r.names.map((n) => '/' + n).join(', ')}) ${where}.`);
    return 0;
  } catch (err) {
    if (err instanceof DeployConfigError) {
      console.error(err.message);
      return 2;
    }
    log.error('Registering the commands failed', err);
    return 1;
  }
}

process.exitCode = await main();
