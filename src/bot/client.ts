/**
 * The discord.js client and the bot wired onto it. Intents are the minimum: guild messages, their
 * content only for ask channels (the privileged Message Content intent), DMs only when allowed.
 */
import { Client, Events, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { Config } from '../config.ts';
import { log, redact } from '../log.ts';
import type { ReportsService } from '../retrieval/types.ts';
import { NO_MENTIONS, type BotContext, type Reindex } from './context.ts';
import { BotConversations } from './ask-path.ts';
import { FeedbackLog } from './feedback.ts';
import { handleInteraction } from './interactions.ts';
import { handleMessage } from './messages.ts';
import { RateLimiter } from './rate-limit.ts';

export function clientOptions(config: Config): ClientOptions {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  // Discord delivers the text of DMs and of messages that mention the bot without the privileged
  // Message Content intent; only ask channels (every message a question) need it.
  if (config.discord.askChannelIds.length) intents.push(GatewayIntentBits.MessageContent);
  if (config.discord.allowDMs) intents.push(GatewayIntentBits.DirectMessages);
  return {
    intents,
    // DM channels are not cached before their first message; without this partial DMs are dropped.
    partials: config.discord.allowDMs ? [Partials.Channel, Partials.Message] : [],
    allowedMentions: NO_MENTIONS,
    ...(config.discord.apiBase ? { rest: { api: config.discord.apiBase } } : {}),
  };
}

export function createContext(config: Config, reports: ReportsService, reindex?: Reindex): BotContext {
  return {
    config,
    reports,
    reindex,
    limiter: new RateLimiter(config.discord.rateLimit.questions, config.discord.rateLimit.windowMs),
    feedback: new FeedbackLog(config.feedbackLog),
    conversations: new BotConversations(),
    reindexing: { running: false },
  };
}

/** Wires the handlers onto a new client; call `login` on the result (or use `startBot`). */
export function createBot(ctx: BotContext): Client {
  const client = new Client(clientOptions(ctx.config));
  client.once(Events.ClientReady, (c) => log.info(`bot: logged in as ${c.user.tag} (${c.user.id})`));
  client.on(Events.InteractionCreate, (i) => void handleInteraction(i, ctx));
  client.on(Events.MessageCreate, (m) => void handleMessage(m, ctx));
  client.on(Events.Error, (err) => log.error('bot: client error', err));
  client.on(Events.ShardError, (err, shard) => log.error(`bot: shard ${shard} error`, err));
  client.on(Events.Warn, (w) => log.warn(`bot: ${w}`));
  return client;
}

export async function startBot(ctx: BotContext): Promise<Client> {
  const token = ctx.config.discord.token;
  if (!token) throw new Error('DISCORD_TOKEN is not set');
  redact(token);
  const client = createBot(ctx);
  await client.login(token);
  return client;
}
