import { describe, expect, it } from 'vitest';
import { parseFilters } from '../../src/retrieval/question/filters.ts';
import { analyseQuestion } from '../../src/retrieval/question/intent.ts';

describe('analyseQuestion (Chinese)', () => {
  it('谁主持了… → who, chaired, person', () => {
    const intent = analyseQuestion('谁主持了安委会全体会议?');
    expect(intent).toMatchObject({ role: 'chaired', answerType: 'person' });
  });

  it('recognises the other roles', () => {
    expect(analyseQuestion('哪些领导出席了会议?')).toMatchObject({ role: 'attended', answerType: 'person' });
    expect(analyseQuestion('会上谁作了讲话?').role).toBe('spoke');
    expect(analyseQuestion('这篇报道的记者是谁?').role).toBe('reported');
    expect(analyseQuestion('谁传达了省委会议精神?').role).toBe('relayed');
    expect(analyseQuestion('哪些人列席了会议?').role).toBe('observed');
    expect(analyseQuestion('第63次常务会议由谁召开?').role).toBe('chaired');
  });

  it('asks no role when it asks whose words a role verb acts on (the speaker, not who relayed them)', () => {
    expect(analyseQuestion('街道会议传达的是谁的讲话?')).toMatchObject({ answerType: 'person' });
    expect(analyseQuestion('街道会议传达的是谁的讲话?').role).toBeUndefined();
    expect(analyseQuestion('会上传达了哪位领导的指示精神?').role).toBeUndefined();
    expect(analyseQuestion('whose speech was relayed at the meeting?').role).toBeUndefined();
    expect(analyseQuestion('会上谁传达了区委全会精神?').role).toBe('relayed');
  });

  it('什么时候召开 → when/date; 哪一年 → when/year', () => {
    expect(analyseQuestion('安委会什么时候召开?')).toMatchObject({ answerType: 'date' });
    expect(analyseQuestion('高新区是哪一年成立的?')).toMatchObject({ answerType: 'year' });
    expect(analyseQuestion('高新区是哪一年成立的?').filters).toEqual({});
  });

  it('多少 → number; 有哪些 → list; 在哪里 → place; otherwise what/span', () => {
    expect(analyseQuestion('全市有多少家企业?')).toMatchObject({ answerType: 'number' });
    expect(analyseQuestion('会议部署了哪些工作?')).toMatchObject({ answerType: 'list' });
    expect(analyseQuestion('有哪些重点项目?')).toMatchObject({ answerType: 'list' });
    expect(analyseQuestion('会议在哪里召开?')).toMatchObject({ answerType: 'place' });
    expect(analyseQuestion('安全生产的关键是什么?')).toMatchObject({ answerType: 'span' });
  });

  it('parses a stated date, year and meeting', () => {
    const intent = analyseQuestion('2021年1月12日在安委会上谁讲话了?');
    expect(intent.filters).toEqual({ date: '2021-01-12', monthDay: '01-12', year: 2021, years: [2021], meeting: '安委会' });
    expect(analyseQuestion('2022年有哪些重点项目?').filters).toEqual({ year: 2022, years: [2022] });
    expect(analyseQuestion('1月12日召开了什么会议?').filters).toEqual({ monthDay: '01-12' });
  });
});

describe('analyseQuestion (English)', () => {
  it('who / when / how many', () => {
    expect(analyseQuestion('who chaired the meeting?')).toMatchObject({ role: 'chaired', answerType: 'person' });
    expect(analyseQuestion('when was the zone founded?')).toMatchObject({ answerType: 'date' });
    expect(analyseQuestion('what year did warsaw become the capital?')).toMatchObject({ answerType: 'year' });
    expect(analyseQuestion('how many people attended?')).toMatchObject({ answerType: 'number' });
    expect(analyseQuestion('where is the high-tech zone?')).toMatchObject({ answerType: 'place' });
  });
});

describe('parseFilters', () => {
  it('reads dates in Chinese, ISO, English and Chinese-numeral forms', () => {
    expect(parseFilters('2021年1月12日召开').filters).toEqual({ date: '2021-01-12', monthDay: '01-12', year: 2021, years: [2021] });
    expect(parseFilters('2021-01-12的会议').filters.date).toBe('2021-01-12');
    expect(parseFilters('on january 12, 2021').filters.date).toBe('2021-01-12');
    expect(parseFilters('12 march 2020').filters.date).toBe('2020-03-12');
    expect(parseFilters('二〇二一年一月十二日').filters.date).toBe('2021-01-12');
    expect(parseFilters('what happened in 2019').filters).toEqual({ year: 2019, years: [2019] });
    expect(parseFilters('who chaired the 2019 flood prevention meeting').filters).toEqual({ year: 2019, years: [2019] });
  });

  it('lists every year named, older ones too, but not decades, years ago or years inside larger numbers', () => {
    expect(parseFilters('1944年到2009年提名了几部影片').filters.years).toEqual([1944, 2009]);
    expect(parseFilters('1260年的时候谁统治东部').filters).toEqual({ years: [1260] });
    expect(parseFilters('公元380年召开的会议在哪里').filters.years).toEqual([380]);
    expect(parseFilters('一九八五年的总统是谁').filters.years).toEqual([1985]);
    expect(parseFilters('1950年代鼓励什么艺术').filters.years).toBeUndefined();
    expect(parseFilters('1亿1234万5678年前是哪一纪').filters.years).toBeUndefined();
    expect(parseFilters('持续了300年').filters.years).toBeUndefined();
  });

  it('lists the months named without a day, not dates, spans of months or the start of a month', () => {
    expect(parseFilters('9月份党建联席会议签订了几份协议').filters.months).toEqual([9]);
    expect(parseFilters('2024年十月集中开工了多少个项目').filters).toMatchObject({ years: [2024], months: [10] });
    expect(parseFilters('9月18日下午召开了什么会').filters.months).toBeUndefined();
    expect(parseFilters('为期3个月的整治').filters.months).toBeUndefined();
    expect(parseFilters('10月初开工了什么').filters.months).toBeUndefined();
  });

  it('rejects impossible dates and does not read 年代 as a year', () => {
    expect(parseFilters('2021年13月40日').filters.date).toBeUndefined();
    expect(parseFilters('1990年代').filters.year).toBeUndefined();
  });

  it('finds the meeting named before 上/中', () => {
    expect(parseFilters('全市安全生产工作会议上强调了什么').filters.meeting).toBe('全市安全生产工作会议');
    expect(parseFilters('在安委会上,谁讲话了').filters.meeting).toBe('安委会');
    expect(parseFilters('谁讲话了').filters.meeting).toBeUndefined();
  });
});
