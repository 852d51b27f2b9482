/**
 * Questions in messages: a mention of the bot, any message in an ask channel, and DMs when allowed.
 * The bot replies to the message; other bots and its own messages are ignored.
 */
import type { Message } from 'discord.js';
import { log } from '../log.ts';
import { QuestionError } from '../retrieval/types.ts';
import { answerMessages } from './answer-message.ts';
import { ERROR_MESSAGE, NO_MENTIONS, type BotContext } from './context.ts';
import { rateLimitMessage } from './rate-limit.ts';

/** The question a message asks the bot, or undefined when it isn't addressed to the bot. Pure. */
export function questionOf(
  msg: { content: string; authorIsBot: boolean; inGuild: boolean; channelId: string; mentionsBot: boolean },
  botId: string,
  config: { askChannelIds: readonly string[]; allowDMs: boolean },
): string | undefined {
  if (msg.authorIsBot) return undefined;
  const addressed = msg.inGuild ? msg.mentionsBot || config.askChannelIds.includes(msg.channelId) : config.allowDMs;
  if (!addressed) return undefined;
  return msg.content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
}

export async function handleMessage(message: Message, ctx: BotContext): Promise<void> {
  const botId = message.client.user.id;
  const question = questionOf(
    {
      content: message.content,
      authorIsBot: message.author.bot || message.author.id === botId,
      inGuild: message.inGuild(),
      channelId: message.channelId,
      mentionsBot: message.mentions.users.has(botId),
    },
    botId,
    { askChannelIds: ctx.config.discord.askChannelIds, allowDMs: ctx.config.discord.allowDMs },
  );
  if (question === undefined) return;
  const reply = (content: string) => message.reply({ content, allowedMentions: NO_MENTIONS });
  try {
    if (!question) {
      await reply('请在提及我的同时写下问题。 / Mention me together with a question.');
      return;
    }
    const decision = ctx.limiter.take(message.author.id);
    if (!decision.allowed) {
      await reply(rateLimitMessage(decision.retryAfterMs));
      return;
    }
    if ('sendTyping' in message.channel) await message.channel.sendTyping().catch(() => undefined);
    const answer = await ctx.reports.ask(question);
    const [first, ...rest] = answerMessages(answer, ctx.feedback.remember(answer));
    await message.reply({ ...first!, allowedMentions: NO_MENTIONS });
    // The answer is out; a lost continuation is logged rather than followed by an error notice.
    for (const part of rest) {
      await message.reply({ ...part, allowedMentions: NO_MENTIONS }).catch((err) => log.warn(`message ${message.id}: could not send the rest of an answer`, err));
    }
  } catch (err) {
    // A QuestionError's message is meant for the user; anything else gets a short notice and a log entry.
    if (!(err instanceof QuestionError)) log.error(`message ${message.id} failed`, err);
    const text = err instanceof QuestionError ? err.message : ERROR_MESSAGE;
    await reply(text).catch((e) => log.warn(`message ${message.id}: could not report the failure`, e));
  }
}
