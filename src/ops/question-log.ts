/**
 * The question log: one JSON line per question (time, where, latency, outcome) and one per vote that
 * follows, appended to BAOXUN_QUESTION_LOG. Question text only when BAOXUN_LOG_QUESTIONS=1. Appends
 * survive restarts; `npm run stats` and /stats read it (src/ops/stats.ts).
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { log } from '../log.ts';
import type { Answer } from '../retrieval/types.ts';

/** What a user saw: an answer, the closest reports (no direct answer), or a refusal. */
export type LoggedOutcome = 'answered' | 'closest' | 'refused' | 'invalid' | 'error';

export interface QuestionLine {
  type: 'question';
  id: string;
  time: string;
  source: 'discord' | 'chat' | 'cli';
  guildId?: string;
  channelId?: string;
  latencyMs: number;
  outcome: LoggedOutcome;
  question?: string;
}

export interface FeedbackLine {
  type: 'feedback';
  /** The question's id. */
  id: string;
  time: string;
  vote: 'up' | 'down';
}

export type LogLine = QuestionLine | FeedbackLine;

/** Answer.outcome as the log names it. */
export function loggedOutcome(outcome: Answer['outcome']): LoggedOutcome {
  return outcome === 'answer' ? 'answered' : outcome === 'closest' ? 'closest' : 'refused';
}

export class QuestionLog {
  constructor(
    readonly file: string,
    readonly withText: boolean,
  ) {}

  newId(): string {
    return randomBytes(6).toString('hex');
  }

  write(line: LogLine): void {
    // Synchronous append: one short line, and a line written before a SIGTERM is never lost.
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      appendFileSync(
        this.file,
        JSON.stringify(this.withText || line.type !== 'question' ? line : { ...line, question: undefined }) + '\n',
        'utf8',
      );
    } catch (err) {
      log.warn(`question log: could not append to ${this.file}`, err);
    }
  }
}
