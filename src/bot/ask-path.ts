/**
 * The one path every question takes in Discord — `/ask`, a mention, an ask-channel or thread
 * message: rate limit → ask (within its conversation) → send → map an error to a short notice.
 * Each entry point only says how to reply (`Replies`) and which conversation the question belongs to.
 */
import { log } from '../log.ts';
import { askInConversation } from '../retrieval/conversation/ask.ts';
import { ConversationStore, ExpiringMap } from '../retrieval/conversation/store.ts';
import { QuestionError } from '../retrieval/types.ts';
import { answerMessages, type MessagePart } from './answer-message.ts';
import { ERROR_MESSAGE, type BotContext } from './context.ts';
import { rateLimitMessage } from './rate-limit.ts';

/** The bot's conversations: what each was about, and which conversation each answer message belongs to. */
export class BotConversations {
  readonly facts = new ConversationStore();
  /** Answer message id → conversation key, so a reply to an answer continues its conversation. */
  private readonly answers = new ExpiringMap<string>();

  /** The conversation an answer message belongs to, if it is one of the bot's recent answers. */
  ofAnswer(messageId: string | undefined): string | undefined {
    return messageId ? this.answers.get(messageId) : undefined;
  }

  remember(answerMessageId: string, conversation: string): void {
    this.answers.set(answerMessageId, conversation);
  }
}

/** How one entry point replies. */
export interface Replies {
  /** Before asking: the typing indicator, or deferring an interaction. */
  start(): Promise<void>;
  /** Sends the answer's messages; returns the first one's id (a reply to it continues the conversation). */
  answer(parts: MessagePart[]): Promise<string | undefined>;
  /** A short notice instead of an answer: the rate limit, a question that cannot be asked, a failure. */
  notice(text: string): Promise<void>;
}

export interface Question {
  userId: string;
  text: string;
  /** The conversation's key (a thread, a reply chain's first question, a DM channel). */
  conversation: string;
  /** For the log. */
  label: string;
}

export async function answerQuestion(ctx: BotContext, q: Question, replies: Replies): Promise<void> {
  try {
    const decision = ctx.limiter.take(q.userId);
    if (!decision.allowed) {
      await replies.notice(rateLimitMessage(decision.retryAfterMs));
      return;
    }
    await replies.start();
    const answer = await askInConversation(ctx.reports, q.text, { store: ctx.conversations.facts, key: q.conversation });
    const sent = await replies.answer(answerMessages(answer, ctx.feedback.remember(answer)));
    if (sent) ctx.conversations.remember(sent, q.conversation);
  } catch (err) {
    // A QuestionError's message is meant for the user; anything else gets a short notice and a log entry.
    if (!(err instanceof QuestionError)) log.error(`${q.label} failed`, err);
    const text = err instanceof QuestionError ? err.message : ERROR_MESSAGE;
    await replies.notice(text).catch((e) => log.warn(`${q.label}: could not report the failure`, e));
  }
}

/** Sends the first part, then the rest; a lost continuation is logged, the answer being out already. */
export async function sendParts(
  parts: MessagePart[],
  first: (part: MessagePart) => Promise<{ id: string }>,
  next: (part: MessagePart) => Promise<unknown>,
  label: string,
): Promise<string> {
  const [head, ...rest] = parts;
  const sent = await first(head!);
  for (const part of rest) await next(part).catch((err) => log.warn(`${label}: could not send the rest of an answer`, err));
  return sent.id;
}
