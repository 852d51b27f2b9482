/**
 * Page layouts beyond the shipped one (found by the dev-layouts set): credits broken across column
 * lines, the Taiwan/HK credit form, headlines printed above each article, a 民國-dated page header.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isBylineLine, parseByline } from '../../src/corpus/byline.ts';
import { findMonthDay, inferYear, normaliseDate } from '../../src/corpus/dates.ts';
import { parseTextReport } from '../../src/corpus/front-matter.ts';
import { findMasthead, readMastheadLine } from '../../src/corpus/masthead.ts';
import { parsePage } from '../../src/corpus/page-parser.ts';

describe('a dateline credit broken across a column line', () => {
  it('reads the credit like the one-line form and keeps it out of the body', () => {
    const text = [
      '本报讯（记者 刘佳 通讯员 陈',
      '晓）9月 8日上午，区农业局召开',
      '秋收工作会议，部署秋收工作。',
      '',
      '本报讯（记者 刘',
      '佳）9月 9日，区水利局举行防汛演练。',
    ].join('\n');
    const [meeting, drill] = parsePage(text, 'p.txt', { date: '2021-09-10' });
    expect(meeting.reporters).toEqual(['刘佳']);
    expect(meeting.contributors).toEqual(['陈晓']);
    expect(meeting.body.startsWith('9月8日上午，区农业局召开秋收工作会议')).toBe(true);
    expect(drill.reporters).toEqual(['刘佳']);
    expect(drill.body).toBe('9月9日，区水利局举行防汛演练。');
    expect(drill.date).toBe('2021-09-09');
  });

  it('reads a closing byline whose last characters the column carried to the next line', () => {
    const text = '本报讯 9月 9日，区水利局举行防汛演练。\n记者 赵强 通讯员 李\n娜';
    const [a] = parsePage(text, 'p.txt');
    expect(a.reporters).toEqual(['赵强']);
    expect(a.contributors).toEqual(['李娜']);
    expect(a.body).toBe('9月9日，区水利局举行防汛演练。');
  });

  it('leaves a bracket that is not a credit alone past a few lines', () => {
    const text = '本报讯（记者 刘佳）9月8日，区里召开会议（第一\n次），部署工作。';
    const [a] = parsePage(text, 'p.txt');
    expect(a.reporters).toEqual(['刘佳']);
    expect(a.body).toBe('9月8日，区里召开会议（第一次），部署工作。');
  });
});

describe('the Taiwan / Hong Kong credit form', () => {
  it('reads the reporter, not the place, from （記者X／地名報導） and 记者 X 报道', () => {
    expect(parseByline(['記者王俊傑／臺中報導'])).toMatchObject({ reporters: ['王俊傑'], contributors: [] });
    expect(parseByline(['記者王俊傑/台中報導'])).toMatchObject({ reporters: ['王俊傑'], contributors: [] });
    expect(parseByline(['记者 张华 报道'])).toMatchObject({ reporters: ['张华'], contributors: [] });
    expect(isBylineLine('（記者王俊傑／臺中報導）')).toBe(true);
    expect(isBylineLine('記者／臺中報導')).toBe(false);
  });

  it('removes the credit from the body, also when the column cut it', () => {
    const text = ' 本報訊（記者王俊傑／臺中報\n導）北屯區公所10月5日上午\n召開區務會議，由區長陳美玲主持。';
    const [a] = parsePage(text, 'tw.txt', { date: '2021-10-06' });
    expect(a.reporters).toEqual(['王俊傑']);
    expect(a.people.map((p) => p.name)).not.toContain('臺中');
    expect(a.body).toBe('北屯區公所10月5日上午召開區務會議，由區長陳美玲主持。');
  });
});

describe('headlines printed above each article', () => {
  const text = readFileSync(new URL('../fixtures/corpus/page-headlines-above.txt', import.meta.url), 'utf8');
  const [welfare, fire, contest, ...rest] = parsePage(text, 'page-headlines-above.txt');

  it('gives each article the headline printed above it, with its kicker and —— subtitle', () => {
    expect(rest).toHaveLength(0);
    expect(welfare).toMatchObject({
      headline: '区民政局召开第三季度养老服务工作推进会',
      subtitle: '聚焦民生实事 提升服务水平',
      headlineDerived: false,
    });
    expect(fire).toMatchObject({
      headline: '张明带队开展节前消防安全大检查',
      subtitle: '聚焦商场、酒店、在建工地三类场所',
      headlineDerived: false,
    });
    expect(contest).toMatchObject({ headline: '区教育局举办青年教师教学技能大赛，展示课堂风采', headlineDerived: false });
  });

  it('keeps the next headline out of the body before it, byline or not', () => {
    expect(welfare.body).toBe(
      '9月27日上午，区民政局召开2022年第三季度养老服务工作推进会，通报养老服务设施建设情况。\n区民政局局长韩冬主持会议并讲话。',
    );
    expect(fire.body.endsWith('张明要求，要立即整改到位。')).toBe(true);
    expect(fire.reporters).toEqual(['赵强']);
    expect(contest.reporters).toEqual(['王芳']);
  });

  it('matches a headline to the article below it even when the lead shares no words with it', () => {
    const page = [
      '守护万家灯火',
      '',
      '本报讯 9月 27日，副区长张明带队检查商场消防设施。',
      '记者 赵强',
      '',
      '区教育局举办青年教师教学技能大赛',
      '',
      '本报讯 9月 28日，区教育局举办青年教师教学技能大赛。',
    ].join('\n');
    const [a, b] = parsePage(page, 'p.txt');
    expect(a).toMatchObject({ headline: '守护万家灯火', headlineDerived: false });
    expect(b).toMatchObject({ headline: '区教育局举办青年教师教学技能大赛', headlineDerived: false });
  });
});

describe('a page header without 报 in the name, and Taiwan 民國 dates', () => {
  it('reads a header line with a full date and a page number or weekday whatever the name', () => {
    expect(readMastheadLine('市政新聞 中華民國110年10月6日 星期三 第3版')).toMatchObject({ date: '2021-10-06' });
    expect(readMastheadLine('城市快讯 2021年9月10日 第1版')).toMatchObject({ date: '2021-09-10' });
    expect(readMastheadLine('城市快讯 2021年9月10日 星期五')).toMatchObject({ date: '2021-09-10' });
  });

  it('stays conservative: headlines and sentences with years are no header', () => {
    expect(readMastheadLine('北屯區公所召開110年第3次區務會議')).toBeUndefined();
    expect(readMastheadLine('北屯區公所 中華民國110年10月5日')).toBeUndefined();
    expect(readMastheadLine('高新区召开2021年第三季度重点项目')).toBeUndefined();
    expect(readMastheadLine('区长视察 2021年9月8日')).toBeUndefined();
    expect(findMasthead(['北屯區公所召開', '2021年10月5日上午召開區務會議，由區長主持。'])).toEqual({ lines: [] });
  });

  it('reads 民國 years as the 民國 year + 1911 wherever a date is parsed', () => {
    expect(normaliseDate('中華民國110年10月6日')).toBe('2021-10-06');
    expect(normaliseDate('民国110年10月6日')).toBe('2021-10-06');
    expect(findMonthDay('民國110年10月5日上午')).toEqual({ year: 2021, month: 10, day: 5 });
    expect(findMonthDay('110年第3次區務會議10月5日')).toEqual({ year: undefined, month: 10, day: 5 });
    expect(inferYear('民國110年第3次區務會議')).toBe(2021);
    expect(inferYear('110年第3次區務會議')).toBeUndefined();
  });

  it('reads a 民國 date in Chinese numerals (minutes: 中華民國一一二年五月十六日), digit by digit or as a number', () => {
    expect(findMonthDay('時間：中華民國一一二年五月十六日上午九時')).toEqual({ year: 2023, month: 5, day: 16 });
    expect(findMonthDay('民國一百一十年十月五日')).toEqual({ year: 2021, month: 10, day: 5 });
    // The first date printed wins, whichever numerals.
    expect(findMonthDay('10月5日開會，民國一一二年五月十六日通過')).toEqual({ year: undefined, month: 10, day: 5 });
    const [a] = parseTextReport(['某縣議會第一次定期會第二次會議紀錄', '時 間：中華民國一一二年五月十六日上午九時', '主 席：王議長明德', '一、宣讀上次會議紀錄。'].join('\n'), 'm.txt');
    expect(a.date).toBe('2023-05-16');
  });

  it('dates the articles of a 民國-dated page and keeps its header out of the headlines', () => {
    const text = [
      '市政新聞 中華民國110年10月6日 星期三 第3版',
      '',
      '北屯區公所召開',
      '第3次區務會議',
      '',
      ' 本報訊（記者王俊傑／臺中報導）北屯區公所10月5日上午召開110年第3次區務會議，由區長陳美玲主持。',
    ].join('\n');
    const [a] = parsePage(text, 'tw.txt');
    expect(a).toMatchObject({
      headline: '北屯區公所召開第3次區務會議',
      subtitle: '',
      date: '2021-10-05',
      dateInferred: false,
      meeting: '110年第3次區務會議',
    });
  });
});
