/** What the bot's handlers are given: the reports, the reindex job, and the bot's own state. */
import type { MessageMentionOptions } from 'discord.js';
import type { Config } from '../config.ts';
import type { ReportsService } from '../retrieval/types.ts';
import type { BotConversations } from './ask-path.ts';
import type { FeedbackLog } from './feedback.ts';
import type { RateLimiter } from './rate-limit.ts';

/** Progress lines while rebuilding, e.g. "embedding 120/480 chunks". */
export type ProgressListener = (message: string) => void;

/**
 * Rebuilds the index and swaps it into the service atomically; the service keeps answering from the
 * old index until the swap. Provided by the engine's owner (see src/cli/start.ts).
 */
export type Reindex = (onProgress: ProgressListener) => Promise<void>;

export interface BotContext {
  config: Config;
  reports: ReportsService;
  reindex?: Reindex;
  limiter: RateLimiter;
  feedback: FeedbackLog;
  /** Follow-up questions' conversations (threads, reply chains, DMs), in memory. */
  conversations: BotConversations;
  /** One reindex at a time. */
  reindexing: { running: boolean };
}

export const ERROR_MESSAGE = '出错了，请稍后再试。 / Something went wrong, please try again later.';

/**
 * Replies never ping anyone, whatever the question or the reports contain: the client's default
 * (client.ts), so no send repeats it.
 */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false };
