/**
 * Where a question came from (guild, channel) and when it arrived, carried through the handler's
 * async calls so the question log (src/ops/logged-reports.ts) can record it without the ask path
 * passing it along.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface QuestionScope {
  source: 'discord' | 'chat' | 'cli';
  guildId?: string;
  channelId?: string;
  /** performance.now() when the event arrived: latency counts from here. */
  receivedAt: number;
}

export const questionScope = new AsyncLocalStorage<QuestionScope>();

/** Runs a Discord event's handler inside its scope. */
export function inEventScope<T>(event: { guildId: string | null; channelId: string | null }, handler: () => T): T {
  return questionScope.run(
    { source: 'discord', guildId: event.guildId ?? undefined, channelId: event.channelId ?? undefined, receivedAt: performance.now() },
    handler,
  );
}
