/**
 * A page laid out differently from the shipped one: the headline block printed above the articles,
 * the byline in brackets after 本报讯, a second article with no printed headline and its byline at the end.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/corpus/page-parser.ts';

const text = readFileSync(new URL('../fixtures/corpus/page-headline-on-top.txt', import.meta.url), 'utf8');
const [meeting, planting, ...rest] = parsePage(text, 'page-headline-on-top.txt', { date: '2021-03-05' });

describe('page parser on a page with the headline on top', () => {
  it('finds both articles and matches the two-line headline to the first', () => {
    expect(rest).toHaveLength(0);
    expect(meeting.headline).toBe('高新区召开2021年第一季度经济运行分析会');
    expect(meeting.headlineDerived).toBe(false);
    expect(planting.headlineDerived).toBe(true);
    expect(planting.headline).toContain('植树');
  });

  it('reads the bracketed byline and the closing one', () => {
    expect(meeting.reporters).toEqual(['李明']);
    expect(meeting.contributors).toEqual(['王芳']);
    expect(planting.reporters).toEqual(['赵强']);
    expect(meeting.body).not.toContain('记者');
    expect(planting.body).not.toContain('赵强');
  });

  it('dates each article from its own dateline, the year from the metadata', () => {
    expect([meeting.date, planting.date]).toEqual(['2021-03-05', '2021-03-06']);
    expect(meeting.dateInferred).toBe(false);
  });

  it('names the meeting, the chair and the numbers with OCR spaces removed', () => {
    expect(meeting.meeting).toBe('2021年第一季度经济运行分析会');
    const chair = meeting.people.find((p) => p.name === '张红军');
    expect(chair?.roles).toContain('chaired');
    expect(chair?.title).toContain('管委会主任');
    expect(meeting.body).toContain('同比增长12.5%，固定资产投资完成38.6亿元');
    expect(meeting.body).toContain('高新区召开2021年第一季度经济运行分析会，总结1至2月份经济运行情况');
  });
});

describe('page parser on text copied from a web page without blank lines', () => {
  const paragraph =
    '3月2日上午，县十八届人大常委会第9次会议召开。县人大常委会主任周立新主持会议，副县长韩明列席会议。会议审议通过了县政府有关人事任命事项，听取了县人大代表建议办理情况的报告。';

  it('takes the short line right above a one-line paragraph as the headline, and a lone user name as neither', () => {
    const [a] = parsePage(`admin\n县十八届人大常委会第9次会议召开\n${paragraph}\n`, 'web-copy.txt');
    expect(a.headline).toBe('县十八届人大常委会第9次会议召开');
    expect(a.body.startsWith('3月2日上午')).toBe(true);
    expect(a.body).not.toContain('admin');
  });

  it('drops a page number and a letter-spaced site name printed above everything', () => {
    const [a] = parsePage(`5\nX i a n F e n g . G o v . C n\n${paragraph}\n`, 'web-logo.txt');
    expect(a.body.startsWith('3月2日上午')).toBe(true);
  });

  it('keeps a column-broken paragraph whole: its first line is no headline when the next is as narrow', () => {
    const column = ['县十八届人大常委会第9次', '会议3月2日上午召开，县人大', '常委会主任周立新主持会议。'];
    const [a] = parsePage(column.join('\n') + '\n', 'column.txt');
    expect(a.body.startsWith('县十八届人大常委会第9次会议3月2日上午召开')).toBe(true);
  });
});
