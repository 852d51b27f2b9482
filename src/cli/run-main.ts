/**
 * How a one-shot CLI ends: its exit code, or on failure the message a user can act on (an index
 * problem says how to rebuild) and, at LOG_LEVEL=debug, the stack. A CLI asked for JSON also prints
 * the failure as one object on stdout, `{"ok":false,"error","code"}`, the code stable (src/index/errors.ts).
 */
import { errorCode, IndexError } from '../index/errors.ts';
import { log } from '../log.ts';

/** The `--json` failure object: the code of a coded error, else FAILED. */
export function failureJson(err: unknown): { ok: false; error: string; code: string } {
  return { ok: false, error: err instanceof Error ? err.message : String(err), code: errorCode(err) ?? 'FAILED' };
}

export function runMain(name: string, main: () => Promise<number>, opts: { json?: () => boolean } = {}): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (opts.json?.()) process.stdout.write(JSON.stringify(failureJson(err)) + '\n');
      if (err instanceof IndexError) process.stderr.write(`${err.message}\n`);
      else process.stderr.write(`${name} failed: ${(err as Error).message}\n`);
      log.debug(`${name}: failure detail`, err);
      process.exit(1);
    },
  );
}
