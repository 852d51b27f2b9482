import { describe, expect, it } from 'vitest';
import { inYear, meetsYear, onDay, textDates } from '../../src/corpus/event-dates.ts';
import { parseTextReport } from '../../src/corpus/front-matter.ts';
import { parseJsonl } from '../../src/corpus/jsonl.ts';
import { chunkArticle } from '../../src/corpus/chunker.ts';
import { chunksFromSpans, chunkSpans } from '../../src/index/chunk-spans.ts';

describe('the days a text names', () => {
  it('keeps a day without a year as month-day when nothing gives the year', () => {
    expect(textDates('3月8日上午，青松镇召开防汛工作推进会。')).toEqual(['03-08']);
    expect(textDates('十二月六日，县委召开常委会。')).toEqual(['12-06']);
  });
  it('reads a printed year, a 民國 year and a year in Chinese numerals', () => {
    expect(textDates('2022年4月9日下午，区政协召开主席会议。')).toEqual(['2022-04-09']);
    expect(textDates('時間：民國111年3月2日(星期三)上午9時')).toEqual(['2022-03-02']);
    expect(textDates('會議於112年5月4日召開。')).toEqual(['2023-05-04']);
    expect(textDates('二〇二二年一月十五日')).toEqual(['2022-01-15']);
  });
  it('gives a bare month-day the year nearest the issue date', () => {
    expect(textDates('12月29日，街道开展消防检查。', { issue: '2023-01-03' })).toEqual(['2022-12-29']);
    expect(textDates('6月2日，镇里召开推进会。', { articleDate: '2022-06-05' })).toEqual(['2022-06-02']);
  });
  it('reads 昨日, 今天, 前天 and 明日 against the issue date, and nothing without one', () => {
    expect(textDates('本报讯 昨日下午，市政协召开常委会议。', { issue: '2022-03-01' })).toEqual(['2022-02-28']);
    expect(textDates('今天，县政府举行团拜会；前天已开过预备会。', { issue: '2024-02-10' })).toEqual(['2024-02-08', '2024-02-10']);
    expect(textDates('明日各校开学。', { issue: '2024-02-15' })).toEqual(['2024-02-16']);
    expect(textDates('本报讯 昨日下午，市政协召开常委会议。')).toEqual([]);
  });
  it('reads a day printed in brackets after 今 in the issue month, or the month in context', () => {
    expect(textDates('市政府今(15)日召開市務會議。', { issue: '2024-03-15' })).toEqual(['2024-03-15']);
    expect(textDates('活動今日（16日）舉行。', { issue: '2024-03-15' })).toEqual(['2024-03-16']);
    expect(textDates('3月1日代表报到。今(2)日大会开幕。')).toEqual(['03-01', '03-02']);
  });
  it('reads `5日晚` as a day of the issue month, else of the month named before it', () => {
    expect(textDates('5日晚，县人大会议举行主席团第一次会议。', { issue: '2022-01-06' })).toEqual(['2022-01-05']);
    expect(textDates('大会定于1月4日报到，5日晚举行预备会议。')).toEqual(['01-04', '01-05']);
    expect(textDates('5日晚，县人大会议举行主席团第一次会议。')).toEqual([]);
  });
  it('names every day of a short span, and only the ends of a long one', () => {
    expect(textDates('5月26日至5月28日，各乡镇召开人代会。')).toEqual(['05-26', '05-27', '05-28']);
    expect(textDates('12月30日至1月1日', { issue: '2022-12-29' })).toEqual(['2022-12-30', '2022-12-31', '2023-01-01']);
    expect(textDates('3月1日至6月30日开展专项行动。')).toEqual(['03-01', '06-30']);
  });
  it('takes 日前 and 近日 as no day at all', () => {
    expect(textDates('日前，街道组织志愿者开展服务。近日又有活动。', { issue: '2022-05-05' })).toEqual([]);
  });
  it('skips impossible days', () => {
    expect(textDates('2月30日')).toEqual([]);
  });
});

describe('matching a day asked', () => {
  it('matches the date or a day the text names; a full date matches a yearless day', () => {
    const a = { date: '2022-03-10', eventDates: ['03-06'] };
    expect(onDay(a, { monthDay: '03-10' })).toBe(true);
    expect(onDay(a, { monthDay: '03-06' })).toBe(true);
    expect(onDay(a, { date: '2021-03-06', monthDay: '03-06' })).toBe(true);
    expect(onDay(a, { monthDay: '03-07' })).toBe(false);
  });
  it('does not match a day whose known year differs', () => {
    const a = { date: '2022-03-10', eventDates: ['2022-03-06'] };
    expect(onDay(a, { date: '2021-03-06', monthDay: '03-06' })).toBe(false);
    expect(onDay(a, { date: '2022-03-06', monthDay: '03-06' })).toBe(true);
    expect(inYear(a, 2022)).toBe(true);
    expect(inYear({ eventDates: ['03-06'] }, 2022)).toBe(false);
  });
  it('meets a full date asked by a day whose year is unknown, but a year alone only by a known year', () => {
    expect(meetsYear({ eventDates: ['03-06'] }, { date: '2022-03-06', monthDay: '03-06', year: 2022 })).toBe(true);
    expect(meetsYear({ eventDates: ['03-06'] }, { year: 2022 })).toBe(false);
    expect(meetsYear({ eventDates: ['2021-03-06'] }, { date: '2022-03-06', monthDay: '03-06', year: 2022 })).toBe(false);
    expect(meetsYear({}, {})).toBe(true);
  });
});

describe('eventDates at ingestion', () => {
  it('are kept apart from the issue date of a front-matter report and carried to its chunks', () => {
    const text =
      '---\ntitle: 镇召开第一书记对接会\ndate: 2022-07-11\n---\n7月8日上午，青松镇召开县派第一书记对接会。会议由镇党委书记李明主持。';
    const [a] = parseTextReport(text, 'x.md', { markdown: true });
    expect(a.date).toBe('2022-07-11');
    expect(a.eventDates).toEqual(['2022-07-08']);
    const chunks = chunkArticle(a);
    expect(chunks[0].eventDates).toEqual(['2022-07-08']);
    expect(chunksFromSpans([a], chunkSpans([a], chunks))[0].eventDates).toEqual(['2022-07-08']);
  });
  it('are found on a page without any year', () => {
    const [a] = parseTextReport('11月3日，青松社区开展走访慰问活动。社区干部看望了困难群众。', 'p.txt');
    expect(a.date).toBeUndefined();
    expect(a.eventDates).toEqual(['11-03']);
  });
  it('are found in JSONL records, against the record date', () => {
    const { articles } = parseJsonl(
      JSON.stringify({ id: 'r1', title: 't', text: '昨日，区里召开推进会。', date: '2022-09-02' }),
      'a.jsonl',
      new Set(),
    );
    expect(articles[0].eventDates).toEqual(['2022-09-01']);
  });
  it('are absent from an article naming no day', () => {
    const [a] = parseTextReport('街道组织志愿者清理河道垃圾。', 'q.txt');
    expect(a.eventDates).toBeUndefined();
  });
});
