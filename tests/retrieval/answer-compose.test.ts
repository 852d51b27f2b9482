import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.ts';
import type { Article } from '../../src/corpus/types.ts';
import { citedAnswer, supportWithNeighbour } from '../../src/retrieval/answer-compose.ts';
import { scorePassages } from '../../src/retrieval/answer-select.ts';
import { articlePassages } from '../../src/retrieval/passages.ts';
import { chineseQueryUnits } from '../../src/retrieval/query-units.ts';
import { buildTermStats } from '../../src/retrieval/term-stats.ts';
import { testArticle } from '../support/article.ts';

const body = '1951年，该馆迁入新址。馆长王平主持了迁馆仪式，该馆从此对公众开放。其他内容与此无关。';
const article: Article = testArticle({ headline: '博物馆', body });

describe('the cited answer', () => {
  const passages = articlePassages(body, splitSentences(body), (t) => t);
  const stats = buildTermStats([body, '别的文章。', '第三篇。']);
  const q = '该馆哪一年对公众开放？';
  const query = chineseQueryUnits(q, stats);
  const scored = scorePassages(query, q, 'year', [{ articleId: 'a', passages, retrievalScore: 1, people: [] }]);
  const candidates = [{ articleId: 'a', article, passages, retrievalScore: 1, people: [] }];
  const parts = {
    question: q,
    scored,
    candidates,
    query,
    answerType: 'year' as const,
    questionText: q,
    articleById: new Map([['a', article]]),
    chunks: [],
  };

  it('is cut from the best passage and the neighbour that scored nearly as well', () => {
    const first = supportWithNeighbour(scored, 0, 0.5)!;
    expect(first.end - first.start).toBeGreaterThan(scored[0].passage.end - scored[0].passage.start);
    const a = citedAnswer({ ...parts, first });
    expect(a.answer).toContain('1951年');
    expect(a.answer).toContain('对公众开放');
    expect(a.citations[0].excerpt).toContain('1951年');
  });
  it('is the best passage alone when no neighbour joins it', () => {
    const first = supportWithNeighbour(scored, 0, 0)!;
    const a = citedAnswer({ ...parts, first });
    expect(a.answer).toBe(scored[0].passage.text);
  });
});
