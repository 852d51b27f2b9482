import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTextReport, splitFrontMatter } from '../../src/corpus/front-matter.ts';

const page = readFileSync(new URL('../fixtures/corpus/page-2021-01-12.txt', import.meta.url), 'utf8');

describe('splitFrontMatter', () => {
  it('reads simple key: value pairs and strips quotes', () => {
    const fm = splitFrontMatter('---\ntitle: "会议报道"\nDate: 2021-01-12\n# a comment\nsource: 高新时报\n---\n正文。');
    expect(fm.hasFrontMatter).toBe(true);
    expect(fm.meta).toEqual({ title: '会议报道', date: '2021-01-12', source: '高新时报' });
    expect(fm.body).toBe('正文。');
  });

  it('leaves a file without front matter alone', () => {
    const fm = splitFrontMatter('正文---不是\n---');
    expect(fm.hasFrontMatter).toBe(false);
    expect(fm.meta).toEqual({});
  });
});

describe('parseTextReport', () => {
  it('runs the page parser with the front matter date', () => {
    const articles = parseTextReport(`---\ntitle: 第一版\ndate: 2021-01-12\n---\n${page}`, 'p.txt');
    expect(articles).toHaveLength(3);
    expect(articles[0].date).toBe('2021-01-12');
    expect(articles[0].dateInferred).toBe(false);
    expect(articles[2].headline).toBe('高新区召开2021年度信访工作会议');
  });

  it('makes one article of a plain body with the given title and date', () => {
    const text =
      '---\ntitle: 区图书馆延长开放时间\ndate: 2022/7/1\n---\n即日起，区图书馆每天开放到晚上九点。\n周末照常开放。\n\n读者可在线预约座位。';
    const [a, ...rest] = parseTextReport(text, 'notes/library.md', { markdown: true });
    expect(rest).toHaveLength(0);
    expect(a).toMatchObject({
      id: 'library-1',
      headline: '区图书馆延长开放时间',
      headlineDerived: false,
      date: '2022-07-01',
      dateInferred: false,
    });
    expect(a.body).toBe('即日起，区图书馆每天开放到晚上九点。\n周末照常开放。\n读者可在线预约座位。');
  });

  it('takes a markdown heading as the title and derives one otherwise', () => {
    const [md] = parseTextReport('# 标题一\n\n2023年5月4日，区里召开青年座谈会，听取意见。', 'a.md', { markdown: true });
    expect(md.headline).toBe('标题一');
    expect(md.date).toBe('2023-05-04');
    expect(md.meeting).toBe('青年座谈会');
    const [plain] = parseTextReport('---\ndate: 2023-05-04\n---\n区里召开青年座谈会，听取意见。', 'b.md', { markdown: true });
    expect(plain.headline).toBe('区里召开青年座谈会');
    expect(plain.headlineDerived).toBe(true);
  });
});
