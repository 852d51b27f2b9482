import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { QA_SETS, checkDataDir, readSourceDocs } from '../../bench/bench-data.ts';
import { generateCorpus, splitSentences } from '../../bench/corpus-generator.ts';
import { ExactSearch } from '../../bench/exact-search.ts';
import { recallAtK } from '../../bench/recall.ts';
import { percentile, stageShares, summarise } from '../../bench/stats.ts';
import { containsGold, widthForm } from '../../src/eval/metrics.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

describe('corpus generator', () => {
  const sets = QA_SETS.map((s) => readSourceDocs(FIXTURES, s));

  it('splits sentences after their terminators', () => {
    expect(splitSentences('第一句。第二句！“引号。”尾')).toEqual(['第一句。', '第二句！', '“引号。”', '尾']);
  });

  it('is deterministic by seed and sizes documents to one chunk', () => {
    const a = generateCorpus(sets, 200, { seed: 7 });
    const b = generateCorpus(sets, 200, { seed: 7 });
    const c = generateCorpus(sets, 200, { seed: 8 });
    expect(a).toEqual(b);
    expect(a.map((d) => d.text)).not.toEqual(c.map((d) => d.text));
    expect(a).toHaveLength(200);
    for (const d of a) expect(d.text.length).toBeLessThanOrEqual(190);
    expect(new Set(a.map((d) => d.id)).size).toBe(200);
  });

  it('composes mostly distinct windows', () => {
    const docs = generateCorpus(sets, 500, { seed: 1 });
    expect(new Set(docs.map((d) => d.text)).size).toBeGreaterThan(450);
  });

  it('names the missing data and the flag to fix it', () => {
    expect(() => checkDataDir('/nonexistent/bench')).toThrow(/--data/);
  });
});

describe('stats', () => {
  it('takes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    const s = summarise([5, 1, 3]);
    expect(s).toMatchObject({ n: 3, p50: 3, max: 5, mean: 3 });
  });

  it('shares stage time, ignoring the total', () => {
    const shares = stageShares([
      { a: 1, b: 3, total: 4 },
      { a: 1, b: 3, total: 4 },
    ]);
    expect(shares.a.share).toBeCloseTo(0.25);
    expect(shares.b.meanMs).toBe(3);
    expect(shares.total).toBeUndefined();
  });
});

describe('exact search and recall', () => {
  const unit = (v: number[]) => {
    const n = Math.hypot(...v);
    return Float32Array.from(v.map((x) => x / n));
  };
  const vectors = [unit([1, 0]), unit([0, 1]), unit([1, 1]), unit([1, 0.1])];
  const exact = new ExactSearch(vectors.length, 2, (i) => vectors[i]);

  it('ranks by cosine, best first', () => {
    const hits = exact.search(unit([1, 0]), 3);
    expect(hits.map((h) => h.chunk)).toEqual([0, 3, 2]);
    expect(hits[0].score).toBeCloseTo(1);
  });

  it('counts ties with the k-th exact score as found', () => {
    const truth = [
      { chunk: 0, score: 0.9 },
      { chunk: 1, score: 0.8 },
    ];
    expect(
      recallAtK(
        [
          { chunk: 0, score: 0.9 },
          { chunk: 5, score: 0.8 },
        ],
        truth,
        2,
      ),
    ).toBe(1);
    expect(
      recallAtK(
        [
          { chunk: 0, score: 0.9 },
          { chunk: 5, score: 0.5 },
        ],
        truth,
        2,
      ),
    ).toBe(0.5);
    expect(recallAtK([], truth, 2)).toBe(0);
  });
});

describe('answer hit', () => {
  it('matches across full-width forms and case', () => {
    expect(containsGold('在２０１８年举行', ['2018年'], widthForm)).toBe(true);
    expect(containsGold('Nexon开发', ['nexon'], widthForm)).toBe(true);
    expect(containsGold('无关', ['踢爆'], widthForm)).toBe(false);
    expect(containsGold(undefined, ['x'], widthForm)).toBe(false);
  });
});
