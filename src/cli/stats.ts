/**
 * `npm run stats -- [--since 7d|24h|DATE] [--until DATE] [--top N] [--json]` — the question log
 * (BAOXUN_QUESTION_LOG) over a period: questions, refusal rate, 👍/👎, the most frequent unanswered
 * questions. Exit codes: 0, 2 bad arguments.
 */
import { parseCliArgs } from './cli-args.ts';
import { loadCliConfig } from './cli-config.ts';
import { formatStats, parseSince, readLogLines, summarise } from '../ops/stats.ts';

const USAGE = `Usage: npm run stats -- [--since 7d|24h|30m|DATE] [--until DATE] [--top N] [--json]

  --since   start of the period (default: 7d, the last seven days; "all" for the whole log)
  --until   end of the period (default: now)
  --top N   how many unanswered questions to list (default 10)
  --json    one JSON object on stdout (use npm run -s stats -- --json for clean output)`;

function main(argv: string[]): number {
  const args = parseCliArgs(
    {
      args: argv,
      options: {
        since: { type: 'string', default: '7d' },
        until: { type: 'string' },
        top: { type: 'string', default: '10' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    },
    USAGE,
  );
  if (args.exit !== undefined) return args.exit;
  const { values } = args.parsed;
  const now = new Date();
  const from = values.since === 'all' ? undefined : parseSince(values.since, now);
  const to = values.until ? parseSince(values.until, now) : now;
  const top = Number(values.top);
  if ((values.since !== 'all' && !from) || !to || !Number.isInteger(top) || top < 0) {
    process.stderr.write(`--since/--until must be like 7d, 24h, 30m or a date; --top a whole number\n${USAGE}\n`);
    return 2;
  }
  const config = loadCliConfig();
  if (!config) return 2;
  const stats = summarise(readLogLines(config.ops.questionLog), { from, to }, top);
  process.stdout.write((values.json ? JSON.stringify(stats) : formatStats(stats)) + '\n');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
