import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/corpus/types.ts';
import {
  ARTICLE_BODIES_FILE,
  ARTICLE_FIELDS_FILE,
  ARTICLE_NAMES_FILE,
  ARTICLE_RECORDS_FILE,
  articleNamesOf,
  bodyLength,
  nameKeysOf,
  openArticles,
  passingBodies,
  passingRecords,
  RecentBlocks,
  serialiseArticles,
  StoredArticle,
} from '../../src/index/article-store.ts';
import { nameKeys } from '../../src/text/pinyin-keys.ts';

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

/** Writes the files into a fresh folder; returns what openArticles takes. */
function store(list: readonly Article[]): { fields: Buffer; dir: string; sizes: { bodies: number; records: number; names: number } } {
  const files = serialiseArticles(list);
  const at = mkdtempSync(path.join(dir, 'segment-'));
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(at, name), data);
  return {
    fields: files[ARTICLE_FIELDS_FILE],
    dir: at,
    sizes: {
      bodies: files[ARTICLE_BODIES_FILE].length,
      records: files[ARTICLE_RECORDS_FILE].length,
      names: files[ARTICLE_NAMES_FILE].length,
    },
  };
}

/** Many articles (several blocks), each with its own body and person. */
const many: Article[] = Array.from({ length: 150 }, (_, i) => ({
  ...articles[i % 2],
  id: `m-${i}`,
  body: `第${i}篇报道的正文。`.repeat(1 + (i % 5)),
  people: [{ name: `张${i}`, title: '', roles: [] }],
}));

