import { describe, expect, it } from 'vitest';
import { chunkArticle } from '../../src/corpus/chunker.ts';
import type { Article } from '../../src/corpus/types.ts';
import { chunksFromSpans, chunkSpans } from '../../src/index/chunk-spans.ts';
import { testArticle } from '../support/article.ts';

const article = (id: string, body: string, extra: Partial<Article> = {}): Article =>
  testArticle({ id, headline: `标题${id}`, body, ...extra });

describe('chunk spans', () => {
  const articles = [article('a', '第一句话在这里。'.repeat(40), { date: '2024-01-02', meeting: '常务会议' }), article('b', '短文。')];
  const chunks = articles.flatMap((a) => chunkArticle(a, { target: 60, max: 90 }));

  it('give back the chunks as stored before (JSON round trip)', () => {
    const spans = JSON.parse(JSON.stringify(chunkSpans(articles, chunks)));
    expect(chunks.length).toBeGreaterThan(2);
    const back = chunksFromSpans(articles, spans);
    expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(chunks)));
    // The text is cut from the body when read, and is the chunker's.
    expect(back.map((c) => c.text)).toEqual(chunks.map((c) => c.text));
  });

  it('name a span outside its article', () => {
    expect(() => chunksFromSpans(articles, [[1, 0, 999]])).toThrow(/chunk 0 has a bad span/);
    expect(() => chunksFromSpans(articles, [[5, 0, 1]])).toThrow(/bad span/);
    expect(() => chunksFromSpans(articles, { not: 'a list' })).toThrow(/not a list/);
  });
});
