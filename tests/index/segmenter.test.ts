import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { segmentWords } from '../../src/index/analyser.ts';
import { ADDED_WORD_FREQUENCY, createJiebaRs } from '../../src/index/segmenters/jieba-rs.ts';
import { cutLatin } from '../../src/index/segmenters/latin-runs.ts';
import { createNodejieba } from '../../src/index/segmenters/nodejieba.ts';

describe('jieba-rs segmenter', () => {
  it("gives added words the bundled dictionary's median frequency (the weight nodejieba's insertWord gave)", () => {
    const file = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
    const freqs = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => Number(line.split(' ')[1]))
      .sort((a, b) => a - b);
    expect(freqs.length).toBeGreaterThan(300_000);
    expect(ADDED_WORD_FREQUENCY).toBe(freqs[Math.floor(freqs.length / 2)]);
  });
});

describe.each([
  ['jieba-rs', createJiebaRs],
  ['nodejieba', createNodejieba],
])('%s', (_name, create) => {
  it('keeps added words whole in both cuts', () => {
    const jieba = create();
    const text = '蔺书骞出席高新区党工委书记李富生主持的安委会第一次全体会议，管委会主任讲话';
    const words = ['蔺书骞', '高新区党工委书记', '李富生', '安委会第一次全体会议', '管委会主任'];
    for (const w of words) {
      expect(jieba.cut(text)).not.toContain(w);
    }
    jieba.addWords(words.map((word) => ({ word, tag: 'nz' })));
    const cut = jieba.cut(text);
    const search = jieba.cutForSearch(text);
    for (const w of words) {
      expect(cut).toContain(w);
      expect(search).toContain(w);
    }
    // Search mode still gives the dictionary words of two and three characters inside them.
    expect(search).toContain('书记');
    expect(search).toContain('第一次');
    // Words added later leave earlier ones and long dictionary words as they were.
    jieba.addWords([{ word: '张红军', tag: 'nr' }]);
    expect(jieba.cut(`张红军主持${text}。南京市长江大桥`)).toEqual(expect.arrayContaining(['张红军', ...words, '长江大桥']));
  });
});

describe('Latin and digit runs', () => {
  // Rows: a segmenter's words → the analyser's pieces (cppjieba's rules: a letter then letters and
  // digits; a digit then digits and points).
  const rows: Array<[string[], string[]]> = [
    [
      ['2026-01', '-', '22'],
      ['2026', '-', '01', '-', '22'],
    ],
    [
      ['增长', '8.1%'],
      ['增长', '8.1', '%'],
    ],
    [['5th'], ['5', 'th']],
    [['skdo_0228'], ['skdo', '_', '0228']],
    [['4s店'], ['4', 's', '店']],
    [
      ['iphone15', '手机'],
      ['iphone15', '手机'],
    ],
    [['2v2'], ['2', 'v2']],
    [
      ['高新区', '会议'],
      ['高新区', '会议'],
    ],
  ];
  it.each(rows)('%j → %j', (words, pieces) => {
    expect(cutLatin(words)).toEqual(pieces);
  });

  it("cuts a question's words (whichever segmenter) so that they still concatenate to it", () => {
    for (const q of ['多伦多大学有多大？', '2026-01-22 gdp增长8.1% 的 5th 会议', '高新区 nexon 公司']) {
      expect(segmentWords(q).join('')).toBe(q);
    }
  });
});