describe('article store', () => {
  it('gives back every article as stored, the same object each time', () => {
    for (const list of [articles, many]) {
      const { fields, dir: at, sizes } = store(list);
      const loaded = openArticles(fields, at, sizes);
      expect(JSON.parse(JSON.stringify(loaded))).toEqual(list);
      expect(loaded.map((a) => a.body)).toEqual(list.map((a) => a.body));
      expect(loaded[1].people).toBe(loaded[1].people);
    }
    const { fields, dir: at, sizes } = store(articles);
    const loaded = openArticles(fields, at, sizes);
    expect(loaded[1].body).toBe('第二篇。');
    // Absent fields stay absent, as in a parsed article.
    expect('date' in loaded[1]).toBe(false);
    expect(loaded[1].meeting).toBeUndefined();
    expect(loaded[1].page).toBe(2);
  });

  it('reads bodies and records only when asked, from the files as they were opened', () => {
    const { fields, dir: at, sizes } = store(many);
    const loaded = openArticles(fields, at, sizes);
    // Lengths come from the fields: nothing read yet, so removing the files (a rebuild) is harmless.
    expect(loaded.map(bodyLength)).toEqual(many.map((a) => a.body.length));
    rmSync(at, { recursive: true });
    expect(loaded[140].body).toBe(many[140].body);
    expect(loaded[3].people[0].name).toBe('张3');
    expect(loaded[0]).toBeInstanceOf(StoredArticle);
  });

  it('reads bodies and records in passing without keeping them, and uses those already kept', () => {
    const { fields, dir: at, sizes } = store(many);
    const loaded = openArticles(fields, at, sizes);
    const keptPeople = loaded[70].people;
    const bodyOf = passingBodies();
    const namesOf = passingRecords();
    // Out of order: the pass reads whichever block it needs.
    for (const i of [0, 140, 1, 70, 69, 149]) {
      expect(bodyOf(loaded[i])).toBe(many[i].body);
      expect(namesOf(loaded[i]).people).toEqual(many[i].people);
    }
    expect(namesOf(loaded[70]).people).toBe(keptPeople);
    // A record read in passing was not kept: the article reads its own.
    const passed = namesOf(loaded[140]).people;
    expect(loaded[140].people).toEqual(passed);
    expect(loaded[140].people).not.toBe(passed);
    // A plain article is its own.
    expect(bodyOf(many[0])).toBeUndefined();
    expect(namesOf(many[0])).toBe(many[0]);
  });

  it('gives each article’s names from the names file without reading its record, as from the article itself', () => {
    const { fields, dir: at, sizes } = store(many);
    const loaded = openArticles(fields, at, sizes);
    // The records file overwritten in place (the open file sees it): a stored article's names do not read it.
    writeFileSync(path.join(at, ARTICLE_RECORDS_FILE), 'x'.repeat(sizes.records));
    expect(loaded.map(articleNamesOf)).toEqual(many.map(articleNamesOf));
    expect(articleNamesOf(loaded[1])).toEqual(['张1', '李四', '通讯员 赵六']);
    expect(articleNamesOf(loaded[0])).toEqual(['张0', '王俊']);
    expect(() => loaded[5].people).toThrow();
  });

  it('gives the pinyin keys of each name as stored, worked out at build time', () => {
    const { fields, dir: at, sizes } = store(articles);
    const loaded = openArticles(fields, at, sizes);
    expect(nameKeysOf(loaded[0], '张红军')).toEqual(nameKeys('张红军'));
    expect(nameKeysOf(loaded[0], '张红军')).toContain('zhanghongjun');
    expect(nameKeysOf(loaded[1], '通讯员 赵六')).toEqual([]);
    // The stored keys are what is used: changed in the file, they change.
    const stored = JSON.parse(readFileSync(path.join(at, ARTICLE_NAMES_FILE), 'utf8')) as { keys: Record<string, string> };
    expect(stored.keys['张红军']).toBe(nameKeys('张红军').join(' '));
    stored.keys['张红军'] = 'zhangsan sanzhang';
    const changed = Buffer.from(JSON.stringify(stored));
    writeFileSync(path.join(at, ARTICLE_NAMES_FILE), changed);
    expect(nameKeysOf(openArticles(fields, at, { ...sizes, names: changed.length })[0], '张红军')).toEqual(['zhangsan', 'sanzhang']);
    // A name the segment does not hold is worked out; a plain article's always are.
    expect(nameKeysOf(loaded[0], '朱龙')).toEqual(nameKeys('朱龙'));
    expect(nameKeysOf(loaded[0], '朱龙')).toContain('zhulong');
    expect(nameKeysOf(articles[0], '张红军')).toEqual(nameKeys('张红军'));
  });

  it('names a names file that does not fit its articles', () => {
    const { fields, dir: at, sizes } = store(articles);
    writeFileSync(path.join(at, ARTICLE_NAMES_FILE), '{"names":[null],"keys":{}}');
    expect(() => articleNamesOf(openArticles(fields, at, { ...sizes, names: 26 })[0])).toThrow(
      /article-names.json: not a list of 2 articles' names/,
    );
    writeFileSync(path.join(at, ARTICLE_NAMES_FILE), '{"names":[null,null]}');
    expect(() => articleNamesOf(openArticles(fields, at, { ...sizes, names: 21 })[0])).toThrow(/its names' keys are missing/);
  });

  it('names a fields file that does not fit its bodies or records', () => {
    const { fields, dir: at, sizes } = store(articles);
    expect(() => openArticles(fields, at, { ...sizes, bodies: sizes.bodies + 2 })).toThrow(/bodies do not fit/);
    expect(() => openArticles(fields, at, { ...sizes, records: sizes.records - 1 })).toThrow(/records do not fit/);
    expect(() => openArticles(Buffer.from('{"id":['), at, sizes)).toThrow(/not valid JSON/);
    const cols = JSON.parse(fields.toString('utf8')) as { headline: string[] };
    cols.headline.pop();
    expect(() => openArticles(Buffer.from(JSON.stringify(cols)), at, sizes)).toThrow(/different lengths/);
  });
});

describe('recent blocks', () => {
  it('drop the least recently used once their sizes pass the budget, never the one just kept', () => {
    const recent = new RecentBlocks<string>(10);
    recent.set('a', 'A', 4);
    recent.set('b', 'B', 4);
    expect(recent.get('a')).toBe('A'); // a is now the most recent
    recent.set('c', 'C', 4);
    expect([recent.get('a'), recent.get('b'), recent.get('c')]).toEqual(['A', undefined, 'C']);
    recent.set('big', 'D', 50);
    expect([recent.get('a'), recent.get('c'), recent.get('big')]).toEqual([undefined, undefined, 'D']);
  });
});
