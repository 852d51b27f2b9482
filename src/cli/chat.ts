/**
 * The local chat: questions from the terminal answered by the same code as the bot. Reads line by
 * line (also when stdin is a pipe) and ends at EOF.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { QuestionError, type ReportsService } from '../retrieval/types.ts';
import { renderAnswerText } from '../retrieval/render-text.ts';

export async function runChat(reports: ReportsService, input: Readable, output: Writable, interactive: boolean): Promise<void> {
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const prompt = () => interactive && rl.prompt();
  rl.setPrompt('问 / ask> ');
  prompt();
  for await (const line of rl) {
    const question = line.trim();
    if (question) {
      try {
        output.write(renderAnswerText(await reports.ask(question)) + '\n\n');
      } catch (err) {
        if (!(err instanceof QuestionError)) throw err;
        output.write(`${err.message}\n\n`);
      }
    }
    prompt();
  }
}
