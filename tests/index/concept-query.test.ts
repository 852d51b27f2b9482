import { describe, expect, it } from 'vitest';
import { bm25Query } from '../../src/index/concept-query.ts';

// Characters and bigrams of Han runs, plus each space-separated piece as a word (a stand-in for jieba).
const analyse = (text: string) =>
  text.split(' ').flatMap((w) => {
    const chars = [...w];
    return [...(chars.length > 1 ? [w] : []), ...chars.flatMap((c, i) => (i + 1 < chars.length ? [c, c + chars[i + 1]] : [c]))];
  });

describe('bm25Query', () => {
  it('analyses the text into terms and each group’s texts into one concept’s alternatives', () => {
    const q = bm25Query({ text: '朱龙', groups: [['会议', '会'], ['人民代表']] }, analyse, 30);
    expect(q.terms).toEqual(['朱龙', '朱', '朱龙', '龙']);
    expect(q.concepts).toEqual([[['会议', '会', '会议', '议'], ['会']], [['人民代表', '人', '人民', '民', '民代', '代', '代表', '表']]]);
    expect(q.rescore).toBeUndefined();
  });
  it('with rescore, finds by words and bigrams (one-character texts only for a group of nothing longer) and rescores with every term', () => {
    const q = bm25Query({ text: '', groups: [['会议', '会'], ['强']], rescore: 2 }, analyse, 30);
    expect(q.concepts).toEqual([[['会议', '会议']], [['强']]]);
    expect(q.rescore).toEqual({ depth: 60, concepts: [[['会议', '会', '会议', '议'], ['会']], [['强']]] });
  });
});
