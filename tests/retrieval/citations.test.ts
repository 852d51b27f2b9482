import { describe, expect, it } from 'vitest';
import { chooseSupports, highlightRanges, makeCitation } from '../../src/retrieval/citations.ts';
import { excerptSpan, MAX_EXCERPT } from '../../src/retrieval/excerpt.ts';
import type { Article } from '../../src/corpus/types.ts';
import { testArticle } from '../support/article.ts';

const article = (body: string, id = 'a1'): Article => testArticle({ id, date: '2021-01-12', body });

const sentences = Array.from({ length: 30 }, (_, i) => `第${i}句话讲的是一件重要的事情，内容较长需要很多字来说明。`).join('');

describe('excerpts', () => {
  it('stay within 200 characters and contain the supporting sentence', () => {
    const at = sentences.indexOf('第16句');
    const end = sentences.indexOf('。', at) + 1;
    const span = excerptSpan(sentences, at, end);
    expect(span.end - span.start).toBeLessThanOrEqual(MAX_EXCERPT);
    expect(span.start).toBeLessThanOrEqual(at);
    expect(span.end).toBeGreaterThanOrEqual(end);
    // Cut at boundaries: starts right after a full stop or a comma, using the room the end left.
    expect(['。', '，']).toContain(sentences[span.start - 1]);
    expect(span.end - span.start).toBeGreaterThan(MAX_EXCERPT - 28);
  });
  it('never split a surrogate pair', () => {
    const body = '𠀀'.repeat(300);
    for (const [s, e] of [
      [10, 20],
      [0, 400],
      [101, 303],
    ]) {
      const span = excerptSpan(body, s, e);
      const text = body.slice(span.start, span.end);
      expect(text.length).toBeLessThanOrEqual(MAX_EXCERPT);
      expect(text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });
});

describe('citations', () => {
  it('mark the answer words inside the excerpt', () => {
    const body = '高新区党工委书记王新亭主持会议并讲话。会议通报了工作。';
    const c = makeCitation(1, article(body), { articleId: 'a1', start: 0, end: 19, score: 0.8 }, ['王新亭'], []);
    expect(c.excerpt.length).toBeLessThanOrEqual(200);
    expect(c.highlights.length).toBe(1);
    const [s, e] = c.highlights[0];
    expect(c.excerpt.slice(s, e)).toBe('王新亭');
    expect(c.date).toBe('2021-01-12');
  });
  it('merges overlapping highlight ranges', () => {
    expect(highlightRanges('abcabc', ['abc', 'bca'])).toEqual([[0, 6]]);
  });
  it('prefer distinct articles, then non-overlapping passages, and drop weak support', () => {
    const bodies: Record<string, string> = { a: sentences, b: sentences };
    const len = sentences.length;
    const chosen = chooseSupports(
      [
        { articleId: 'a', start: 0, end: 20, score: 1 },
        { articleId: 'a', start: 5, end: 25, score: 0.95 },
        { articleId: 'b', start: 0, end: 20, score: 0.9 },
        { articleId: 'a', start: len - 20, end: len, score: 0.8 },
        { articleId: 'b', start: len - 20, end: len, score: 0.1 },
      ],
      (id) => bodies[id],
    );
    expect(chosen.map((s) => `${s.articleId}:${s.start}`)).toEqual(['a:0', 'b:0', `a:${len - 20}`]);
  });
});
