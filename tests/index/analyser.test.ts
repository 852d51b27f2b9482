import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyser, parseUserDictionary } from '../../src/index/analyser.ts';
import { chunkSearchText } from '../../src/index/search-text.ts';
import { toSearchForm } from '../../src/text/search-form.ts';
import { formatUserDictionary, userWords } from '../../src/index/user-dictionary.ts';
import type { Article } from '../../src/corpus/types.ts';

describe('toSearchForm', () => {
  it('converts traditional to simplified, full-width to half-width, Latin to lower case', () => {
    expect(toSearchForm('臺灣的學術研究ＡＢＣ１２３')).toBe('台湾的学术研究abc123');
    expect(toSearchForm('高新区党工委书记王新亭')).toBe('高新区党工委书记王新亭');
  });
  it('is idempotent, so traditional and simplified spellings meet however often it is applied', () => {
    for (const t of ['顯著', '显著', '著名的學者', '這個計畫']) expect(toSearchForm(toSearchForm(t))).toBe(toSearchForm(t));
    expect(toSearchForm('顯著')).toBe(toSearchForm('显著'));
  });
  it('puts the headline before the chunk text', () => {
    expect(chunkSearchText({ headline: '標題', text: '正文' })).toBe('标题\n正文');
    expect(chunkSearchText({ headline: '標題', outlet: '某某鄉音報', text: '正文' })).toBe('标题\n某某乡音报\n正文');
  });
});

describe('analyser', () => {
  const analyse = createAnalyser();
  it('emits words, Han unigrams and bigrams, without punctuation', () => {
    const terms = analyse('高新区召开安全生产会议，部署工作。');
    expect(terms).toContain('高新区');
    expect(terms).toContain('会议');
    expect(terms).toContain('安');
    expect(terms).toContain('全生');
    expect(terms.some((t) => /[，。,]/.test(t))).toBe(false);
  });
  it('makes traditional and simplified text meet', () => {
    expect(analyse('學術研究')).toEqual(analyse('学术研究'));
  });
  it('lower-cases Latin words and keeps numbers', () => {
    const terms = analyse('ＧＤＰ增长 2021年');
    expect(terms).toContain('gdp');
    expect(terms).toContain('2021');
  });
  it('keeps user-dictionary words whole', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baoxun-dict-'));
    const file = path.join(dir, 'userdict.txt');
    writeFileSync(file, '蔺书骞 nr\n');
    expect(createAnalyser()('蔺书骞出席')).not.toContain('蔺书骞');
    expect(createAnalyser(file)('蔺书骞出席')).toContain('蔺书骞');
  });
});

describe('user dictionary', () => {
  const article = {
    people: [{ name: '王新亭', title: '高新区党工委书记、管委会主任', roles: ['chaired'] }],
    reporters: ['李娜'],
    photographers: [],
    meeting: '安委会第一次全体会议',
  } as unknown as Article;
  it('collects names, title parts and meetings, tagged, in search form', () => {
    const words = userWords([article, article]);
    expect(words).toEqual([
      { word: '王新亭', tag: 'nr' },
      { word: '高新区党工委书记', tag: 'nt' },
      { word: '管委会主任', tag: 'nt' },
      { word: '李娜', tag: 'nr' },
      { word: '安委会第一次全体会议', tag: 'nz' },
    ]);
    expect(parseUserDictionary(formatUserDictionary(words))).toEqual(words);
  });
});
