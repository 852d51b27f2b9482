import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.ts';
import { chunkArticle } from '../../src/corpus/chunker.ts';
import type { Article } from '../../src/corpus/types.ts';

const article = (body: string): Article => ({
  id: 'p-1',
  source: 'p.txt',
  headline: '标题',
  subtitle: '',
  headlineDerived: false,
  date: '2021-01-12',
  dateInferred: false,
  meeting: '会议',
  reporters: [],
  photographers: [],
  people: [],
  body,
});

describe('splitSentences', () => {
  it('splits at Chinese ends, keeping closing quotes, at Western ends before a space, and at newlines', () => {
    const text = '他说：“要抓落实。”大家同意！是吗？好；再见\nVersion 3.5 is out. Next one! 完';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual([
      '他说：“要抓落实。”',
      '大家同意！',
      '是吗？',
      '好；',
      '再见',
      'Version 3.5 is out.',
      'Next one!',
      '完',
    ]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('gives no empty sentences', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('\n\n。 \n')).toEqual([{ text: '。', start: 2, end: 3 }]);
  });

  it('splits a very long sentence at commas', () => {
    const text = Array.from({ length: 40 }, (_, i) => `第${i}项工作要落实到位`).join('，') + '。';
    const s = splitSentences(text);
    expect(s.length).toBeGreaterThan(1);
    for (const x of s) {
      expect(x.text.length).toBeLessThanOrEqual(300);
      expect(text.slice(x.start, x.end)).toBe(x.text);
    }
    expect(s.slice(0, -1).every((x) => x.text.endsWith('，'))).toBe(true);
    expect(s.map((x) => x.text).join('')).toBe(text);
  });
});

describe('chunkArticle', () => {
  const sentence = (i: number) => `第${i}句话讲的是高新区召开会议部署安全生产工作的有关要求。`;
  const body = Array.from({ length: 30 }, (_, i) => sentence(i)).join('') + '\n' + '短句。'.repeat(5);
  const a = article(body);

  it('makes windows whose text is the body slice, with metadata', () => {
    const chunks = chunkArticle(a);
    expect(chunks.length).toBeGreaterThan(3);
    chunks.forEach((c, i) => {
      expect(c.text).toBe(body.slice(c.start, c.end));
      expect(c).toMatchObject({ id: `p-1#${i}`, articleId: 'p-1', ordinal: i, headline: '标题', date: '2021-01-12', meeting: '会议' });
      expect(c.text.length).toBeLessThanOrEqual(300);
    });
    expect(chunks[0].start).toBe(0);
    expect(chunks[chunks.length - 1].end).toBe(body.length);
  });

  it('overlaps consecutive windows by one sentence and covers the body', () => {
    const chunks = chunkArticle(a, { target: 100, max: 150 });
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i].start).toBeLessThan(chunks[i - 1].end);
      const shared = body.slice(chunks[i].start, chunks[i - 1].end);
      expect(splitSentences(shared)).toHaveLength(1);
    }
    const none = chunkArticle(a, { target: 100, max: 150, overlapSentences: 0 });
    for (let i = 1; i < none.length; i++) expect(none[i].start).toBeGreaterThanOrEqual(none[i - 1].end);
  });

  it('lets a single sentence longer than max form its own window', () => {
    const long = '长'.repeat(250) + '。';
    const chunks = chunkArticle(article(`短。${long}短。`), { target: 50, max: 100, overlapSentences: 0 });
    expect(chunks.map((c) => c.text)).toEqual(['短。', long, '短。']);
  });

  it('gives no chunks for an empty body', () => {
    expect(chunkArticle(article(''))).toEqual([]);
  });
});
