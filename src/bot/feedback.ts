/**
 * 👍/👎 on answers, appended as JSON lines to the feedback log for later evaluation. Answers are
 * remembered in memory (bounded) under a short key that the feedback buttons carry.
 */
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Answer } from '../retrieval/types.ts';

export interface FeedbackRecord {
  time: string;
  user: string;
  vote: 'up' | 'down';
  question: string;
  answer: string;
  abstained: boolean;
  citations: Array<{ n: number; articleId: string; chunkId: string; headline: string; date?: string }>;
}

export class FeedbackLog {
  private readonly answers = new Map<string, Answer>();

  constructor(
    private readonly file: string,
    private readonly capacity = 1000,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Keeps the answer for later votes; returns the key for the buttons. */
  remember(answer: Answer): string {
    const key = randomBytes(6).toString('hex');
    this.answers.set(key, answer);
    if (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value!);
    return key;
  }

  /** Appends one vote; false when the answer is no longer remembered (e.g. after a restart). */
  async record(key: string, vote: 'up' | 'down', user: string): Promise<boolean> {
    const a = this.answers.get(key);
    if (!a) return false;
    const rec: FeedbackRecord = {
      time: this.now().toISOString(),
      user,
      vote,
      question: a.question,
      answer: a.answer,
      abstained: a.abstained,
      citations: a.citations.map(({ n, articleId, chunkId, headline, date }) => ({ n, articleId, chunkId, headline, date })),
    };
    await mkdir(path.dirname(this.file), { recursive: true });
    await appendFile(this.file, JSON.stringify(rec) + '\n', 'utf8');
    return true;
  }
}
