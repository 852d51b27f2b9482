/**
 * The command-line contract every CLI keeps: `--help`/`-h` prints the usage (exit 0), an unknown or
 * malformed argument prints the reason and the usage on stderr (exit 2). One place, so the CLIs only
 * declare their options and their own checks.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** What `parseArgs` returns for a given option set. */
export type ParsedArgs<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/** A usage error of a CLI's own checks: its message is printed above the usage, exit 2. */
export class UsageError extends Error {}

/**
 * Parses `config` (which must declare a boolean `help` option); returns the parsed arguments, or the
 * exit code when the command should stop here. `check` may throw `UsageError` for semantic checks.
 */
export function parseCliArgs<T extends ParseArgsConfig>(
  config: T,
  usage: string,
  check?: (parsed: ParsedArgs<T>) => void,
): { parsed: ParsedArgs<T>; exit?: undefined } | { exit: number } {
  let parsed: ParsedArgs<T>;
  try {
    parsed = parseArgs(config);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${usage}\n`);
    return { exit: 2 };
  }
  if ((parsed.values as Record<string, unknown>).help === true) {
    process.stdout.write(`${usage}\n`);
    return { exit: 0 };
  }
  try {
    check?.(parsed);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message}\n${usage}\n`);
    return { exit: 2 };
  }
  return { parsed };
}
