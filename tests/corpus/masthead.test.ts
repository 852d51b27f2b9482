import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMasthead, readMastheadLine } from '../../src/corpus/masthead.ts';
import { dateNear, hanNumber, normaliseDate } from '../../src/corpus/dates.ts';
import { parsePage } from '../../src/corpus/page-parser.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), 'utf8');

describe('readMastheadLine', () => {
  it.each([
    ['2021年1月15日 星期五', ['date', 'weekday'], '2021-01-15'],
    ['高新区报 2021年1月15日 第2版', ['paper', 'date', 'page'], '2021-01-15'],
    ['2021-01-15  第 3 版  责任编辑：张三', ['date', 'page', 'desk'], '2021-01-15'],
    ['二〇二一年一月十五日 星期五', ['date', 'weekday'], '2021-01-15'],
    ['二○二○年十二月三十一日  星期四', ['date', 'weekday'], '2020-12-31'],
    ['2021 年 1 月 15 日  星 期 五', ['date', 'weekday'], '2021-01-15'],
    ['２０２１年１月１５日 週五', ['date', 'weekday'], '2021-01-15'],
    ['2021年1月15日星期五 农历庚子年十二月初三', ['date', 'weekday', 'lunar'], '2021-01-15'],
    ['《高新區報》 2021/1/15 第A2版', ['paper', 'date', 'page'], '2021-01-15'],
    ['2021.01.15 | 总第1234期 | 今日8版', ['date', 'issue', 'issue'], '2021-01-15'],
  ])('reads %s', (line, parts, date) => {
    expect(readMastheadLine(line)).toEqual({ parts, date });
  });

  it.each([
    ['第2版·要闻', ['page', 'section']],
    ['A2版 要聞', ['page', 'section']],
    ['責任編輯：張三 版式：李四 校對：王五', ['desk', 'desk', 'desk']],
    ['星期五', ['weekday']],
  ])('reads %s without a date', (line, parts) => {
    expect(readMastheadLine(line)).toEqual({ parts, date: undefined });
  });

  it.each([
    '2021年安全生产工作会议召开',
    '高新区召开2021年度信访工作会议',
    '2021年1月15日召开全区安全生产大会',
    '2021年1月15日上午，高新区召开',
    '2021年1月15日，',
    '1月12日上午，高',
    '2020年 8月以来辖区发生的四',
    '星期五下午',
    '周五召开会议',
    '第二届读书节开幕',
    '第2版面设计大赛',
    '本报 2021年1月15日',
    '会议通报 2021年1月15日',
    '记者 孙庆辉',
    '高新时报 方宝岭',
    '编辑部召开会议',
    '2021年13月40日 星期五',
    '',
  ])('rejects %j', (line) => {
    expect(readMastheadLine(line)).toBeUndefined();
  });

  it('rejects long lines whatever they are made of', () => {
    expect(readMastheadLine(Array(12).fill('2021年1月15日').join(' '))).toBeUndefined();
  });
});

describe('findMasthead', () => {
  it('needs a date or page number with another header part, or the page edge', () => {
    const body = ['本报讯 1月12日，高新区召开会议。', '记者 孙庆辉'];
    expect(findMasthead(['2021年1月15日', ...body])).toEqual({ date: '2021-01-15', lines: [0] });
    expect(findMasthead([...body, '', '第2版'])).toEqual({ date: undefined, lines: [3] });
    // A bare date or a lone weekday mid-page is not enough.
    expect(findMasthead(['标题', '', '2021年1月15日', '', ...body])).toEqual({ lines: [] });
    expect(findMasthead(['标题', '星期五', ...body])).toEqual({ lines: [] });
  });

  it('reads a header split over lines, blank lines between, and a date cut in two', () => {
    expect(findMasthead(['标题', '2021年1月15日', '', '星期五', ...['正文。']])).toEqual({ date: '2021-01-15', lines: [1, 3] });
    expect(findMasthead(['高新区报 2021年1月', '15日 星期五', '标题', '正文。'])).toEqual({ date: '2021-01-15', lines: [0, 1] });
    expect(findMasthead(['标题', '正文。', '责任编辑：张三', '2021-01-15 第2版'])).toEqual({ date: '2021-01-15', lines: [2, 3] });
  });

  it('finds nothing on the shipped page and the other fixtures', () => {
    for (const name of ['page-2021-01-12.txt', 'page-headline-on-top.txt', 'no-dateline.txt', 'synthetic-page.txt']) {
      expect(findMasthead(fixture(name).split('\n')), name).toEqual({ lines: [] });
    }
  });
});

