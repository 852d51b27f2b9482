/**
 * `npm run -s health` — prints the running bot's status file as one JSON object (with `healthy` and,
 * if not, `reason`) and exits 0 when the bot is connected and the status recent, 1 otherwise: for a
 * service manager's or a container's health check. 2 on bad arguments.
 */
import { loadCliConfig } from './cli-config.ts';
import { healthOf, readStatus } from '../ops/status.ts';
import { checkNoArguments } from './no-arguments.ts';

const USAGE = 'Usage: npm run -s health   (prints the status file BAOXUN_STATUS_FILE as JSON; exit 0 healthy, 1 not)';

function main(argv: string[]): number {
  const early = checkNoArguments(argv, USAGE);
  if (early !== undefined) return early;
  const config = loadCliConfig();
  if (!config) return 2;
  const status = readStatus(config.ops.statusFile);
  const health = healthOf(status, new Date(), config.ops.healthMaxAgeMs);
  process.stdout.write(JSON.stringify({ ...health, statusFile: config.ops.statusFile, ...(status ?? {}) }) + '\n');
  return health.healthy ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
