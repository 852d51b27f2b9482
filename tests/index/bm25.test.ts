import { describe, expect, it } from 'vitest';
import { BM25_BLOCK, Bm25Index } from '../../src/index/bm25.ts';
import { SegmentedBm25, type Bm25Segment, type Bm25SearchStats } from '../../src/index/segmented-bm25.ts';
import { referenceConceptSearch, referenceSearch } from './bm25-reference.ts';
import { seededRandom } from '../../bench/prng.ts';

const docs = [
  ['安全', '生产', '会议', '安全'],
  ['经济', '发展', '会议'],
  ['安全', '检查'],
  ['教育', '工作', '会议', '部署', '教育', '学校', '老师', '学生'],
];

/** One index searched as a single segment. */
const whole = (index: Bm25Index) => new SegmentedBm25([{ bm25: index, base: 0, live: index.size }]);

describe('Bm25Index searched as one segment', () => {
  const index = Bm25Index.build(docs);
  const bm25 = whole(index);
  it('ranks by term frequency, rarity and length', () => {
    const hits = bm25.search(['安全'], 10);
    expect(hits.map((h) => h.chunk)).toEqual([0, 2]);
    // "经济" is rarer than "会议", so doc 1 wins on it.
    expect(bm25.search(['经济', '会议'], 1)[0].chunk).toBe(1);
    // Shorter documents win at equal term frequency.
    const meeting = bm25.search(['会议'], 3);
    expect(meeting.map((h) => h.chunk)).toEqual([1, 0, 3]);
  });
  it('returns nothing for unknown terms and honours k and the filter', () => {
    expect(bm25.search(['未知'], 5)).toEqual([]);
    expect(bm25.search(['会议'], 1)).toHaveLength(1);
    expect(bm25.search(['会议'], 5, (d) => d !== 1).map((h) => h.chunk)).toEqual([0, 3]);
  });
  it('leaves no score behind between queries', () => {
    const a = bm25.search(['安全'], 5);
    bm25.search(['会议'], 5);
    expect(bm25.search(['安全'], 5)).toEqual(a);
  });
  it('round-trips through its binary form, block bounds included', () => {
    const loaded = Bm25Index.deserialise(index.serialise());
    expect(loaded.size).toBe(4);
    expect(Array.from(loaded.blockMaxTf)).toEqual(Array.from(index.blockMaxTf));
    expect(Array.from(loaded.blockMinLen)).toEqual(Array.from(index.blockMinLen));
    for (const q of [['安全'], ['会议', '教育'], ['检查', '生产']]) expect(whole(loaded).search(q, 4)).toEqual(bm25.search(q, 4));
  });
  it('round-trips from a buffer that is not 4-aligned (copied, not viewed)', () => {
    const bytes = index.serialise();
    const shifted = Buffer.alloc(bytes.length + 1);
    bytes.copy(shifted, 1);
    const loaded = Bm25Index.deserialise(shifted.subarray(1));
    for (const q of [['安全'], ['会议', '教育']]) expect(whole(loaded).search(q, 4)).toEqual(bm25.search(q, 4));
  });
  it('rejects a truncated, foreign or older file', () => {
    const buf = index.serialise();
    expect(() => Bm25Index.deserialise(buf.subarray(0, buf.length - 8))).toThrow(/truncated/);
    expect(() => Bm25Index.deserialise(Buffer.from('hello world, not bm25'))).toThrow(/not a BM25 file/);
    const v1 = Buffer.from(buf);
    v1.writeUInt32LE(1, 4);
    expect(() => Bm25Index.deserialise(v1)).toThrow(/version 1/);
  });
});

describe('block bounds', () => {
  it('hold each block’s largest term frequency and shortest document', () => {
    // Term 'a' in every document: its postings span three blocks; tf 3 only in the second block.
    const n = BM25_BLOCK * 2 + 5;
    const many = Array.from({ length: n }, (_, d) => (d === BM25_BLOCK + 1 ? ['a', 'a', 'a'] : d === 7 ? ['a'] : ['a', 'x', 'y']));
    const index = Bm25Index.build(many);
    const id = index.termId('a')!;
    const blocks = Array.from({ length: index.blockStarts[id + 1] - index.blockStarts[id] }, (_, j) => index.blockStarts[id] + j);
    expect(blocks.map((blk) => index.blockMaxTf[blk])).toEqual([1, 3, 1]);
    expect(blocks.map((blk) => index.blockMinLen[blk])).toEqual([1, 3, 3]);
  });
});