describe('dates for mastheads', () => {
  it('reads Chinese-numeral dates and numbers', () => {
    expect(normaliseDate('二〇二一年一月十五日')).toBe('2021-01-15');
    expect(normaliseDate('二零二零年十二月三十一日')).toBe('2020-12-31');
    expect(normaliseDate('二〇二一年二月三十日')).toBeUndefined();
    expect([hanNumber('五'), hanNumber('十'), hanNumber('十五'), hanNumber('二十'), hanNumber('廿一'), hanNumber('三十一')]).toEqual([
      5, 10, 15, 20, 21, 31,
    ]);
    expect(hanNumber('二一')).toBeUndefined();
  });

  it('puts a month and day in the year nearest the issue date', () => {
    expect(dateNear('2021-01-02', 12, 30)).toBe('2020-12-30');
    expect(dateNear('2020-12-30', 1, 5)).toBe('2021-01-05');
    expect(dateNear('2021-01-15', 1, 12)).toBe('2021-01-12');
  });
});

describe('parsePage with a page header and footer', () => {
  const page = fixture('page-with-masthead.txt');
  const plain = parsePage(fixture('page-2021-01-12.txt'), 'p.txt');
  const articles = parsePage(page, 'p.txt');
  const furniture = ['高新区报', '2021年1月15日', '星期五', '第2版', '要闻', '责任编辑', '张三', '2021-01-15'];

  it('gives the same three articles, headlines and bodies as without the header', () => {
    expect(articles.map((a) => [a.headline, a.subtitle, a.headlineDerived])).toEqual(
      plain.map((a) => [a.headline, a.subtitle, a.headlineDerived]),
    );
    expect(articles.map((a) => a.body)).toEqual(plain.map((a) => a.body));
  });

  it('keeps header and footer text out of headlines, subtitles and bodies', () => {
    for (const a of articles) {
      for (const f of furniture) {
        expect(a.headline).not.toContain(f);
        expect(a.subtitle).not.toContain(f);
        expect(a.body).not.toContain(f);
      }
    }
  });

  it('takes the year from the header, so the date is no longer inferred', () => {
    expect(plain.every((a) => a.dateInferred)).toBe(true);
    for (const a of articles) {
      expect(a.date).toBe('2021-01-12');
      expect(a.dateInferred).toBe(false);
    }
  });

  it('lets the front matter win over the header', () => {
    const withMeta = parsePage(page, 'p.txt', { date: '2022-01-20' });
    expect(withMeta.map((a) => a.date)).toEqual(['2022-01-12', '2022-01-12', '2022-01-12']);
  });

  it('gives the year across New Year, and the whole date when the text prints none', () => {
    const text = [
      '二〇二一年一月二日 星期六',
      '第3版·綜合',
      '',
      '全市冬季植树活动启动',
      '',
      '本報訊 12月31日，全市冬季植树活动启动，',
      '市直机关干部参加植树。',
      '記者 李明',
      '',
      '本報訊 市文化馆举办迎新书画展，展出',
      '作品一百余幅。',
      '記者 赵强',
      '',
      '責任編輯：張三  版式：李四',
    ].join('\n');
    const [planting, exhibition, ...rest] = parsePage(text, 'q.txt');
    expect(rest).toHaveLength(0);
    expect(planting.headline).toBe('全市冬季植树活动启动');
    expect(planting.date).toBe('2020-12-31');
    expect(planting.dateInferred).toBe(false);
    // As before, an article without a date of its own takes the page's.
    expect(exhibition.date).toBe('2020-12-31');
    expect(exhibition.headline).not.toMatch(/版|星期|〇|編輯/);
    const undated = parsePage(text.replace('本報訊 12月31日，', '本報訊 '), 'q.txt');
    expect(undated.map((a) => [a.date, a.dateInferred])).toEqual([
      ['2021-01-02', false],
      ['2021-01-02', false],
    ]);
  });

  it('leaves the headline-on-top page as it was when a header is put above it', () => {
    const text = fixture('page-headline-on-top.txt');
    const before = parsePage(text, 'h.txt', { date: '2021-03-05' });
    const after = parsePage(`高新区报  2021年3月8日  星期一  第1版 要闻\n${text}`, 'h.txt');
    expect(after.map((a) => [a.headline, a.date, a.dateInferred, a.body])).toEqual(
      before.map((a) => [a.headline, a.date, a.dateInferred, a.body]),
    );
  });
});

describe('OCR of a page header', () => {
  it('reads a middle dot OCR turned into a full stop as a separator', () => {
    expect(readMastheadLine('2021年3月5日 星期五 第2版.要聞')?.date).toBe('2021-03-05');
  });
});
