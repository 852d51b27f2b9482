/**
 * `npm start` — with DISCORD_TOKEN: opens the reports (building the index first if there is none)
 * and serves Discord, updating the index in the background when the reports changed while stopped
 * (and, with BAOXUN_WATCH=1, while running), writing the status file and the question log; stops
 * cleanly on SIGTERM/SIGINT. Without a token: says so in one line and opens a local chat on the same
 * answering code, the index brought up to date before the first answer.
 */
import { loadCliConfig } from './cli-config.ts';
import { log } from '../log.ts';
import { runChat } from './chat.ts';
import { openReports } from './open-reports.ts';
import { errorCode } from '../index/errors.ts';
import { checkNoArguments } from './no-arguments.ts';
import { QuestionLog } from '../ops/question-log.ts';
import { LoggedFeedback, loggedReports } from '../ops/logged-reports.ts';
// Imported where used: discord.js (the bot, the status writer) costs ~0.3 s of start-up the local
// chat never needs, and the report formats (no-reports.ts) only name the extensions on that error.

const USAGE = `Usage: npm start   (no arguments; configured by the environment and .env, see .env.example)

  With DISCORD_TOKEN: serves Discord. Without: a local chat on the terminal (or questions piped in, one a line).
  Reports are read from BAOXUN_REPORTS_DIR (default data/reports); the index (BAOXUN_INDEX_DIR) is built or
  brought up to date at start-up.`;

async function main(argv: string[]): Promise<number> {
  const early = checkNoArguments(argv, USAGE);
  if (early !== undefined) return early;
  const config = loadCliConfig();
  if (!config) return 2;
  // A stray rejected promise is logged, never fatal: the bot keeps serving.
  process.on('unhandledRejection', (err) => log.error('Unhandled promise rejection', err));

  const questionLog = new QuestionLog(config.ops.questionLog, config.ops.logQuestions);

  if (!config.discord.token) {
    console.log('No DISCORD_TOKEN set, so opening a local chat instead: type a question (Ctrl-D to quit).');
    // Reports added while stopped are indexed before the first answer.
    const { engine, updater } = await openReports(config, { updateFirst: true });
    const stopWatch = config.ops.watch ? updater.watch(config.ops.watchDebounceMs) : () => undefined;
    await runChat(loggedReports(engine, questionLog, 'chat'), process.stdin, process.stdout, process.stdin.isTTY === true);
    stopWatch();
    return 0;
  }

  const [{ createContext, startBot }, { startStatusWriter }] = await Promise.all([
    import('../bot/client.ts'),
    import('../ops/status-writer.ts'),
  ]);
  const { engine, reindex, updater } = await openReports(config);
  const ctx = createContext(config, loggedReports(engine, questionLog), reindex);
  ctx.feedback = new LoggedFeedback(config.feedbackLog, questionLog);
  const client = await startBot(ctx);
  const status = startStatusWriter({ file: config.ops.statusFile, intervalMs: config.ops.statusIntervalMs, engine, updater, client });
  // Reports added while stopped: indexed in the background while the previous index answers.
  void updater.updateIfStale('start-up: the reports changed since the index was built').then(
    () => status.touch(),
    () => status.touch(),
  );
  const stopWatch = config.ops.watch ? updater.watch(config.ops.watchDebounceMs) : () => undefined;
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down…`);
    stopWatch();
    status.stop();
    // The logs are appended line by line, so nothing is pending; a running build child is sent SIGTERM on exit.
    const force = setTimeout(() => process.exit(0), 10_000);
    force.unref();
    void client.destroy().finally(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return 0;
}

try {
  const code = await main(process.argv.slice(2));
  if (code !== 0) process.exitCode = code;
} catch (err) {
  if (errorCode(err) === 'NO_ARTICLES') {
    // The first thing a newcomer meets: one line saying where reports go, no stack.
    const { noReportsLine } = await import('./no-reports.ts');
    process.stderr.write(`${noReportsLine(loadCliConfig()?.reportsDir ?? 'data/reports')}\n`);
  } else {
    log.error('start failed', err);
  }
  process.exitCode = 1;
}
