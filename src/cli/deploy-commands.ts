/**
 * `npm run deploy-commands -- [--guild ID | --global] [--clear]` — registers /ask, /date, /meeting,
 * /article, /reindex and /stats. With DISCORD_GUILD_ID (or --guild) they go to that server only
 * (visible at once); otherwise globally. --clear removes the commands registered there instead, e.g.
 * a development guild's copies once the global ones are live (else both show).
 * Exit codes: 0 done, 1 Discord refused, 2 bad arguments or missing DISCORD_TOKEN / DISCORD_APP_ID.
 */
import { parseCliArgs, UsageError } from './cli-args.ts';
import { loadCliConfig } from './cli-config.ts';
import { log } from '../log.ts';
import { DeployConfigError, deployCommands } from '../bot/deploy.ts';

const USAGE = `Usage: npm run deploy-commands -- [--guild ID | --global] [--clear]

  (no option)  register to DISCORD_GUILD_ID if set (instant), else globally (up to an hour to show)
  --guild ID   register to this server only
  --global     register globally, even with DISCORD_GUILD_ID set
  --clear      remove the commands registered there instead (e.g. old guild commands: --guild ID --clear)`;

async function main(argv: string[]): Promise<number> {
  const args = parseCliArgs(
    {
      args: argv,
      options: {
        guild: { type: 'string' },
        global: { type: 'boolean', default: false },
        clear: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    },
    USAGE,
    ({ values }) => {
      if (values.guild !== undefined && values.global) throw new UsageError('--guild and --global exclude each other');
      if (values.guild !== undefined && !/^\d{17,20}$/.test(values.guild))
        throw new UsageError('--guild must be a Discord id (17–20 digits)');
    },
  );
  if (args.exit !== undefined) return args.exit;
  const { values } = args.parsed;
  const config = loadCliConfig();
  if (!config) return 2;
  try {
    const r = await deployCommands(config, { guildId: values.global ? null : values.guild, clear: values.clear });
    const where =
      r.scope === 'guild'
        ? `to server ${values.guild ?? config.discord.guildId}`
        : 'globally (Discord may take up to an hour to show them)';
    if (values.clear) console.log(`Removed the commands registered ${where.replace(/^to /, 'on ')}.`);
    else console.log(`Registered ${r.count} commands (${r.names.map((n) => '/' + n).join(', ')}) ${where}.`);
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

process.exitCode = await main(process.argv.slice(2));
