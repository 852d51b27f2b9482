/** A small in-test ReportsService for unit-level bot tests (the end-to-end tests use the real engine). */
import type { Article } from '../../src/corpus/types.ts';
import { QuestionError, type Answer, type ArticleSummary, type MeetingInfo, type ReportsService } from '../../src/retrieval/types.ts';
import { answer, article, citation } from './fixtures.ts';

export class StubReports implements ReportsService {
  asked: string[] = [];
  /** When set, ask() waits for it (to hold a question in flight). */
  gate?: Promise<void>;
  failNextAsk = false;

  async ask(question: string): Promise<Answer> {
    this.asked.push(question);
    if (this.gate) await this.gate;
    if (!question.trim()) throw new QuestionError('问题是空的。 / The question is empty.');
    if (this.failNextAsk) {
      this.failNextAsk = false;
      throw new Error('boom');
    }
    return answer({ question });
  }
  dates(): string[] {
    return ['2021-01-12', '2020-12-30'];
  }
  articlesOn(date: string): ArticleSummary[] {
    return date === '2021-01-12'
      ? [{ id: 'a1', headline: '高新区召开会议1', date, lead: '本报讯 会议召开。', meeting: '安委会第一次全体会议' }]
      : [];
  }
  meetings(): Array<{ name: string; date?: string }> {
    return [{ name: '安委会第一次全体会议', date: '2021-01-12' }];
  }
  meeting(name: string): MeetingInfo | undefined {
    if (!'安委会第一次全体会议'.includes(name)) return undefined;
    return {
      name: '安委会第一次全体会议',
      date: '2021-01-12',
      articleId: 'a1',
      headline: '高新区召开会议1',
      chaired: ['王新亭'],
      attended: ['张红军'],
      observed: [],
      keyPoints: [citation(1)],
    };
  }
  article(id: string): Article | undefined {
    return id === 'a1' ? article({ id: 'a1' }) : undefined;
  }
}
