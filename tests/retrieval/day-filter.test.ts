import { describe, expect, it } from 'vitest';
import type { Article, Chunk } from '../../src/corpus/types.ts';
import { articleBinds, askedMeeting, dayBinding, knownPeople } from '../../src/retrieval/day-binding.ts';
import { eventsAnswer } from '../../src/retrieval/answer-compose.ts';
import { commonDay, eventsOnDate, eventsText } from '../../src/retrieval/structured-answers.ts';
import { chunkFilter } from '../../src/retrieval/hybrid.ts';
import { testArticle } from '../support/article.ts';

const art = (id: string, body: string, extra: Partial<Article> = {}): Article =>
  testArticle({ id, source: `${id}.txt`, headline: '', headlineDerived: true, body, ...extra });

// A page with a year and an issue date, and pages that name their day without any year.
const articles: Article[] = [
  art('a', '12月6日，市委书记张建国主持召开市委常委会，研究了三项议题。', {
    eventDates: ['12-06'],
    meeting: '市委常委会',
    people: [{ name: '张建国', title: '市委书记', roles: ['chaired'] }],
  }),
  art('b', '12月6日，市文联与市作协举行联合座谈会。', { eventDates: ['12-06'] }),
  art('c', '8月7日，市人大常委会主任刘文华到青松镇调研。', {
    eventDates: ['08-07'],
    people: [{ name: '刘文华', title: '市人大常委会主任', roles: [] }],
  }),
  art('d', '8月9日，市长王海前往白石镇开展调研。', { eventDates: ['08-09'], people: [{ name: '王海', title: '市长', roles: [] }] }),
  art('e', '2021年12月31日，县政府召开第十次常务会议，县委常委、副县长李强参加。', {
    date: '2021-12-31',
    eventDates: ['2021-12-31'],
    meeting: '县政府第十次常务会议',
  }),
];
const chunkOf = (a: Article): Chunk => ({
  id: `${a.id}#0`,
  articleId: a.id,
  ordinal: 0,
  text: a.body,
  start: 0,
  end: a.body.length,
  headline: a.headline,
  ...(a.date ? { date: a.date } : {}),
  ...(a.eventDates ? { eventDates: a.eventDates } : {}),
  ...(a.meeting ? { meeting: a.meeting } : {}),
});
const chunks = articles.map(chunkOf);
const byId = new Map(articles.map((a) => [a.id, a]));
const corpus = { dated: true, withMeetings: true };
const kept = (question: string, filters: { date?: string; monthDay?: string; year?: number }) => {
  const f = chunkFilter(filters, chunks, corpus, { text: question, articles, articleById: byId });
  return chunks
    .map((_, i) => i)
    .filter((i) => f?.(i) ?? true)
    .map((i) => chunks[i].articleId);
};

describe('the date filter', () => {
  it('keeps reports whose text names the day when they have no date', () => {
    expect(kept('12月6日有什么新闻', { monthDay: '12-06' })).toEqual(['a', 'b']);
  });
  it('keeps a yearless day for a full date asked: an unknown year never rules it out', () => {
    expect(kept('2019年12月6日有什么新闻', { date: '2019-12-06', monthDay: '12-06', year: 2019 })).toEqual(['a', 'b']);
  });
  it('keeps nothing for a day no report names, or for a known year that differs', () => {
    expect(kept('12月7日有什么新闻', { monthDay: '12-07' })).toEqual([]);
    expect(kept('2020年12月31日有什么新闻', { date: '2020-12-31', monthDay: '12-31', year: 2020 })).toEqual([]);
  });
  it('keeps only the report of that day naming the meeting the question names', () => {
    expect(kept('12月6日的市委常委会研究了几项议题', { monthDay: '12-06' })).toEqual(['a']);
    expect(kept('12月6日东山市政府常务会议研究了什么', { monthDay: '12-06' })).toEqual([]);
    // A title in the text (县委常委) is not the meeting (县委常委会).
    expect(kept('12月31日县委常委会研究了哪些事项', { monthDay: '12-31' })).toEqual([]);
    expect(kept('12月31日县政府常务会议研究了哪些事项', { monthDay: '12-31' })).toEqual(['e']);
  });
  it('keeps only the report of that day naming the person or office the question names', () => {
    expect(kept('刘文华8月9日去了哪个镇', { monthDay: '08-09' })).toEqual([]);
    expect(kept('刘文华8月7日去了哪个镇', { monthDay: '08-07' })).toEqual(['c']);
    expect(kept('8月9日去白石镇调研的市长是谁', { monthDay: '08-09' })).toEqual(['d']);
    expect(kept('8月9日区长去了哪里', { monthDay: '08-09' })).toEqual([]);
  });
  it('is met by the year of a full date the text names', () => {
    expect(kept('2021年县政府开了几次常务会议', { year: 2021 })).toEqual(['e']);
  });
});

