/**
 * Runs an index rebuild as a child process — `npm run index` itself — so a long-running front end
 * (the bot) keeps its event loop free while the build's CPU stages run, and survives a build that
 * dies (out of memory, killed). Progress comes back as JSON lines on the child's stderr, the summary
 * (or the one-line failure) as one JSON object on its stdout. The child publishes the index
 * atomically and holds the build lock; the caller swaps its engine over once this resolves.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT, type Config } from '../config.ts';
import type { BuildProgress } from '../index/build.ts';
import { isErrorCode, type ErrorCode } from '../index/errors.ts';
import { log } from '../log.ts';
import { parseProgressLine } from './progress-lines.ts';

/** The counts of a finished build, for the log line. */
export interface IndexProcessSummary {
  articles: number;
  chunks: number;
  files: number;
  reused: number;
  ms: number;
  embedderNote?: string;
}

/** Why a rebuild did not finish: the build's own code, or one of the child process's fates. */
export type ReindexFailureCode = ErrorCode | 'KILLED' | 'SPAWN_FAILED' | 'FAILED';

/**
 * A rebuild that did not finish; the old index is untouched. The message is the build's own one-line
 * message (it may name server folders: log it, don't show it); front ends choose what to show by `code`.
 */
export class ReindexFailedError extends Error {
  constructor(
    message: string,
    readonly code: ReindexFailureCode,
    /** The signal that ended the child, when `code` is KILLED. */
    readonly signal?: NodeJS.Signals,
  ) {
    super(message);
    this.name = 'ReindexFailedError';
  }
}

type ChildOutcome = { ok: true; summary: IndexProcessSummary } | { ok: false; error: string; code?: ErrorCode };

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The `--json` object the index CLI printed last on stdout, or undefined if there is none. */
export function parseOutcome(stdout: string): ChildOutcome | undefined {
  const lines = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const last = lines.at(-1);
  if (!last) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(last);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const o = value as Record<string, unknown>;
  if (o.ok === false && typeof o.error === 'string') {
    return isErrorCode(o.code) ? { ok: false, error: o.error, code: o.code } : { ok: false, error: o.error };
  }
  if (o.ok !== true) return undefined;
  return {
    ok: true,
    summary: {
      articles: num(o.articleCount),
      chunks: num(o.chunks),
      files: num(o.files),
      reused: num(o.reused),
      ms: num(o.ms),
      embedderNote: typeof o.embedderNote === 'string' ? o.embedderNote : undefined,
    },
  };
}

/** The child's message, one line and bounded (it is logged and shown to admins as the error). */
function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/** What to run: this very Node with tsx's loader on the index CLI, configured like the caller. */
export function indexProcessCommand(
  config: Config,
  parentEnv: NodeJS.ProcessEnv,
): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  // Compiled (dist/, scripts/compile.mjs), the index CLI beside this file is JavaScript and runs as it is;
  // from the sources it needs tsx's loader, resolved rather than taken from process.execArgv (under
  // vitest execArgv is not tsx's).
  const ext = path.extname(fileURLToPath(import.meta.url));
  const loader = ext === '.ts' ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : [];
  const cli = fileURLToPath(new URL(`./index${ext}`, import.meta.url));
  // The child needs nothing of Discord, least of all the token.
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(parentEnv).filter(([k]) => !k.startsWith('DISCORD_')));
  Object.assign(env, {
    BAOXUN_INDEX_DIR: config.indexDir,
    BAOXUN_REPORTS_DIR: config.reportsDir,
    BAOXUN_MODELS_DIR: config.modelsDir,
    BAOXUN_FEEDBACK_LOG: config.feedbackLog,
    BAOXUN_EMBEDDER: config.embedder,
    LOG_LEVEL: config.logLevel,
  });
  return {
    command: process.execPath,
    args: [
      ...loader,
      cli,
      '--input',
      config.reportsDir,
      '--out',
      config.indexDir,
      '--embedder',
      config.embedder,
      '--json',
      '--progress',
      'jsonl',
    ],
    env,
  };
}

/**
 * Builds the index of `config.reportsDir` into `config.indexDir` in a child process. Resolves with the
 * summary (undefined if the child printed none) when it exits 0; rejects with ReindexFailedError otherwise.
 */
export function runIndexProcess(config: Config, onProgress: (p: BuildProgress) => void): Promise<IndexProcessSummary | undefined> {
  const { command, args, env } = indexProcessCommand(config, process.env);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    // The build must not outlive us; SIGTERM lets it stop cleanly and release its lock.
    const killOnExit = () => child.kill('SIGTERM');
    process.on('exit', killOnExit);

    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    createInterface({ input: child.stderr, crlfDelay: Infinity }).on('line', (line) => {
      const p = parseProgressLine(line);
      if (p) onProgress(p);
      else if (line.trim()) log.info(`index process: ${line}`);
    });

    child.on('error', (err) => {
      process.off('exit', killOnExit);
      reject(new ReindexFailedError(`Could not start the index build: ${err.message}`, 'SPAWN_FAILED'));
    });
    child.on('close', (code, signal) => {
      process.off('exit', killOnExit);
      const outcome = parseOutcome(stdout);
      if (code === 0) {
        resolve(outcome?.ok ? outcome.summary : undefined);
        return;
      }
      if (outcome && !outcome.ok) reject(new ReindexFailedError(oneLine(outcome.error), outcome.code ?? 'FAILED'));
      else if (signal)
        reject(new ReindexFailedError(`The index build was killed (${signal}); the previous index is unchanged.`, 'KILLED', signal));
      else reject(new ReindexFailedError(`The index build failed (exit code ${code}); the previous index is unchanged.`, 'FAILED'));
    });
  });
}
