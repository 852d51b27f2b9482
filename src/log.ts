/** A small leveled logger to stderr (stdout stays clean for --json output). */
export type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

let threshold: Level = 'info';
/** Secrets that must never reach the log (the Discord token): replaced wherever they appear. */
const secrets = new Set<string>();

export function setLogLevel(level: Level): void {
  threshold = level;
}

export function redact(secret: string | undefined): void {
  if (secret && secret.length >= 8) secrets.add(secret);
}

function scrub(text: string): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('[redacted]');
  return out;
}

/** Told of every error logged (scrubbed, one line, no stack): the status file's "last error". */
const errorListeners = new Set<(message: string) => void>();

export function onLoggedError(listener: (message: string) => void): () => void {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

function write(level: Level, msg: string, detail?: unknown): void {
  if (level === 'error' && errorListeners.size) {
    const summary = scrub(detail instanceof Error ? `${msg}: ${detail.message}` : msg).split('\n')[0]!;
    for (const l of errorListeners) l(summary);
  }
  if (order[level] < order[threshold]) return;
  let line = `${new Date().toISOString()} ${level.toUpperCase()} ${msg}`;
  if (detail !== undefined) {
    line += ' ' + (detail instanceof Error ? (detail.stack ?? detail.message) : JSON.stringify(detail));
  }
  process.stderr.write(scrub(line) + '\n');
}

export const log = {
  debug: (msg: string, detail?: unknown) => write('debug', msg, detail),
  info: (msg: string, detail?: unknown) => write('info', msg, detail),
  warn: (msg: string, detail?: unknown) => write('warn', msg, detail),
  error: (msg: string, detail?: unknown) => write('error', msg, detail),
};
