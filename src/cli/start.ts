/**
 * `npm start` — with DISCORD_TOKEN: opens the reports (building the index first if there is none)
 * and serves Discord. Without: says so in one line and opens a local chat on the same answering code.
 */
import { loadCliConfig } from './cli-config.ts';
import { log } from '../log.ts';
import { createContext, startBot } from '../bot/client.ts';
import { runChat } from './chat.ts';
import { openReports } from './open-reports.ts';
import { errorCode } from '../index/errors.ts';
import { noReportsLine } from './no-reports.ts';

const USAGE = `Usage: npm start   (no arguments; configured by the environment and .env, see .env.example)

  With DISCORD_TOKEN: serves Discord. Without: a local chat on the terminal (or questions piped in, one a line).
  Reports are read from BAOXUN_REPORTS_DIR (default data/reports); the index (BAOXUN_INDEX_DIR) is built or
  brought up to date at start-up.`;

async function main(argv: string[]): Promise<number> {
  if (argv.length) {
    const help = argv.every((a) => a === '--help' || a === '-h');
    (help ? process.stdout : process.stderr).write(`${help ? '' : `Unexpected argument ${argv.find((a) => a !== '--help' && a !== '-h')}\n`}${USAGE}\n`);
    return help ? 0 : 2;
  }
  const config = loadCliConfig();
  if (!config) return 2;
  // A stray rejected promise is logged, never fatal: the bot keeps serving.
  process.on('unhandledRejection', (err) => log.error('Unhandled promise rejection', err));

  if (!config.discord.token) {
    console.log('No DISCORD_TOKEN set, so opening a local chat instead: type a question (Ctrl-D to quit).');
    const { engine } = await openReports(config);
    await runChat(engine, process.stdin, process.stdout, process.stdin.isTTY === true);
    return 0;
  }

  const { engine, reindex } = await openReports(config);
  const client = await startBot(createContext(config, engine, reindex));
  const stop = () => {
    log.info('Shutting down…');
    void client.destroy().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

try {
  const code = await main(process.argv.slice(2));
  if (code !== 0) process.exitCode = code;
} catch (err) {
  if (errorCode(err) === 'NO_ARTICLES') {
    // The first thing a newcomer meets: one line saying where reports go, no stack.
    process.stderr.write(`${noReportsLine(loadCliConfig()?.reportsDir ?? 'data/reports')}\n`);
  } else {
    log.error('start failed', err);
  }
  process.exitCode = 1;
}
