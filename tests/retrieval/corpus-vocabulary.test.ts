import { describe, expect, it } from 'vitest';
import type { Article, Chunk } from '../../src/corpus/types.ts';
import { analyseSearchForm } from '../../src/index/analyser.ts';
import { Bm25Index } from '../../src/index/bm25.ts';
import { SegmentedBm25 } from '../../src/index/segmented-bm25.ts';
import { chunkSearchText } from '../../src/index/search-text.ts';
import type { ReportIndex } from '../../src/index/types.ts';
import { occursInReports, postingsTermStats } from '../../src/retrieval/corpus-vocabulary.ts';
import { buildTermStats } from '../../src/retrieval/term-stats.ts';
import { bigramUnit, textUnits } from '../../src/text/units.ts';

const bodies = [
  '市政府召开常务会议。研究财政预算工作。',
  '区委书记调研学校建设。',
  '学校建设进展顺利，市政府表示满意。',
  '市政府会见代表，召开会议。',
];
const articles = bodies.map((body, i) => ({ id: `a${i}`, headline: `标题${i}`, body }) as Article);
// Two chunks for the first article, so per-article counts differ from per-chunk ones.
const chunks: Chunk[] = [
  { id: 'a0#0', articleId: 'a0', ordinal: 0, text: '市政府召开常务会议。', start: 0, end: 10, headline: '标题0' },
  { id: 'a0#1', articleId: 'a0', ordinal: 1, text: '研究财政预算工作。', start: 10, end: 19, headline: '标题0' },
  { id: 'a1#0', articleId: 'a1', ordinal: 0, text: bodies[1], start: 0, end: bodies[1].length, headline: '标题1' },
  { id: 'a2#0', articleId: 'a2', ordinal: 0, text: bodies[2], start: 0, end: bodies[2].length, headline: '标题2' },
  { id: 'a3#0', articleId: 'a3', ordinal: 0, text: bodies[3], start: 0, end: bodies[3].length, headline: '标题3' },
];
const bm25 = Bm25Index.build(chunks.map((c) => analyseSearchForm(chunkSearchText(c))));
const index = { articles, chunks } as unknown as ReportIndex;
const postings = (t: string) => bm25.postings(t);

describe('corpus vocabulary from the BM25 postings', () => {
  it('counts units per article, as over the article texts', () => {
    const stats = postingsTermStats(index, postings);
    const exact = buildTermStats(articles.map((a) => `${a.headline}\n${a.body}`));
    expect(stats.docs).toBe(4);
    for (const u of textUnits('市政府学校建设财政标题书记不存在')) expect(stats.df.get(u)).toBe(exact.df.get(u));
    expect(stats.df.get(bigramUnit('市政'))).toBe(3);
    expect(stats.df.has(bigramUnit('不存'))).toBe(false);
  });

  it('counts the same when the articles are listed in another order than their chunks', () => {
    const stats = postingsTermStats(index, postings);
    const shuffled = postingsTermStats(
      { articles: [articles[2], articles[0], articles[3], articles[1]], chunks } as unknown as ReportIndex,
      postings,
    );
    for (const u of textUnits('市政府学校建设财政标题书记会议')) expect(shuffled.df.get(u)).toBe(stats.df.get(u));
    expect(shuffled.df.get(bigramUnit('学校'))).toBe(2);
  });

  it('counts the same in the postings of segments, deleted chunks left out', () => {
    // The chunks in two segments, a deleted chunk (of article a1) in the second between a0's and a2's.
    const first = Bm25Index.build(chunks.slice(0, 2).map((c) => analyseSearchForm(chunkSearchText(c))));
    const gone = { ...chunks[2], text: '市政府学校建设。' };
    const second = Bm25Index.build([gone, ...chunks.slice(2)].map((c) => analyseSearchForm(chunkSearchText(c))));
    const segmented = new SegmentedBm25([
      { bm25: first, base: 0, live: 2 },
      { bm25: second, base: 2, live: 3, toGlobal: Int32Array.from([-1, 2, 3, 4]), toLocal: Uint32Array.from([1, 2, 3]) },
    ]);
    const inPlace = postingsTermStats(
      { ...index, lexicalGroupCount: (t: string, g: Uint32Array) => segmented.distinctGroups(t, g) } as unknown as ReportIndex,
      () => {
        throw new Error('postings copied');
      },
    );
    const copied = postingsTermStats(index, postings);
    for (const u of textUnits('市政府学校建设财政标题书记会议不存在')) expect([u, inPlace.df.get(u)]).toEqual([u, copied.df.get(u)]);
    expect(inPlace.df.get(bigramUnit('学校'))).toBe(2);
  });

  it('counts a unit by its chunks when every article is one chunk', () => {
    const single = chunks.slice(2);
    const oneEach = { articles: articles.slice(1), chunks: single } as unknown as ReportIndex;
    const bm = Bm25Index.build(single.map((c) => analyseSearchForm(chunkSearchText(c))));
    const counted = postingsTermStats(
      {
        ...oneEach,
        lexicalDocCount: (t: string) => bm.postings(t)?.length ?? 0,
        lexicalGroupCount: () => {
          throw new Error('postings walked');
        },
      } as unknown as ReportIndex,
      (t) => bm.postings(t),
    );
    const walked = postingsTermStats(oneEach, (t) => bm.postings(t));
    for (const u of textUnits('市政府学校建设书记会议不存在')) expect([u, counted.df.get(u)]).toEqual([u, walked.df.get(u)]);
    expect(counted.df.get(bigramUnit('市政'))).toBe(2);
  });

  it('finds words that occur, and only those, even when they are not BM25 terms', () => {
    expect(occursInReports(index, postings, '市政府')).toBe(true);
    expect(occursInReports(index, postings, '常务会议')).toBe(true);
    expect(occursInReports(index, postings, '设进展顺')).toBe(true);
    // 政府, 府会 and 会议 are all in one chunk, never as one word.
    expect(occursInReports(index, postings, '政府会议')).toBe(false);
    expect(occursInReports(index, postings, '政府建设')).toBe(false);
    expect(occursInReports(index, postings, '市长')).toBe(false);
  });

  it('finds Latin terms by their letter and number runs, only where they are written together', () => {
    const latin: Chunk[] = [
      { id: 'b0#0', articleId: 'b0', ordinal: 0, text: 't-92快炮部署。power6处理器。', start: 0, end: 20, headline: 'ok.live节目' },
      { id: 'b1#0', articleId: 'b1', ordinal: 0, text: 't型车和92号汽油。海梅·雷耶斯。', start: 0, end: 17, headline: '标题' },
    ];
    const lbm25 = Bm25Index.build(latin.map((c) => analyseSearchForm(chunkSearchText(c))));
    const lindex = { articles: [], chunks: latin } as unknown as ReportIndex;
    const lpostings = (t: string) => lbm25.postings(t);
    for (const t of ['power6', 't-92', 'ok.live', '梅·雷']) expect(occursInReports(lindex, lpostings, t)).toBe(true);
    // power is a piece of no term; t and 92 are both printed, but only apart in b1.
    for (const t of ['power', 'power7', 't-93', 'ok.dead', '梅•雷', '雷·梅']) expect(occursInReports(lindex, lpostings, t)).toBe(false);
    const apart = Bm25Index.build([analyseSearchForm(chunkSearchText(latin[1]))]);
    const apartIndex = { articles: [], chunks: [latin[1]] } as unknown as ReportIndex;
    expect(occursInReports(apartIndex, (t) => apart.postings(t), 't-92')).toBe(false);
  });
});
