/**
 * `npm start` — with DISCORD_TOKEN: opens the reports (building the index first if there is none)
 * and serves Discord. Without: says so in one line and opens a local chat on the same answering code.
 */
import { loadCliConfig } from './cli-config.ts';
import { log } from '../log.ts';
import { createContext, startBot } from '../bot/client.ts';
import { runChat } from './chat.ts';
import { openReports } from './open-reports.ts';

async function main(): Promise<number> {
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
  const code = await main();
  if (code !== 0) process.exitCode = code;
} catch (err) {
  log.error('start failed', err);
  process.exitCode = 1;
}
