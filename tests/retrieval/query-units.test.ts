import { describe, expect, it } from 'vitest';
import { segmentWords } from '../../src/index/analyser.ts';
import { withoutQuestionWords } from '../../src/retrieval/question/question-words.ts';
import { chineseQueryUnits, contentText, discountStraddles, matchedWeight } from '../../src/retrieval/query-units.ts';
import { straddlingBigrams } from '../../src/retrieval/straddling-bigrams.ts';
import { buildTermStats } from '../../src/retrieval/term-stats.ts';
import { bigramUnit, textUnits } from '../../src/text/units.ts';

describe('question words', () => {
  it('strips literary and colloquial question words', () => {
    expect(contentText('苏联于何年解体？')).toBe('苏联于 解体');
    expect(contentText('狄拉克长眠于何处?')).toBe('狄拉克长眠于');
    expect(contentText('这座城市有多大？')).toBe('这座城市有');
  });
  it('strips a question word only where a word begins, never inside a name', () => {
    expect(withoutQuestionWords('多伦多大学创立于何时')).toBe('多伦多大学创立于 ');
  });
});

describe('straddling bigrams', () => {
  it('are the bigrams across word boundaries, unless a word holds them too', () => {
    expect([...straddlingBigrams(['苏联', '于', '何年', '解体'])].sort()).toEqual(['于何', '年解', '联于'].sort());
    expect(straddlingBigrams(['北京', '京剧'])).toEqual(new Set(['京京']));
    expect(straddlingBigrams(['北京', '大学', '京大'])).toEqual(new Set(['学京']));
  });

  it('count at a discount when ranking, so a passage sharing only them with the question ranks lower', () => {
    const stats = buildTermStats(['1991年，苏联解体。', '丹麦联于一八一四年结束。', '另一篇文章。', '第四篇文章。']);
    const text = '苏联于何年解体';
    const query = chineseQueryUnits(text, stats, segmentWords(text));
    // 何年 is a question word, so only 联于 is left straddling.
    expect(query.concepts.filter((c) => c.straddles).map((c) => c.alts[0].units[0])).toEqual([bigramUnit('联于')]);
    const ranked = discountStraddles(query, 0.5);
    expect(ranked.total).toBeLessThan(query.total);
    const share = (q: typeof query, t: string) => matchedWeight(q, textUnits(t)) / q.total;
    // The answering passage gains, the one matching a straddling bigram loses.
    expect(share(ranked, '1991年，苏联解体。')).toBeGreaterThan(share(query, '1991年，苏联解体。'));
    expect(share(ranked, '丹麦联于一八一四年结束。')).toBeLessThan(share(query, '丹麦联于一八一四年结束。'));
    expect(discountStraddles(query, 1)).toBe(query);
  });
});
