import { describe, expect, it } from 'vitest';
import { analyseSearchForm, analyseTerms } from '../../src/index/analyser.ts';
import { Bm25Index } from '../../src/index/bm25.ts';
import { Bm25Builder } from '../../src/index/bm25-builder.ts';
import { chunkSearchText } from '../../src/index/search-text.ts';
import { TermIds } from '../../src/index/term-ids.ts';
import { randomInt, seededRandom } from '../../bench/prng.ts';

/**
 * The terms each chunk yields, pinned: bm25.bin and every score follow from them, so a faster
 * analysis must give exactly these (simplified and traditional text, an outlet, Latin and digit
 * runs, full-width forms, supplementary-plane ideographs).
 */
const CHUNKS: Array<{ chunk: { headline: string; text: string; outlet?: string }; terms: string[] }> = [
  {
    chunk: {
      headline: '高新区召开安全生产工作会议',
      text: '1月12日，高新区党工委书记王新亭主持召开安全生产工作会议，部署春节前后安全生产工作。',
    },
    // prettier-ignore
    terms: ['高新','新区','高新区','召开','安全','生产','工作','会议','1','月','12','日','高新','新区','高新区','党工','工委','党工委','书记','新亭','王新亭','主持','召开','安全','生产','工作','会议','部署','春节','前后','安全','生产','工作','高','高新','新','新区','区','区召','召','召开','开','开安','安','安全','全','全生','生','生产','产','产工','工','工作','作','作会','会','会议','议','月','日','高','高新','新','新区','区','区党','党','党工','工','工委','委','委书','书','书记','记','记王','王','王新','新','新亭','亭','亭主','主','主持','持','持召','召','召开','开','开安','安','安全','全','全生','生','生产','产','产工','工','工作','作','作会','会','会议','议','部','部署','署','署春','春','春节','节','节前','前','前后','后','后安','安','安全','全','全生','生','生产','产','产工','工','工作','作'],
  },
  {
    chunk: {
      headline: '市政新聞',
      outlet: '臺中市政府',
      text: '（記者王俊傑／臺中報導）臺中市長盧秀燕10月6日出席「2021臺中國際花毯節」記者會。',
    },
    // prettier-ignore
    terms: ['市政','新闻','台中','台中市','政府','记者','王','俊杰','台','中','报导','台中','台中市','长','卢','秀','燕','10','月','6','日','出席','2021','台','中','国际','花毯','节','记者','记者会','市','市政','政','政新','新','新闻','闻','台','台中','中','中市','市','市政','政','政府','府','记','记者','者','者王','王','王俊','俊','俊杰','杰','台','台中','中','中报','报','报导','导','台','台中','中','中市','市','市长','长','长卢','卢','卢秀','秀','秀燕','燕','月','日','日出','出','出席','席','台','台中','中','中国','国','国际','际','际花','花','花毯','毯','毯节','节','记','记者','者','者会','会'],
  },
  {
    chunk: { headline: '', text: 'ＧＤＰ增长8.1%，iPhone15 销量2026-01上升；5G基站 建成 3,000 个。\n𠮷野家开业 𠀀𠀁' },
    // prettier-ignore
    terms: ['gdp','增长','8','1','iphone15','销量','2026','01','上升','5','g','基站','建成','3','000','个','𠮷','野','家','开业','𠀀','𠀁','增','增长','长','销','销量','量','上','上升','升','基','基站','站','建','建成','成','个','𠮷','𠮷野','野','野家','家','家开','开','开业','业','𠀀','𠀀𠀁','𠀁'],
  },
];

/** Analyses texts the way a segment build does: terms become ids as they are emitted. */
function streamed(texts: readonly string[]): Bm25Index {
  const builder = new Bm25Builder();
  for (const text of texts) {
    analyseTerms(text, builder);
    builder.endDocument();
  }
  return builder.build();
}

describe('BM25 analysis of chunks', () => {
  it.each(CHUNKS.map((c, i) => [i, c] as const))('chunk %i yields its pinned terms', (_i, { chunk, terms }) => {
    expect(analyseSearchForm(chunkSearchText(chunk))).toEqual(terms);
  });

  it('builds, streaming term ids, the same bytes as from the term lists', () => {
    const texts = CHUNKS.map(({ chunk }) => chunkSearchText(chunk));
    const fromLists = Bm25Index.build(texts.map(analyseSearchForm)).serialise();
    expect(streamed(texts).serialise().equals(fromLists)).toBe(true);
    const loaded = Bm25Index.deserialise(fromLists);
    expect(loaded.postings('台中')).toEqual(Uint32Array.from([1]));
    expect(loaded.postings('安全')).toEqual(Uint32Array.from([0]));
    expect(loaded.postings('𠮷野')).toEqual(Uint32Array.from([2]));
  });

  it('gives the same bytes over thousands of generated chunks (the two-unit table grows several times)', () => {
    const random = seededRandom(15);
    // Han from three blocks (Extension A, unified, a supplementary plane), Latin, digits, punctuation, spaces.
    const pick = () => {
      const r = random();
      if (r < 0.05) return String.fromCodePoint(0x20000 + randomInt(random, 40));
      if (r < 0.1) return String.fromCharCode(0x3400 + randomInt(random, 200));
      if (r < 0.15) return 'ab1 .，。'[randomInt(random, 8)];
      return String.fromCharCode(0x4e00 + randomInt(random, 3000));
    };
    const texts = Array.from({ length: 3000 }, () => Array.from({ length: 20 + randomInt(random, 60) }, pick).join(''));
    const lists = texts.map(analyseSearchForm);
    expect(new Set(lists.flat().filter((t) => t.length === 2)).size).toBeGreaterThan(100_000);
    expect(streamed(texts).serialise().equals(Bm25Index.build(lists).serialise())).toBe(true);
  });
});

describe('TermIds', () => {
  it('numbers terms in first-seen order, the same term the same id however it comes', () => {
    const ids = new TermIds();
    expect(ids.ofString('会议')).toBe(0);
    expect(ids.ofSpan('召开会议', 2, 4)).toBe(0);
    expect(ids.ofSpan('会议', 0, 1)).toBe(1);
    expect(ids.ofString('会')).toBe(1);
    expect(ids.ofString('安委会')).toBe(2);
    expect(ids.ofSpan('召开安委会', 2, 5)).toBe(2);
    expect(ids.ofString('𠮷')).toBe(3);
    expect(ids.ofSpan('𠮷野', 0, 2)).toBe(3);
    expect(ids.terms).toEqual(['会议', '会', '安委会', '𠮷']);
  });
});
