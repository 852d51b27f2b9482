/** Starts the real bot (real discord.js client) against a fake Discord, and finds its REST calls. */
import type { Client } from 'discord.js';
import { parseConfig, type Config } from '../../src/config.ts';
import { createBot, createContext } from '../../src/bot/client.ts';
import type { BotContext, Reindex } from '../../src/bot/context.ts';
import type { ReportsService } from '../../src/retrieval/types.ts';
import { FakeDiscord, type RecordedRequest } from '../fake-discord/fake-discord.ts';
import { snowflake } from '../fake-discord/ids.ts';
import { waitFor } from '../fake-discord/wait.ts';

export interface Harness {
  fake: FakeDiscord;
  client: Client;
  ctx: BotContext;
  config: Config;
  askChannel: string;
  /** A forum channel that is also an ask channel: its every post is a question. */
  askForum: string;
  stop(): Promise<void>;
}

export async function startHarness(
  reports: ReportsService,
  opts: { reindex?: Reindex; env?: Record<string, string>; feedbackLog: string },
): Promise<Harness> {
  const askChannel = snowflake();
  const askForum = snowflake();
  const fake = await FakeDiscord.start({ channelIds: [snowflake(), askChannel], forumIds: [askForum] });
  const config = parseConfig({
    DISCORD_TOKEN: 'fake-token-0123456789',
    DISCORD_APP_ID: fake.appId,
    DISCORD_API_BASE: fake.apiBase,
    ASK_CHANNEL_IDS: `${askChannel},${askForum}`,
    BAOXUN_FEEDBACK_LOG: opts.feedbackLog,
    RATE_LIMIT_QUESTIONS: '1000',
    ...opts.env,
  });
  const ctx = createContext(config, reports, opts.reindex);
  const client = createBot(ctx);
  const ready = new Promise<void>((resolve) => client.once('clientReady', () => resolve()));
  await client.login(config.discord.token);
  await ready;
  return {
    fake,
    client,
    ctx,
    config,
    askChannel,
    askForum,
    async stop() {
      await client.destroy();
      await fake.close();
    },
  };
}

/** The bot's REST calls answering one interaction token (callback, edits, follow-ups), successful ones. */
export function callsFor(fake: FakeDiscord, token: string): RecordedRequest[] {
  return fake.requests.filter((r) => r.path.includes(`/${token}`) && r.status < 300);
}

export function waitForCall(fake: FakeDiscord, what: string, match: (r: RecordedRequest) => boolean): Promise<RecordedRequest> {
  return waitFor(what, () => fake.requests.find((r) => r.status < 300 && match(r)));
}

export const isEdit = (token: string) => (r: RecordedRequest) => r.method === 'PATCH' && r.path.includes(`/${token}/messages/`);
export const isCallback = (id: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`);
export const isFollowUp = (token: string) => (r: RecordedRequest) => r.method === 'POST' && r.path.endsWith(`/${token}`);
