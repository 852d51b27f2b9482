/**
 * For commands that take no arguments: `--help` prints the usage (exit 0), anything else is a usage
 * error (exit 2). Returns the exit code, or undefined when there are no arguments and the command runs.
 */
export function checkNoArguments(argv: readonly string[], usage: string): number | undefined {
  if (!argv.length) return undefined;
  const unexpected = argv.find((a) => a !== '--help' && a !== '-h');
  if (unexpected === undefined) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  process.stderr.write(`Unexpected argument ${unexpected}\n${usage}\n`);
  return 2;
}
