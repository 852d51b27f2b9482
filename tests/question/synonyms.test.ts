import { describe, expect, it } from 'vitest';
import { segmentWords } from '../../src/index/analyser.ts';
import { chineseQueryUnits, matchedConcepts, matchedWeight } from '../../src/retrieval/query-units.ts';
import { loadSynonyms, synonymsFromEntries } from '../../src/retrieval/question/synonyms.ts';
import { questionSynonyms, withSynonyms } from '../../src/retrieval/synonym-units.ts';
import { buildTermStats } from '../../src/retrieval/term-stats.ts';
import { bigramUnit, textUnits } from '../../src/text/units.ts';

const REPORTS = [
  '要坚定不移地把“三严三实”作为全区党员干部的座右铭，持续发力、久久为功。',
  '全区党员干部要把清正廉洁作为做人做事的信条。',
  '检查组对中兴影剧院的消防设施进行了检查。',
  '市政府召开常务会议，研究加速推进重点项目建设。',
  '另一篇无关的报道，讲的是农业生产。',
];
const stats = buildTermStats(REPORTS);
const synonyms = synonymsFromEntries({ 信条: '格言 座右铭', 电影院: '影剧院', 加快: '增速 加速', 座右铭: '格言 信条' });
const query = (q: string) => {
  const words = segmentWords(q);
  return { plain: chineseQueryUnits(q, stats, words), words };
};

describe('the shipped synonyms (data/lexicon/zh-synonyms.json)', () => {
  const shipped = loadSynonyms();
  it('loads once and links common near-synonyms both ways', () => {
    expect(loadSynonyms()).toBe(shipped);
    expect(shipped.size).toBeGreaterThan(1000);
    expect(shipped.of('电影院')).toContain('影剧院');
    expect(shipped.of('加快')).toContain('加速');
    expect(shipped.of('加速')).toContain('加快');
    expect(shipped.of('自行车')).toContain('单车');
  });
  it('keeps generic and polysemous glosses from linking words', () => {
    expect(shipped.of('那个')).not.toContain('性事');
    expect(shipped.of('多少')).not.toContain('何等');
    expect(shipped.of('不存在的词')).toEqual([]);
  });
  it('links only words of two to four characters, never one containing the other', () => {
    for (const w of ['电影院', '加快', '检查', '节日']) {
      for (const s of shipped.of(w)) {
        expect(s.length).toBeGreaterThanOrEqual(2);
        expect(s.length).toBeLessThanOrEqual(4);
        expect(s.includes(w) || w.includes(s)).toBe(false);
      }
    }
  });
});

describe('synonyms of a question', () => {
  it('keeps only the synonyms the reports use', () => {
    const found = questionSynonyms(['信条', '加快', '的'], stats, synonyms);
    expect(found.get('信条')?.map((s) => s.word)).toEqual(['座右铭']);
    expect(found.get('信条')?.[0].units).toEqual([bigramUnit('座右'), bigramUnit('右铭')]);
    expect(found.get('加快')?.map((s) => s.word)).toEqual(['加速']);
    expect(found.has('的')).toBe(false);
  });
});

describe('query alternatives from synonyms', () => {
  it('let a passage worded with a synonym match the question word', () => {
    const { plain, words } = query('牛青山要党员干部把什么当成做人做事的信条');
    const withSyn = withSynonyms(plain, words, stats, 0.6, synonyms);
    const passage = textUnits('要把“三严三实”作为全区党员干部的座右铭');
    expect(matchedWeight(withSyn, passage)).toBeGreaterThan(matchedWeight(plain, passage));
    expect(matchedConcepts(withSyn, passage)).toBeGreaterThan(matchedConcepts(plain, passage));
  });

  it('weigh a synonym below the literal word, so the literal passage still ranks first', () => {
    const { plain, words } = query('全区党员干部把什么当作信条');
    const withSyn = withSynonyms(plain, words, stats, 0.6, synonyms);
    const literal = textUnits(REPORTS[1]);
    const synonym = textUnits('全区党员干部的座右铭');
    expect(matchedWeight(withSyn, literal)).toBeGreaterThan(matchedWeight(withSyn, synonym));
    // The question word's own concepts: the literal match is worth 1/0.6 of the synonym's.
    const bigram = withSyn.concepts.find((c) => c.alts[0].units[0] === bigramUnit('信条'))!;
    expect(bigram.alts.map((a) => a.weight / bigram.weight)).toEqual([1, 0.6]);
  });

  it('leave the question total (what coverage is a share of) unchanged', () => {
    const { plain, words } = query('查了哪家电影院');
    const withSyn = withSynonyms(plain, words, stats, 0.6, synonyms);
    expect(withSyn.total).toBe(plain.total);
    expect(withSyn.concepts.map((c) => c.weight)).toEqual(plain.concepts.map((c) => c.weight));
    expect(matchedWeight(withSyn, textUnits(REPORTS[2]))).toBeGreaterThan(matchedWeight(plain, textUnits(REPORTS[2])));
  });

  it('change nothing when no question word has a synonym the reports use, or the factor is 0', () => {
    const { plain, words } = query('农业生产怎么样');
    expect(withSynonyms(plain, words, stats, 0.6, synonyms)).toBe(plain);
    const q2 = query('加快推进项目');
    expect(withSynonyms(q2.plain, q2.words, stats, 0, synonyms)).toBe(q2.plain);
  });
});
