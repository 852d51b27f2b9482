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
