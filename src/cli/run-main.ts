/**
 * How a one-shot CLI ends: its exit code, or on failure the message a user can act on (an index
 * problem says how to rebuild) and, at LOG_LEVEL=debug, the stack.
 */
import { IndexError } from '../index/errors.ts';
import { log } from '../log.ts';

export function runMain(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof IndexError) process.stderr.write(`${err.message}\n`);
      else process.stderr.write(`${name} failed: ${(err as Error).message}\n`);
      log.debug(`${name}: failure detail`, err);
      process.exit(1);
    },
  );
}
