/**
 * The question log wired around the answering service and the feedback buttons, so neither the ask
 * path nor the engine knows about it: every `ask` is timed and logged with the scope it ran in
 * (src/bot/question-scope.ts), and a vote on an answer is logged against that answer's question.
 */
import { FeedbackLog } from '../bot/feedback.ts';
import { questionScope } from '../bot/question-scope.ts';
import { QuestionError, type Answer, type AskScope, type ReportsService } from '../retrieval/types.ts';
import { loggedOutcome, type QuestionLog } from './question-log.ts';

/** The question id of each logged answer (for its votes). */
const answerIds = new WeakMap<Answer, string>();

export function loggedReports(service: ReportsService, questionLog: QuestionLog, defaultSource: 'chat' | 'cli' = 'chat'): ReportsService {
  return new Proxy(service, {
    get(target, prop, receiver) {
      if (prop !== 'ask') {
        const value = Reflect.get(target, prop, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (question: string, within?: AskScope): Promise<Answer> => {
        const scope = questionScope.getStore();
        const started = scope?.receivedAt ?? performance.now();
        const id = questionLog.newId();
        const base = {
          type: 'question' as const,
          id,
          source: scope?.source ?? defaultSource,
          guildId: scope?.guildId,
          channelId: scope?.channelId,
          question,
        };
        try {
          // A follow-up's scope (the conversation's article) goes through untouched.
          const answer = await target.ask(question, within);
          answerIds.set(answer, id);
          questionLog.write({
            ...base,
            time: new Date().toISOString(),
            latencyMs: Math.round(performance.now() - started),
            outcome: loggedOutcome(answer.outcome),
          });
          return answer;
        } catch (err) {
          questionLog.write({
            ...base,
            time: new Date().toISOString(),
            latencyMs: Math.round(performance.now() - started),
            outcome: err instanceof QuestionError ? 'invalid' : 'error',
          });
          throw err;
        }
      };
    },
  });
}

/** The feedback log that also logs each vote against its question in the question log. */
export class LoggedFeedback extends FeedbackLog {
  private readonly ids = new Map<string, string>();

  constructor(
    file: string,
    private readonly questionLog: QuestionLog,
    private readonly cap = 1000,
  ) {
    super(file, cap);
  }

  override remember(answer: Answer): string {
    const key = super.remember(answer);
    const id = answerIds.get(answer);
    if (id) {
      this.ids.set(key, id);
      if (this.ids.size > this.cap) this.ids.delete(this.ids.keys().next().value!);
    }
    return key;
  }

  override async record(key: string, vote: 'up' | 'down', user: string): Promise<boolean> {
    const saved = await super.record(key, vote, user);
    const id = this.ids.get(key);
    if (saved && id) this.questionLog.write({ type: 'feedback', id, time: new Date().toISOString(), vote });
    return saved;
  }
}
