/**
 * The local chat: questions from the terminal answered by the same code as the bot. Reads line by
 * line (also when stdin is a pipe) and ends at EOF. The chat is one conversation, so follow-ups
 * (他提出了哪些要求？) refer to the last answer; `/new` starts another.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { askInConversation } from '../retrieval/conversation/ask.ts';
import { ConversationStore } from '../retrieval/conversation/store.ts';
import { QuestionError, type ReportsService } from '../retrieval/types.ts';
import { renderAnswerText } from '../retrieval/render-text.ts';

export const NEW_CONVERSATION = '/new';

export async function runChat(reports: ReportsService, input: Readable, output: Writable, interactive: boolean): Promise<void> {
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const prompt = () => interactive && rl.prompt();
  const store = new ConversationStore();
  let conversation = 1;
  rl.setPrompt('问 / ask> ');
  prompt();
  for await (const line of rl) {
    const question = line.trim();
    if (question === NEW_CONVERSATION) {
      store.delete(String(conversation++));
      output.write('新的对话。/ New conversation.\n\n');
    } else if (question) {
      try {
        output.write(renderAnswerText(await askInConversation(reports, question, { store, key: String(conversation) })) + '\n\n');
      } catch (err) {
        if (!(err instanceof QuestionError)) throw err;
        output.write(`${err.message}\n\n`);
      }
    }
    prompt();
  }
}
