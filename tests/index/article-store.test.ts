import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import { bodyLength, openArticles, serialiseArticles, StoredArticle } from '../../src/index/article-store.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'baoxun-article-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const articles: Article[] = [
  {
    id: 'a-1',
    source: 'page.txt',
    headline: '区政府召开常务会议',
    subtitle: '',
    headlineDerived: false,
    date: '2021-01-15',
    dateInferred: false,
    eventDates: ['2021-01-14'],
    meeting: '区政府第36次常务会议',
    reporters: ['王俊'],
    photographers: [],
    people: [{ name: '张红军', title: '区长', roles: ['chaired'] }],
    body: '1月14日，区政府召开第36次常务会议。区长张红军主持会议。😀表情也在。',
  },
  {
    id: 'b-1',
    source: 'epaper.pdf',
    headline: '無日期的報導',
    subtitle: '副題',
    headlineDerived: true,
    dateInferred: true,
    reporters: [],
    photographers: ['李四'],
    contributors: ['通讯员 赵六'],
    people: [],
    body: '第二篇。',
    outlet: '市政府网站',
    page: 2,
  },
];

function store(list: readonly Article[]): { fields: Buffer; file: string; bytes: number } {
  const { fields, records } = serialiseArticles(list);
  const file = path.join(dir, `records-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, records);
  return { fields, file, bytes: records.length };
}

describe('article store', () => {
  it('gives back every article as stored, the same object each time', () => {
    const { fields, file, bytes } = store(articles);
    const loaded = openArticles(fields, file, bytes);
    expect(JSON.parse(JSON.stringify(loaded))).toEqual(articles);
    expect(loaded[0].people).toBe(loaded[0].people);
    expect(loaded[1].body).toBe('第二篇。');
    // Absent fields stay absent, as in a parsed article.
    expect('date' in loaded[1]).toBe(false);
    expect(loaded[1].meeting).toBeUndefined();
  });

  it('knows each body length without reading the records', () => {
    const { fields, file, bytes } = store(articles);
    const loaded = openArticles(fields, file, bytes);
    rmSync(file);
    expect(loaded.map(bodyLength)).toEqual(articles.map((a) => a.body.length));
    // The records file is opened at load: removing it afterwards (a rebuild) still reads.
    expect(loaded[0].body).toBe(articles[0].body);
    expect(loaded[0]).toBeInstanceOf(StoredArticle);
  });

  it('names a fields file that does not fit its records', () => {
    const { fields, file, bytes } = store(articles);
    expect(() => openArticles(fields, file, bytes + 1)).toThrow(/records end at byte/);
    expect(() => openArticles(Buffer.from('{"id":['), file, bytes)).toThrow(/not valid JSON/);
    const cols = JSON.parse(fields.toString('utf8')) as { headline: string[] };
    cols.headline.pop();
    expect(() => openArticles(Buffer.from(JSON.stringify(cols)), file, bytes)).toThrow(/different lengths/);
  });
});
