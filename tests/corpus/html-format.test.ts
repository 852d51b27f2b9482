import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlFormat, domText } from '../../src/corpus/formats/html.ts';
import { readHtmlMeta, HTML_META } from '../../src/corpus/html-meta.ts';
import { chunkArticle } from '../../src/corpus/chunker.ts';
import { buildIndex } from '../../src/index/build.ts';
import { BuiltinEmbedder } from '../../src/index/embedders/builtin.ts';
import { ReportsEngine } from '../../src/retrieval/engine.ts';
import { parseHTML } from 'linkedom';
import { GOV_PAGE } from '../support/epaper.ts';

const ctx = { source: 'web/gov.html', file: '', checksum: '', ids: new Set<string>() };
const furniture = [...GOV_PAGE.sidebar, GOV_PAGE.footer, '版权所有', '您当前的位置', '分享到', '浏览次数', '政务公开', '主办单位'];

describe('saved web pages', () => {
  it('reads the headline, date, source and author, and only the article text', async () => {
    const { articles } = await htmlFormat.parse(GOV_PAGE.html, ctx);
    expect(articles).toHaveLength(1);
    const [a] = articles;
    expect(a).toMatchObject({
      id: 'gov-1',
      source: 'web/gov.html',
      headline: GOV_PAGE.headline,
      headlineDerived: false,
      date: GOV_PAGE.date,
      outlet: '高新区报',
    });
    expect(a.reporters).toEqual(['刘芳']);
    expect(a.body).toContain('共签约项目十八个');
    expect(a.body).not.toMatch(/责任编辑|本报讯/);
    for (const chunk of chunkArticle(a)) for (const f of furniture) expect(chunk.text, f).not.toContain(f);
  });

  it('takes the date from the labelled line when the page has no date meta tag', async () => {
    const html = GOV_PAGE.html
      .replace(/<meta name="PubDate"[^>]*>/, '')
      .replace('2021-03-08 16:42 来源', '2021-03-09 09:00 来源')
      .replace('本报讯 3月8日，', '本报讯 近日，');
    const [a] = (await htmlFormat.parse(html, ctx)).articles;
    expect(a.date).toBe('2021-03-09');
  });

  it('skips a page with no article text, with its reason', async () => {
    const r = await htmlFormat.parse('<html><head><title>首页</title></head><body><div class="nav"><a>首页</a></div></body></html>', ctx);
    expect(r.articles).toEqual([]);
    expect(r.skip).toMatch(/no article text/);
  });

  it('reads meta tags by their rows, earlier rows first', () => {
    for (const row of HTML_META) {
      const { document } = parseHTML(`<html><head>${row.example}</head></html>`);
      const m = document.querySelector('meta')!;
      const name = m.getAttribute('name') ?? m.getAttribute('property')!;
      expect(readHtmlMeta([[name, m.getAttribute('content')!]])[row.field], row.example).toBeTruthy();
    }
    expect(
      readHtmlMeta([
        ['og:title', '乙'],
        ['ArticleTitle', '甲'],
      ]).title,
    ).toBe('甲');
  });

  it('breaks lines at block elements', () => {
    const { document } = parseHTML('<html><body><p>一<b>二</b></p><div>三<br>四</div><script>x</script></body></html>');
    expect(domText(document as never)).toBe('一二\n三\n四');
  });
});

describe('a saved web page, end to end', () => {
  let tmp: string;
  let engine: ReportsEngine;
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'baoxun-html-'));
    const reports = path.join(tmp, 'reports');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(reports);
    writeFileSync(path.join(reports, 'gov.html'), GOV_PAGE.html);
    await buildIndex({
      inputs: [reports, path.resolve(__dirname, '../../data/reports')],
      outDir: path.join(tmp, 'index'),
      embedder: new BuiltinEmbedder(),
    });
    engine = await ReportsEngine.open(path.join(tmp, 'index'), { modelsDir: path.join(tmp, 'models') });
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('answers its question from the page and never cites the sidebar or footer', async () => {
    const a = await engine.ask(GOV_PAGE.question);
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain(GOV_PAGE.answer);
    expect(a.citations[0].headline).toBe(GOV_PAGE.headline);
    for (const c of a.citations) for (const f of furniture) expect(c.excerpt).not.toContain(f);
  });
});
