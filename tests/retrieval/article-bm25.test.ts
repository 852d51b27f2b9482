import { describe, expect, it } from 'vitest';
import { articleBm25, unitCounts } from '../../src/retrieval/article-bm25.ts';
import { chineseQueryUnits } from '../../src/retrieval/query-units.ts';
import { buildTermStats } from '../../src/retrieval/term-stats.ts';
import { bigramUnit, charUnit, forEachUnit, textUnits, wordUnit, type Unit } from '../../src/text/units.ts';

describe('whole-article BM25', () => {
  it('counts the wanted units only, across texts', () => {
    const counts = unitCounts(['防汛工作，防汛物资', '防汛 2024'], new Set([bigramUnit('防汛'), wordUnit('2024'), charUnit('物')]));
    expect(counts.get(bigramUnit('防汛'))).toBe(3);
    expect(counts.get(wordUnit('2024'))).toBe(1);
    expect(counts.get(charUnit('物'))).toBe(1);
    expect(counts.has(bigramUnit('工作'))).toBe(false);
  });
  it('counts every unit as often as forEachUnit visits it (overlapping bigrams, words, characters between words)', () => {
    const texts = ['哈哈哈，哈哈', '第36次会议 covid-19 vaccine. 2024年a1b2', '人大常委会人大'];
    const wanted = new Set<Unit>([...textUnits(texts.join('|')), bigramUnit('，哈'), charUnit('无')]);
    const reference = new Map<Unit, number>();
    for (const t of texts) forEachUnit(t, (u) => reference.set(u, (reference.get(u) ?? 0) + 1));
    const counts = unitCounts(texts, wanted);
    expect(counts.get(bigramUnit('哈哈'))).toBe(3);
    expect([...counts].sort()).toEqual([...reference].filter(([u]) => wanted.has(u)).sort());
  });
  it('ranks the article that speaks of the subject throughout above one mentioning it once', () => {
    const a = '防汛工作会议召开。会议部署防汛工作，要求做好防汛物资储备。';
    const b = '城市建设会议召开。会上也提到防汛。';
    const stats = buildTermStats([a, b, '教育工作会议召开。']);
    const q = chineseQueryUnits('防汛物资', stats);
    const avg = (a.length + b.length) / 2;
    expect(articleBm25(q, [a], a.length, avg)).toBeGreaterThan(articleBm25(q, [b], b.length, avg));
    expect(articleBm25(q, ['教育工作'], 4, avg)).toBe(0);
  });
});
