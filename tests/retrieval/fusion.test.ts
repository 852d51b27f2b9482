import { describe, expect, it } from 'vitest';
import { collapseOverlaps, reciprocalRankFusion, scoreFusion } from '../../src/retrieval/fusion.ts';

describe('fusion', () => {
  const dense = [
    { chunk: 1, score: 0.9 },
    { chunk: 2, score: 0.8 },
    { chunk: 3, score: 0.1 },
  ];
  const bm25 = [
    { chunk: 2, score: 12 },
    { chunk: 4, score: 11 },
    { chunk: 1, score: 2 },
  ];

  it('ranks a chunk both lists agree on first (RRF)', () => {
    const fused = reciprocalRankFusion([dense, bm25]);
    expect(fused.map((h) => h.chunk)).toEqual([2, 1, 4, 3]);
    expect(fused[0].ranks).toEqual([2, 1]);
    expect(fused.find((h) => h.chunk === 4)?.ranks).toEqual([undefined, 2]);
  });

  it('normalises each list by its best score (score fusion)', () => {
    const fused = scoreFusion([dense, bm25]);
    // chunk 2: 0.8/0.9 + 12/12 beats chunk 1: 1 + 2/12
    expect(fused[0].chunk).toBe(2);
    expect(fused[0].score).toBeCloseTo(0.8 / 0.9 + 1, 5);
    expect(scoreFusion([dense, bm25], [1, 0])[0].chunk).toBe(1);
  });

  it('collapses overlapping chunks of the same article, keeping the better', () => {
    const spans: Record<number, { articleId: string; start: number; end: number }> = {
      1: { articleId: 'a', start: 0, end: 100 },
      2: { articleId: 'a', start: 80, end: 180 },
      3: { articleId: 'b', start: 80, end: 180 },
      4: { articleId: 'a', start: 180, end: 250 },
    };
    const hits = [1, 2, 3, 4].map((chunk, i) => ({ chunk, score: 10 - i, ranks: [] }));
    expect(collapseOverlaps(hits, (c) => spans[c]).map((h) => h.chunk)).toEqual([1, 3, 4]);
  });
});