describe('Bm25Index at scale', () => {
  const many = Array.from({ length: 3000 }, (_, d) => (d === 5 ? ['的', '地铁'] : d === 7 ? ['地铁', '的', '地铁'] : ['的', `w${d}`]));
  const bm25 = whole(Bm25Index.build(many));
  it('lets a very common term re-score only documents a rarer term found', () => {
    expect(bm25.search(['地铁', '的'], 10).map((h) => h.chunk)).toEqual([7, 5]);
  });
  it('still scores a query made only of common terms', () => {
    expect(bm25.search(['的'], 3)).toHaveLength(3);
  });
  it('counts repeated terms per document once in df and fully in tf', () => {
    const [a, b] = bm25.search(['地铁', '的'], 2);
    expect(a.chunk).toBe(7);
    expect(a.score).toBeGreaterThan(b.score);
  });
});

/** Documents of Zipf-like terms (a few in most documents, many rare), lengths 5–80, repeats for tf. */
function corpus(n: number, rnd: () => number): string[][] {
  return Array.from({ length: n }, () => {
    const len = 5 + Math.floor(rnd() * 76);
    return Array.from({ length: len }, () => `t${Math.floor(1 / (rnd() * 0.999 + 0.001)) - 1}`);
  });
}

/** The corpus cut into segments at `cuts`, with `deleted` documents (corpus positions) left out. */
function segmentsOf(docsIn: string[][], cuts: number[], deleted: Set<number>): { segments: Bm25Segment[]; globalOf: Map<number, number> } {
  const segments: Bm25Segment[] = [];
  const globalOf = new Map<number, number>();
  let base = 0;
  const bounds = [0, ...cuts, docsIn.length];
  for (let s = 0; s + 1 < bounds.length; s++) {
    const part = docsIn.slice(bounds[s], bounds[s + 1]);
    const bm25 = Bm25Index.build(part);
    const toGlobal = new Int32Array(part.length);
    const toLocal: number[] = [];
    let live = 0;
    part.forEach((_, l) => {
      if (deleted.has(bounds[s] + l)) toGlobal[l] = -1;
      else {
        toGlobal[l] = base + live;
        globalOf.set(bounds[s] + l, base + live);
        toLocal.push(l);
        live++;
      }
    });
    const anyDeleted = live < part.length;
    segments.push({ bm25, base, live, ...(anyDeleted ? { toGlobal, toLocal: Uint32Array.from(toLocal) } : {}) });
    base += live;
  }
  return { segments, globalOf };
}

