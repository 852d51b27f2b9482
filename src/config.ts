/**
 * The one validated configuration: environment (and `.env`) over defaults, read once at start-up.
 * Everything else receives the resulting object; nothing reads process.env directly.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The project root (the nearest folder above this module holding package.json), so defaults work
 * whatever the working directory, from src/ and from its compiled copy in dist/src/ alike.
 */
export const PROJECT_ROOT = projectRoot(path.dirname(fileURLToPath(import.meta.url)));

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
const idList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(snowflake));
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .default('')
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  DISCORD_TOKEN: z.string().min(1).optional(),
  DISCORD_APP_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  ASK_CHANNEL_IDS: idList,
  DISCORD_API_BASE: z.string().url().optional(),
  ALLOW_DMS: bool,
  /** A question in an ask channel is answered in a new public thread (follow-ups there need no mention). */
  BAOXUN_ANSWER_IN_THREAD: bool,
  RATE_LIMIT_QUESTIONS: positiveInt(5),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt(60),
  BAOXUN_INDEX_DIR: z
    .string()
    .min(1)
    .default(path.join(PROJECT_ROOT, 'data', 'index')),
  BAOXUN_REPORTS_DIR: z
    .string()
    .min(1)
    .default(path.join(PROJECT_ROOT, 'data', 'reports')),
  BAOXUN_MODELS_DIR: z
    .string()
    .min(1)
    .default(path.join(PROJECT_ROOT, 'data', 'models')),
  BAOXUN_FEEDBACK_LOG: z
    .string()
    .min(1)
    .default(path.join(PROJECT_ROOT, 'data', 'feedback', 'feedback.jsonl')),
  /** `auto` (a local model if present, else built-in), `builtin`, or a model id such as Xenova/bge-small-zh-v1.5. */
  BAOXUN_EMBEDDER: z.string().min(1).default('auto'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Watch the reports folder while running and update the index after changes. */
  BAOXUN_WATCH: bool,
  BAOXUN_WATCH_DEBOUNCE_MS: positiveInt(2000),
  BAOXUN_STATUS_FILE: z
    .string()
    .min(1)
    .default(path.join(PROJECT_ROOT, 'data', 'status.json')),
  BAOXUN_STATUS_INTERVAL_SECONDS: positiveInt(15),
  /** `npm run health` fails when the status file or the last heartbeat is older than this. */
  BAOXUN_HEALTH_MAX_AGE_SECONDS: positiveInt(120),
  BAOXUN_QUESTION_LOG: z
    .string()
    .min(1)
    .default(path.join(PROJECT_ROOT, 'data', 'logs', 'questions.jsonl')),
  /** Also log each question's text (otherwise only ids, latency and outcome). */
  BAOXUN_LOG_QUESTIONS: bool,
  /** Largest report file /reindex accepts as an attachment. */
  BAOXUN_MAX_UPLOAD_MB: positiveInt(20),
});

export interface Config {
  discord: {
    token?: string;
    appId?: string;
    guildId?: string;
    askChannelIds: string[];
    apiBase?: string;
    allowDMs: boolean;
    answerInThread: boolean;
    rateLimit: { questions: number; windowMs: number };
  };
  indexDir: string;
  reportsDir: string;
  modelsDir: string;
  feedbackLog: string;
  embedder: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Running it unattended: the watch, the status file, the question log, uploads. */
  ops: {
    watch: boolean;
    watchDebounceMs: number;
    statusFile: string;
    statusIntervalMs: number;
    healthMaxAgeMs: number;
    questionLog: string;
    logQuestions: boolean;
    maxUploadBytes: number;
  };
}

export class ConfigError extends Error {}

/**
 * A configured folder or file: relative paths are taken from the project root, not the working
 * directory, so a service manager that starts the bot elsewhere finds the same data.
 */
function fromRoot(p: string): string {
  return path.resolve(PROJECT_ROOT, p);
}

/** Validates an environment into a Config; throws ConfigError listing every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings in .env files mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  return {
    discord: {
      token: e.DISCORD_TOKEN,
      appId: e.DISCORD_APP_ID,
      guildId: e.DISCORD_GUILD_ID,
      askChannelIds: e.ASK_CHANNEL_IDS,
      apiBase: e.DISCORD_API_BASE,
      allowDMs: e.ALLOW_DMS,
      answerInThread: e.BAOXUN_ANSWER_IN_THREAD,
      rateLimit: { questions: e.RATE_LIMIT_QUESTIONS, windowMs: e.RATE_LIMIT_WINDOW_SECONDS * 1000 },
    },
    indexDir: fromRoot(e.BAOXUN_INDEX_DIR),
    reportsDir: fromRoot(e.BAOXUN_REPORTS_DIR),
    modelsDir: fromRoot(e.BAOXUN_MODELS_DIR),
    feedbackLog: fromRoot(e.BAOXUN_FEEDBACK_LOG),
    embedder: e.BAOXUN_EMBEDDER,
    logLevel: e.LOG_LEVEL,
    ops: {
      watch: e.BAOXUN_WATCH,
      watchDebounceMs: e.BAOXUN_WATCH_DEBOUNCE_MS,
      statusFile: fromRoot(e.BAOXUN_STATUS_FILE),
      statusIntervalMs: e.BAOXUN_STATUS_INTERVAL_SECONDS * 1000,
      healthMaxAgeMs: e.BAOXUN_HEALTH_MAX_AGE_SECONDS * 1000,
      questionLog: fromRoot(e.BAOXUN_QUESTION_LOG),
      logQuestions: e.BAOXUN_LOG_QUESTIONS,
      maxUploadBytes: e.BAOXUN_MAX_UPLOAD_MB * 1024 * 1024,
    },
  };
}

/** Reads `.env` (if present) under the real environment, then validates. Call once at start-up. */
export function loadConfig(envFile = path.join(PROJECT_ROOT, '.env')): Config {
  // process.loadEnvFile never overrides variables already set, so the real environment wins.
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(process.env);
}
