/**
 * The chunks a question's filters keep, listed from the filter lookups, are exactly those the
 * filter's test keeps when run over every chunk; searches given the list return what they return
 * given the test alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { loadIndex } from '../../src/index/load.ts';
import type { ReportIndex } from '../../src/index/types.ts';
import { charsBeforeHui, scanText } from '../../src/retrieval/filter-lookups.ts';
import { chunkFilter, filterTests } from '../../src/retrieval/hybrid.ts';
import { keptChunks, keptFilter } from '../../src/retrieval/kept-chunks.ts';
import type { QuestionFilters } from '../../src/retrieval/question/types.ts';
import { generateArticles, writeJsonl } from '../hardening/support.ts';

const modelsDir = path.join(tmpdir(), 'baoxun-no-models');
const embedder = new BuiltinEmbedder();
let dir: string;
let index: ReportIndex;

/** Reports that meet the filters in every way the test allows (and nearly do). */
const special = [
  { id: 's-1', title: '某某市政府第88次市務會議紀錄', text: '一、請各局處加強宣導。二、2019年預算執行情形。', date: '2020-03-05' },
  { id: 's-2', title: '青龙镇新闻', text: '12月6日，市委书记张建国主持召开市委常委会，研究了三项议题。会议在第六小组第一次会议上决定。' },
  { id: 's-3', title: '回顾', text: '2018 年，全市防汛抗旱工作会议部署了汛期工作。12019年不是年份。' },
  { id: 's-4', title: '东城区召开防汛会议', text: '东城区召开防汛抗旱工作会议，2021年5月21日上午举行。' },
  { id: 's-5', title: '国民政府', text: '第二十二次国民政府委员会会议决定特赦。𠀋会是一个罕见字的会。' },
  { id: 's-6', title: '西湖区新闻', text: '昨日，西湖区召开信访工作会议。', date: '2021-12-07' },
];

const questionText = '12月6日市委常委会研究了什么';
const FILTERS: QuestionFilters[] = [
  { monthDay: '12-06' },
  { monthDay: '05-21' },
  { date: '2021-12-06', monthDay: '12-06', year: 2021 },
  { date: '2019-12-06', monthDay: '12-06', year: 2019 },
  { year: 2019 },
  { year: 2018 },
  { year: 2021 },
  { year: 2035 },
  { meeting: '市务会议' },
  { meeting: '防汛会议' },
  { meeting: '市委常委会' },
  { meeting: '第二十二次国民政府委员会会议' },
  { meeting: '安全生产专题会议' },
  { meeting: '疫情防控会' },
  { meeting: '𠀋会' },
  { meeting: '没有的会议' },
  { year: 2021, meeting: '信访工作会议' },
  { monthDay: '12-06', meeting: '市委常委会' },
  { articleId: 'a-3' },
  { articleId: 'a-3', meeting: '专题会议' },
];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'baoxun-kept-'));
  const a = path.join(dir, 'a.jsonl');
  const b = path.join(dir, 'b.jsonl');
  writeJsonl(a, [...generateArticles(80, 4, 'a'), ...special.slice(0, 3)] as never);
  writeJsonl(b, [...generateArticles(40, 5, 'b'), ...special.slice(3)] as never);
  const outDir = path.join(dir, 'index');
  await buildIndex({ inputs: [a, b], outDir, embedder, parallelMinChunks: 1, workers: 2, merge: false });
  // An update: a changed article marks its old chunks deleted in their segment.
  writeJsonl(b, [...generateArticles(40, 6, 'b'), ...special.slice(3)] as never);
  await buildIndex({ inputs: [a, b], outDir, embedder, merge: false });
  index = await loadIndex(outDir, { modelsDir, embedder });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const corpus = { dated: true, withMeetings: true };
const question = () => ({ text: questionText, articles: index.articles, articleById: index.articleById });

/** What the filter's test keeps over every chunk. */
function scanned(filters: QuestionFilters): number[] | undefined {
  const test = chunkFilter(filters, index.chunks, corpus, question());
  return test && index.chunks.map((_, i) => i).filter(test);
}

describe('kept chunks', () => {
  it('are the chunks the filter test keeps, for every kind of filter', () => {
    expect(index.manifest.counts.chunks).toBeGreaterThan(100);
    let nonEmpty = 0;
    for (const filters of FILTERS) {
      const expected = scanned(filters);
      const kept = keptChunks(filterTests(filters, index.chunks, corpus, question()), index);
      expect([filters, kept && [...kept]]).toEqual([filters, expected]);
      if (expected?.length) nonEmpty++;
    }
    // The fixture exercises the lists, not only empty answers.
    expect(nonEmpty).toBeGreaterThanOrEqual(15);
  });

  it('are undefined when nothing is filtered', () => {
    expect(keptChunks(filterTests({}, index.chunks, corpus, question()), index)).toBeUndefined();
    expect(keptChunks(filterTests({ year: 2019 }, index.chunks, { dated: false, withMeetings: false }), index)).toBeUndefined();
  });

  it('give dense and BM25 searches the hits the test alone gives', async () => {
    const [vector] = await embedder.embed(['防汛抗旱工作会议'], 'query');
    for (const filters of FILTERS) {
      const kept = keptChunks(filterTests(filters, index.chunks, corpus, question()), index)!;
      const listed = keptFilter(kept, index.chunks.length);
      const testOnly = (i: number) => listed(i);
      for (const text of ['防汛抗旱工作会议', '会议 2019年', '市委常委会']) {
        expect(index.lexicalSearch(text, 10, listed)).toEqual(index.lexicalSearch(text, 10, testOnly));
      }
      expect(index.denseSearch(vector, 10, listed)).toEqual(index.denseSearch(vector, 10, testOnly));
    }
  });
});

describe('the text scan', () => {
  it('finds four-digit years before 年 or " 年" and the character before each 会', () => {
    const years: number[] = [];
    const before: number[] = [];
    const text = '2019年与2018 年，12019年，0999年，19年；市委常委会。𠀋会';
    scanText(
      text,
      0,
      text.length,
      (y) => years.push(y),
      (cp) => before.push(cp),
    );
    expect(years).toEqual([2019, 2018, 2019]);
    expect(before.map((cp) => String.fromCodePoint(cp))).toEqual(['委', '\udc0b', '𠀋']);
    expect(charsBeforeHui('市委常委会会议').map((cp) => String.fromCodePoint(cp))).toEqual(['委', '会']);
  });
  it('reads only within the span', () => {
    const years: number[] = [];
    scanText(
      '2019年',
      1,
      5,
      (y) => years.push(y),
      () => undefined,
    );
    expect(years).toEqual([]);
  });
});