describe('SegmentedBm25 top k (MaxScore over block bounds)', () => {
  const rnd = seededRandom(15);
  const docsIn = corpus(6000, rnd);
  const queries = Array.from({ length: 60 }, () =>
    Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => `t${Math.floor(1 / (rnd() * 0.999 + 0.001)) - 1}`),
  );
  // A query of common terms only, and one whose terms repeat.
  queries.push(['t0', 't1', 't2'], ['t3', 't3', 't40', 't0']);
  const layouts: Array<[string, number[], Set<number>]> = [
    ['one segment', [], new Set()],
    ['three segments', [1000, 3500], new Set()],
    ['four segments with deletions', [700, 2000, 4100], new Set(Array.from({ length: 600 }, () => Math.floor(rnd() * docsIn.length)))],
  ];
  for (const [name, cuts, deleted] of layouts) {
    it(`returns exactly what scoring every candidate returns: ${name}`, () => {
      const { segments } = segmentsOf(docsIn, cuts, deleted);
      const bm25 = new SegmentedBm25(segments);
      const odd = (d: number) => d % 2 === 1;
      for (const q of queries) {
        // The reference's k best are its 30 best cut short (it sorts every candidate).
        const all = referenceSearch(segments, q, 30);
        const allOdd = referenceSearch(segments, q, 30, odd);
        for (const k of [1, 10, 30]) {
          expect(bm25.search(q, k)).toEqual(all.slice(0, k));
          expect(bm25.search(q, k, odd)).toEqual(allOdd.slice(0, k));
        }
      }
    });
  }
  it('scores the same however the corpus is split', () => {
    const one = segmentsOf(docsIn, [], new Set());
    const four = segmentsOf(docsIn, [700, 2000, 4100], new Set());
    const a = new SegmentedBm25(one.segments);
    const b = new SegmentedBm25(four.segments);
    for (const q of queries.slice(0, 20)) expect(b.search(q, 30)).toEqual(a.search(q, 30));
  });
  // Ten segments of uneven sizes, the largest last (searched first), and some deletions: each
  // search starts from the k best of the segments searched before it, which must change nothing.
  const tenCuts = [150, 400, 500, 900, 1300, 1450, 2000, 2300, 2600];
  it('returns the same hits and scores from ten segments as from one, filter and deletions included', () => {
    const deleted = new Set(Array.from({ length: 300 }, () => Math.floor(rnd() * docsIn.length)));
    const one = segmentsOf(docsIn, [], deleted).segments;
    const ten = segmentsOf(docsIn, tenCuts, deleted).segments;
    expect(ten).toHaveLength(10);
    const a = new SegmentedBm25(one);
    const b = new SegmentedBm25(ten);
    const filters: Array<((d: number) => boolean) | undefined> = [undefined, (d) => d % 3 === 0, (d) => d >= 4000];
    for (const q of queries)
      for (const filter of filters)
        for (const k of [1, 10, 30]) {
          const expected = referenceSearch(one, q, k, filter);
          expect(a.search(q, k, filter)).toEqual(expected);
          expect(b.search(q, k, filter)).toEqual(expected);
        }
  });
  it('samples a pruning floor only until the top k is full, not in every segment', () => {
    const ten = new SegmentedBm25(segmentsOf(docsIn, tenCuts, new Set()).segments);
    const stats: Bm25SearchStats = { terms: 0, commonTerms: 0, postings: 0, candidates: 0, scored: 0, sampled: 0 };
    // Rare-term queries whose first (largest) segment alone holds ten matches.
    const full = queries.filter((q) => new SegmentedBm25([segmentsOf(docsIn, tenCuts, new Set()).segments[9]]).search(q, 10).length === 10);
    expect(full.length).toBeGreaterThan(5);
    for (const q of full) ten.search(q, 10, undefined, stats);
    // 256 documents a search at most: the largest segment's sample, none from the nine after it.
    expect(stats.sampled).toBeGreaterThan(0);
    expect(stats.sampled).toBeLessThanOrEqual(256 * full.length);
  });
  it('scores fewer documents than it draws candidates from once the top k fills', () => {
    const bm25 = new SegmentedBm25(segmentsOf(docsIn, [], new Set()).segments);
    const stats: Bm25SearchStats = { terms: 0, commonTerms: 0, postings: 0, candidates: 0, scored: 0, sampled: 0 };
    for (const q of queries) bm25.search(q, 10, undefined, stats);
    expect(stats.scored).toBeGreaterThan(0);
    expect(stats.candidates).toBeLessThan(stats.postings);
    expect(stats.scored).toBeLessThan(stats.candidates);
  });
});

