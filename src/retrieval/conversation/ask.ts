/**
 * Asking within a conversation: the question resolved against what the conversation's last answer
 * was about, answered by the reports as a standalone question, and the conversation updated.
 * Every front end (Discord, the local chat, `ask --batch`) asks through this one function.
 */
import type { Answer, ReportsService } from '../types.ts';
import { factsOf } from './facts.ts';
import { resolveFollowUp } from './resolve.ts';
import type { ConversationStore } from './store.ts';

export interface ConversationRef {
  store: ConversationStore;
  /** The conversation's key; questions under one key are one conversation. */
  key: string;
}

/** Answers `question`; without a conversation it is answered as it stands. */
export async function askInConversation(reports: ReportsService, question: string, conversation?: ConversationRef): Promise<Answer> {
  const facts = conversation?.store.get(conversation.key);
  const resolved = resolveFollowUp(question, facts);
  const answer = await reports.ask(resolved.question, resolved.scope);
  // The reply is titled with the question as asked; how it was read goes alongside.
  const out: Answer = resolved.understoodAs ? { ...answer, question: question.trim(), understoodAs: resolved.understoodAs } : answer;
  if (conversation) {
    const first = out.abstained ? undefined : out.citations[0];
    const article = first ? reports.article(first.articleId) : undefined;
    conversation.store.set(conversation.key, factsOf(out, article, resolved.question, facts));
  }
  return out;
}
