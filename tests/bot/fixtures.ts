/** Fabricated answers and articles for the bot's unit tests. */
import type { Article } from '../../src/corpus/types.ts';
import type { Answer, Citation } from '../../src/retrieval/types.ts';
import { testArticle } from '../support/article.ts';

export function citation(n: number, over: Partial<Citation> = {}): Citation {
  return {
    n,
    articleId: `a${n}`,
    chunkId: `a${n}#0`,
    headline: `高新区召开会议${n}`,
    date: '2021-01-12',
    excerpt: '高新区党工委书记王新亭主持会议并讲话。',
    highlights: [[8, 11]],
    score: 0.9,
    ...over,
  };
}

export function answer(over: Partial<Answer> = {}): Answer {
  return {
    question: '谁主持了会议？',
    answer: '王新亭主持了会议。',
    abstained: false,
    outcome: 'answer',
    citations: [citation(1)],
    related: [],
    timings_ms: {},
    ...over,
  };
}

export function article(over: Partial<Article> = {}): Article {
  return testArticle({ id: 'art-1', headline: '高新区召开安全生产会议', date: '2021-01-12', body: '本报讯 会议召开。', ...over });
}