describe('SegmentedBm25 concepts (an English word’s translations scored as one)', () => {
  const rnd = seededRandom(16);
  const docsIn = corpus(6000, rnd);
  const term = () => `t${Math.floor(1 / (rnd() * 0.999 + 0.001)) - 1}`;
  // Concepts of 1–6 alternatives of 1–4 terms (a translation analysed: its word, characters and bigrams).
  const queries = Array.from({ length: 40 }, () => ({
    terms: Array.from({ length: Math.floor(rnd() * 4) }, term),
    concepts: Array.from({ length: 1 + Math.floor(rnd() * 8) }, () =>
      Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => Array.from({ length: 1 + Math.floor(rnd() * 4) }, term)),
    ),
  }));
  // Only common terms in the concepts, and a term shared by two concepts and repeated in an alternative.
  queries.push({ terms: [], concepts: [[['t0'], ['t1', 't2']]] });
  queries.push({
    terms: ['t30'],
    concepts: [
      [['t30', 't30', 't1'], ['t55']],
      [['t30'], ['t7', 't900']],
    ],
  });
  const layouts: Array<[string, number[], Set<number>]> = [
    ['one segment', [], new Set()],
    ['four segments with deletions', [700, 2000, 4100], new Set(Array.from({ length: 600 }, () => Math.floor(rnd() * docsIn.length)))],
  ];
  for (const [name, cuts, deleted] of layouts)
    for (const tie of [0, 0.1])
      it(`returns exactly what scoring every candidate returns: ${name}, tie ${tie}`, () => {
        const { segments } = segmentsOf(docsIn, cuts, deleted);
        const bm25 = new SegmentedBm25(segments);
        const odd = (d: number) => d % 2 === 1;
        for (const q of queries) {
          const query = { ...q, tie };
          const all = referenceConceptSearch(segments, query, 30);
          const allOdd = referenceConceptSearch(segments, query, 30, odd);
          for (const k of [1, 10, 30]) {
            expect(bm25.search(query, k)).toEqual(all.slice(0, k));
            expect(bm25.search(query, k, odd)).toEqual(allOdd.slice(0, k));
          }
          // A filter listing its documents has them scored directly: the same hits.
          const kept = Object.assign((d: number) => d % 50 === 0, { kept: Array.from({ length: 120 }, (_, j) => j * 50) });
          expect(bm25.search(query, 10, kept)).toEqual(referenceConceptSearch(segments, query, 10, kept));
        }
      });
  it('rescores the depth best documents of a first query by the full concepts (whichever terms found them)', () => {
    const { segments } = segmentsOf(docsIn, [700, 2000, 4100], new Set([5, 800, 2500]));
    const bm25 = new SegmentedBm25(segments);
    for (const q of queries.slice(0, 20)) {
      // The first query's concepts without their rarest-numbered term per alternative (where it has several).
      const first = { terms: q.terms, concepts: q.concepts.map((alts) => alts.map((a) => (a.length > 1 ? a.slice(1) : a))) };
      for (const depth of [10, 40]) {
        const found = new Set(referenceConceptSearch(segments, first, depth).map((h) => h.chunk));
        const expected = referenceConceptSearch(segments, q, 10, undefined, found);
        expect(bm25.search({ ...first, rescore: { depth, concepts: q.concepts } }, 10)).toEqual(expected);
      }
    }
  });
  it('scores a document by its best alternative, not their sum (tie 0), and by a share of the others with a tie', () => {
    const small = whole(Bm25Index.build(docs));
    // Document 0 holds 安全 (twice) and 生产; document 2 holds 安全 and 检查.
    const sum = small.search(['安全', '生产'], 4);
    const best = small.search({ terms: [], concepts: [[['安全'], ['生产']]] }, 4);
    const scoreOf = (hits: Array<{ chunk: number; score: number }>, d: number) => hits.find((h) => h.chunk === d)!.score;
    const [safety, production] = [small.search(['安全'], 4), small.search(['生产'], 4)];
    expect(best.map((h) => h.chunk).sort()).toEqual([0, 2]);
    expect(scoreOf(best, 0)).toBe(Math.max(scoreOf(safety, 0), scoreOf(production, 0)));
    expect(scoreOf(best, 2)).toBe(scoreOf(safety, 2));
    expect(sum[0].score).toBeGreaterThan(best[0].score);
    const tied = small.search({ terms: [], concepts: [[['安全'], ['生产']]], tie: 0.5 }, 4);
    expect(tied[0].score).toBeGreaterThan(best[0].score);
    expect(tied[0].score).toBeLessThan(sum[0].score);
  });
  it('treats a concept of one single-term alternative as that term on its own', () => {
    const bm25 = new SegmentedBm25(segmentsOf(docsIn, [], new Set()).segments);
    for (const q of [['t3'], ['t3', 't40', 't3']]) {
      const asConcepts = { terms: [], concepts: [...new Set(q)].map((t) => [q.filter((x) => x === t)]) };
      expect(bm25.search(asConcepts, 10)).toEqual(bm25.search(q, 10));
    }
  });
});

