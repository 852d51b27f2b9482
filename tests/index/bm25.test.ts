import { describe, expect, it } from 'vitest';
import { Bm25Index, topK } from '../../src/index/bm25.ts';

const docs = [
  ['安全', '生产', '会议', '安全'],
  ['经济', '发展', '会议'],
  ['安全', '检查'],
  ['教育', '工作', '会议', '部署', '教育', '学校', '老师', '学生'],
];

describe('Bm25Index', () => {
  const index = Bm25Index.build(docs);
  it('ranks by term frequency, rarity and length', () => {
    const hits = index.search(['安全'], 10);
    expect(hits.map((h) => h.chunk)).toEqual([0, 2]);
    // "经济" is rarer than "会议", so doc 1 wins on it.
    expect(index.search(['经济', '会议'], 1)[0].chunk).toBe(1);
    // Shorter documents win at equal term frequency.
    const meeting = index.search(['会议'], 3);
    expect(meeting.map((h) => h.chunk)).toEqual([1, 0, 3]);
  });
  it('returns nothing for unknown terms and honours k and the filter', () => {
    expect(index.search(['未知'], 5)).toEqual([]);
    expect(index.search(['会议'], 1)).toHaveLength(1);
    expect(index.search(['会议'], 5, (d) => d !== 1).map((h) => h.chunk)).toEqual([0, 3]);
  });
  it('leaves no score behind between queries', () => {
    const a = index.search(['安全'], 5);
    index.search(['会议'], 5);
    expect(index.search(['安全'], 5)).toEqual(a);
  });
  it('round-trips through its binary form', () => {
    const loaded = Bm25Index.deserialise(index.serialise());
    expect(loaded.size).toBe(4);
    for (const q of [['安全'], ['会议', '教育'], ['检查', '生产']]) expect(loaded.search(q, 4)).toEqual(index.search(q, 4));
  });
  it('round-trips from a buffer that is not 4-aligned (copied, not viewed)', () => {
    const bytes = index.serialise();
    const shifted = Buffer.alloc(bytes.length + 1);
    bytes.copy(shifted, 1);
    const loaded = Bm25Index.deserialise(shifted.subarray(1));
    for (const q of [['安全'], ['会议', '教育']]) expect(loaded.search(q, 4)).toEqual(index.search(q, 4));
  });
  it('rejects a truncated or foreign file', () => {
    const buf = index.serialise();
    expect(() => Bm25Index.deserialise(buf.subarray(0, buf.length - 8))).toThrow(/truncated/);
    expect(() => Bm25Index.deserialise(Buffer.from('hello world, not bm25'))).toThrow(/not a BM25 file/);
  });
});

describe('Bm25Index at scale', () => {
  const many = Array.from({ length: 3000 }, (_, d) => (d === 5 ? ['的', '地铁'] : d === 7 ? ['地铁', '的', '地铁'] : ['的', `w${d}`]));
  const index = Bm25Index.build(many);
  it('lets a very common term re-score only documents a rarer term found', () => {
    expect(index.search(['地铁', '的'], 10).map((h) => h.chunk)).toEqual([7, 5]);
  });
  it('still scores a query made only of common terms', () => {
    expect(index.search(['的'], 3)).toHaveLength(3);
  });
  it('counts repeated terms per document once in df and fully in tf', () => {
    const [a, b] = index.search(['地铁', '的'], 2);
    expect(a.chunk).toBe(7);
    expect(a.score).toBeGreaterThan(b.score);
  });
});

describe('topK', () => {
  it('keeps the k best, ties by lower number', () => {
    const scores = [1, 5, 3, 5, 0.5];
    expect(topK([0, 1, 2, 3, 4], scores, 3)).toEqual([
      { chunk: 1, score: 5 },
      { chunk: 3, score: 5 },
      { chunk: 2, score: 3 },
    ]);
  });
});
