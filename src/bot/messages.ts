/**
 * Questions in messages: a mention of the bot (in any channel or thread it can see), any message in
 * an ask channel or a thread under one (a forum's every post included), a reply to one of the bot's
 * answers, and DMs when allowed. Other bots and the bot's own messages are ignored. A thread, a
 * reply chain and a DM channel are each one conversation, so follow-ups refer to the last answer.
 */
import type { Message } from 'discord.js';
import { log } from '../log.ts';
import { answerQuestion, sendParts, type Replies } from './ask-path.ts';
import type { BotContext } from './context.ts';
import { LIMITS } from './limits.ts';
import { truncate } from './split-text.ts';

/** What decides whether a message is addressed to the bot, and where its conversation is. */
export interface MessageFacts {
  id: string;
  content: string;
  authorIsBot: boolean;
  inGuild: boolean;
  channelId: string;
  /** The channel a thread (or forum post) is in; undefined outside threads. */
  parentId?: string;
  mentionsBot: boolean;
  /** The conversation of the bot's answer this message replies to, when it replies to one. */
  repliesTo?: string;
}

const inAskChannel = (msg: Pick<MessageFacts, 'channelId' | 'parentId'>, askChannelIds: readonly string[]) =>
  askChannelIds.includes(msg.channelId) || (msg.parentId !== undefined && askChannelIds.includes(msg.parentId));

/** The question a message asks the bot, or undefined when it isn't addressed to the bot. Pure. */
export function questionOf(
  msg: Omit<MessageFacts, 'id'>,
  botId: string,
  config: { askChannelIds: readonly string[]; allowDMs: boolean },
): string | undefined {
  if (msg.authorIsBot) return undefined;
  const addressed = msg.inGuild
    ? msg.mentionsBot || inAskChannel(msg, config.askChannelIds) || msg.repliesTo !== undefined
    : config.allowDMs;
  if (!addressed) return undefined;
  return msg.content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
}

/** The conversation a message belongs to: its thread, the reply chain it continues, its DM channel, or a new one. Pure. */
export function conversationOf(msg: Pick<MessageFacts, 'id' | 'inGuild' | 'channelId' | 'parentId' | 'repliesTo'>): string {
  if (msg.parentId !== undefined) return `thread:${msg.channelId}`;
  if (msg.repliesTo) return msg.repliesTo;
  return msg.inGuild ? `message:${msg.id}` : `dm:${msg.channelId}`;
}

/** Whether the answer goes to a new thread started from the question (BAOXUN_ANSWER_IN_THREAD). Pure. */
export function answersInThread(
  msg: Pick<MessageFacts, 'inGuild' | 'channelId' | 'parentId'>,
  config: { askChannelIds: readonly string[]; answerInThread: boolean },
): boolean {
  return config.answerInThread && msg.inGuild && msg.parentId === undefined && config.askChannelIds.includes(msg.channelId);
}

function factsOf(message: Message, ctx: BotContext): MessageFacts {
  const botId = message.client.user.id;
  const channel = message.channel;
  const repliesTo = ctx.conversations.ofAnswer(message.reference?.messageId);
  return {
    id: message.id,
    content: message.content,
    authorIsBot: message.author.bot || message.author.id === botId,
    inGuild: message.inGuild(),
    channelId: message.channelId,
    ...(channel.isThread() && channel.parentId ? { parentId: channel.parentId } : {}),
    mentionsBot: message.mentions.users.has(botId),
    ...(repliesTo ? { repliesTo } : {}),
  };
}

export async function handleMessage(message: Message, ctx: BotContext): Promise<void> {
  const facts = factsOf(message, ctx);
  const { askChannelIds, allowDMs, answerInThread } = ctx.config.discord;
  const question = questionOf(facts, message.client.user.id, { askChannelIds, allowDMs });
  if (question === undefined) return;
  const label = `message ${message.id}`;
  if (!question) {
    await message
      .reply('请在提及我的同时写下问题。 / Mention me together with a question.')
      .catch((e) => log.warn(`${label}: could not reply`, e));
    return;
  }
  const inThread = answersInThread(facts, { askChannelIds, answerInThread });
  // A thread started from a message has that message's id, so its follow-ups find this conversation.
  const conversation = inThread ? `thread:${message.id}` : conversationOf(facts);
  await answerQuestion(
    ctx,
    { userId: message.author.id, text: question, conversation, label },
    inThread ? threadReplies(message, question, label) : channelReplies(message, label),
  );
}

/** Replies to the question where it was asked. */
function channelReplies(message: Message, label: string): Replies {
  return {
    start: async () => {
      if ('sendTyping' in message.channel) await message.channel.sendTyping().catch(() => undefined);
    },
    answer: (parts) =>
      sendParts(
        parts,
        (p) => message.reply(p),
        (p) => message.reply(p),
        label,
      ),
    notice: async (content) => void (await message.reply(content)),
  };
}

/** The answer in a new public thread started from the question; if the thread cannot be made, a reply as usual. */
function threadReplies(message: Message, question: string, label: string): Replies {
  const fallback = channelReplies(message, label);
  let target: Replies = fallback;
  return {
    start: async () => {
      try {
        const thread = await message.startThread({ name: truncate(question.replace(/\s+/g, ' '), LIMITS.threadName) });
        target = {
          start: async () => void (await thread.sendTyping().catch(() => undefined)),
          answer: (parts) =>
            sendParts(
              parts,
              (p) => thread.send(p),
              (p) => thread.send(p),
              label,
            ),
          notice: async (content) => void (await thread.send(content)),
        };
      } catch (err) {
        log.warn(`${label}: could not start a thread, replying in the channel`, err);
      }
      await target.start();
    },
    answer: (parts) => target.answer(parts),
    notice: (content) => target.notice(content),
  };
}