describe('postings over more than 65,536 documents (stored as 16-bit lows in spans)', () => {
  // 140,000 short documents: three spans. 'far' sits in documents more than a span apart; 'all' in
  // every one; the rest Zipf-like. Document 3 repeats 'rep' 300 times (its tf is clamped at 255).
  const rnd = seededRandom(65536);
  const n = 140_000;
  const far = new Set([5, 70_000, 70_001, 139_999]);
  const docsIn = Array.from({ length: n }, (_, d) => {
    const doc = Array.from({ length: 2 + Math.floor(rnd() * 6) }, () => `t${Math.floor(1 / (rnd() * 0.999 + 0.001)) - 1}`);
    doc.push('all');
    if (far.has(d)) doc.push('far');
    if (d % 65_536 === 0 || d % 65_536 === 65_535) doc.push('edge');
    return doc;
  });
  docsIn[3].push(...Array.from({ length: 300 }, () => 'rep'));
  docsIn[100_000].push('rep', 'rep');
  const index = Bm25Index.build(docsIn);
  const queries = [
    ['far'],
    ['edge'],
    ['far', 'edge', 't3'],
    ['all', 't40'],
    ['t7', 't90', 't2000', 'all'],
    ['rep'],
    ['t1', 't2', 't3', 't4', 't5'],
  ];
  it('decodes every posting list to its documents', () => {
    expect(index.spans).toBe(3);
    expect(Array.from(index.postings('far')!)).toEqual([...far]);
    expect(Array.from(index.postings('edge')!)).toEqual([0, 65_535, 65_536, 131_071, 131_072]);
    expect(index.postings('all')!.length).toBe(n);
    const id = index.termId('far')!;
    expect([0, 1, 2, 3].map((j) => index.docAt(id, index.offsets[id] + j))).toEqual([...far]);
    expect(index.find(id, 70_001)).toBe(index.offsets[id] + 2);
    expect(index.find(id, 70_002)).toBe(-1);
    expect(index.seek(id, index.offsets[id], index.offsets[id + 1], 70_002)).toBe(index.offsets[id] + 3);
  });
  it('gallops to the same posting a binary search finds', () => {
    for (const term of ['far', 'edge', 'all', 't3', 't40']) {
      const id = index.termId(term)!;
      const [from, to] = [index.offsets[id], index.offsets[id + 1]];
      for (let j = 0; j < 300; j++) {
        const start = from + Math.floor(rnd() * (to - from + 1));
        const doc = Math.floor(rnd() * (n + 70_000));
        expect(index.seekNear(id, start, to, doc)).toBe(index.seek(id, start, to, doc));
      }
    }
  });
  it('clamps a term frequency at 255', () => {
    const id = index.termId('rep')!;
    expect(Array.from(index.tfs.subarray(index.offsets[id], index.offsets[id + 1]))).toEqual([255, 2]);
  });
  it('returns what scoring every candidate returns, with deletions, filters and kept lists', () => {
    const deleted = new Set([70_000, 4, 131_072, ...Array.from({ length: 2000 }, () => Math.floor(rnd() * n))]);
    for (const [cuts, gone] of [
      [[], new Set<number>()],
      [[], deleted],
      [[60_000], deleted],
    ] as Array<[number[], Set<number>]>) {
      const { segments } = segmentsOf(docsIn, cuts, gone);
      const bm25 = new SegmentedBm25(segments);
      const kept = Uint32Array.from({ length: 500 }, (_, j) => j * 271);
      const keptFilter = Object.assign((d: number) => d % 271 === 0 && d / 271 < 500, { kept });
      for (const q of queries)
        for (const k of [1, 10]) {
          expect(bm25.search(q, k)).toEqual(referenceSearch(segments, q, k));
          expect(bm25.search(q, k, (d) => d >= 65_000)).toEqual(referenceSearch(segments, q, k, (d) => d >= 65_000));
          expect(bm25.search(q, k, keptFilter)).toEqual(referenceSearch(segments, q, k, keptFilter));
        }
      for (const term of ['far', 'edge', 't3']) {
        const live = referenceSearch(segments, [term], n).length;
        expect(bm25.documentCount(term)).toBe(live);
        expect(bm25.postings(term)!.length).toBe(live);
      }
    }
  });
  it('round-trips through its binary form', () => {
    const loaded = Bm25Index.deserialise(index.serialise());
    expect(Array.from(loaded.spanStarts)).toEqual(Array.from(index.spanStarts));
    for (const q of queries) expect(whole(loaded).search(q, 10)).toEqual(whole(index).search(q, 10));
  });
});