describe('what a question puts on its day', () => {
  it('reads the meeting named with the day, without counters or question words', () => {
    expect(askedMeeting('5月29日县政府开的是第几次常务会议？')).toBe('常务会议');
    expect(askedMeeting('东山市委常委会12月6日那次是谁主持的？')).toBe('东山市委常委会');
    expect(askedMeeting('1月21日上午开的是什么会？')).toBeUndefined();
    expect(askedMeeting('12月6日社会各界有什么活动？')).toBeUndefined();
  });
  it('binds nothing without a day in Chinese, or with nothing named', () => {
    expect(dayBinding('Who chaired the meeting on Dec 6?', new Set())).toBeUndefined();
    expect(dayBinding('12月6日有哪些新闻？', new Set(['张建国']))).toBeUndefined();
  });
  it('matches a meeting named with its place when the report names it without', () => {
    const b = dayBinding('东山市委常委会12月6日那次是谁主持的？', knownPeople(articles))!;
    expect(articleBinds(articles[0], '12-06', b)).toBe(true);
    expect(articleBinds(articles[1], '12-06', b)).toBe(false);
  });
  it('matches a meeting asked by its activity alone when the report names the day and that activity', () => {
    const study = art('s', '3月9日下午，某某街道组织全体干部认真学习区委书记在推进会上的讲话精神。街道办事处主任李敏主持会议。', {
      eventDates: ['03-09'],
      headline: '某某街道传达学习推进会精神',
    });
    const forum = art('f', '3月9日，某某社区召开居民座谈会，听取意见。', { eventDates: ['03-09'] });
    const b = dayBinding('某某街道3月9日的学习会议由谁主持？', new Set())!;
    expect(b.meeting).toBe('学习会议');
    expect(articleBinds(study, '03-09', b)).toBe(true);
    expect(articleBinds(forum, '03-09', b)).toBe(false);
    // A meeting named with its body is still that body's: 12月6日 of the 市文联 is no 市委常委会.
    const c = dayBinding('12月6日的市委常委会由谁主持？', new Set())!;
    expect(articleBinds(articles[1], '12-06', c)).toBe(false);
  });
});

describe('events on a date', () => {
  it('uses the days the text names, and what the question puts on that day', () => {
    expect(eventsOnDate('12月6日有哪些活动', { monthDay: '12-06' }, articles).map((a) => a.id)).toEqual(['a', 'b']);
    expect(eventsOnDate('12月31日县委常委会研究了哪些事', { monthDay: '12-31' }, articles)).toEqual([]);
  });
  it('ignores the days of reports that have no dates of their own (an archive of other texts)', () => {
    const undated = articles.filter((a) => !a.date);
    expect(eventsOnDate('12月6日有哪些活动', { monthDay: '12-06' }, undated)).toEqual([]);
  });
});

describe('the answer listing the events of a day', () => {
  it('labels the day with its year only when the reports give one', () => {
    const undated = [articles[0], articles[1]];
    expect(commonDay(undated)).toEqual({ monthDay: '12-06', label: '12月6日' });
    expect(eventsText(undated)).toBe('12月6日：市委常委会；');
    expect(commonDay([articles[4]])?.label).toBe('2021-12-31');
    expect(commonDay([articles[4], art('y', '12月31日，镇里开展巡查。', { eventDates: ['12-31'] })])?.label).toBe('12月31日');
  });
  it('cites the sentence naming the day, not the lead of a page that reports two days', () => {
    const page = art('p', '5月23日，县政府召开第16次常务会议。会议研究了防汛工作。又讯 5月29日，县政府召开第17次常务会议。', {
      date: '2022-05-23',
      eventDates: ['2022-05-23', '2022-05-29'],
      meeting: '第16次常务会议',
    });
    const composed = eventsAnswer('5月29日开了哪些会议', [page], []);
    expect(composed.answer).toBe('2022-05-29：第17次常务会议');
    expect(composed.citations[0].excerpt).toContain('第17次常务会议');
  });
});
