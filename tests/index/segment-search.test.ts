import { describe, expect, it } from 'vitest';
import { HnswStore } from '../../src/index/hnsw-store.ts';
import {
  beginSegmentSearch,
  planSegmentSearch,
  runInTurn,
  searchSegments,
  segmentsToWiden,
  type SegmentRunner,
  type SegmentToSearch,
} from '../../src/index/segment-search.ts';
import type { ChunkHit } from '../../src/index/types.ts';

describe('planSegmentSearch', () => {
  it('searches one segment at its own ef', () => {
    expect(planSegmentSearch([{ live: 50_000, ownEf: 266 }], 10)).toEqual([{ expected: 10, ef: 266 }]);
  });

  it('gives each of ten equal segments ef for its expected share of the top k (k·p + 2 SD)', () => {
    const plan = planSegmentSearch(Array(10).fill({ live: 5000, ownEf: 177 }), 10);
    // k·p = 1, SD = √(10·0.1·0.9) ≈ 0.949: expected ≈ 2.90, ef = ⌈177·√0.290⌉ = 96.
    expect(plan[0].expected).toBeCloseTo(2.897, 3);
    expect(plan.map((s) => s.ef)).toEqual(Array(10).fill(96));
  });

  it('keeps ef between k and the segment’s own', () => {
    const plan = planSegmentSearch(
      [
        { live: 1_000_000, ownEf: 450 },
        { live: 10, ownEf: 64 },
        { live: 0, ownEf: 64 },
      ],
      30,
    );
    expect(plan[0].ef).toBe(450);
    expect(plan[1].ef).toBe(30);
    expect(plan[2]).toEqual({ expected: 0, ef: 30 });
  });
});

describe('segmentsToWiden', () => {
  it('searches again a segment holding more of the top k than planned, unless it was at its own ef', () => {
    const plan = [
      { expected: 2.9, ef: 96 },
      { expected: 2.9, ef: 96 },
      { expected: 10, ef: 300 },
    ];
    expect(segmentsToWiden(plan, [177, 177, 300], [7, 2, 1], [10, 10, 10], 10)).toEqual([0]);
    expect(segmentsToWiden(plan, [96, 177, 300], [7, 2, 1], [10, 10, 10], 10)).toEqual([]);
  });

  it('searches again the segments that came back short when the merge holds fewer than k (a strict filter)', () => {
    const plan = [
      { expected: 2.9, ef: 96 },
      { expected: 2.9, ef: 96 },
    ];
    expect(segmentsToWiden(plan, [177, 177], [2, 2], [2, 10], 10)).toEqual([]);
    expect(segmentsToWiden(plan, [177, 177], [2, 2], [2, 3], 10)).toEqual([0, 1]);
  });
});

/** Unit vectors in 2-d at these angles (degrees): cosine similarity falls with the angle between them. */
const at = (deg: number) => Float32Array.of(Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180));

describe('searchSegments', () => {
  function segment(angles: number[], base: number, efs: number[]): SegmentToSearch {
    const store = HnswStore.build(2, angles.length, (i) => at(angles[i]), { M: 16, efConstruction: 200, efSearch: 64 });
    return {
      live: angles.length,
      ownEf: 64,
      search: (v, k, filter, ef) => {
        efs.push(ef);
        return store.search(v, k, filter, ef);
      },
      globalOf: (local) => base + local,
    };
  }
  const exact = (angles: number[], q: number, k: number): ChunkHit[] =>
    angles
      .map((a, chunk) => ({ chunk, score: Math.cos(((a - q) * Math.PI) / 180) }))
      .sort((x, y) => y.score - x.score || x.chunk - y.chunk)
      .slice(0, k);

  it('finds the exact top k when all of it sits in one of ten segments, searching that one again at its own ef', () => {
    // Ten segments of 40 points; segment 3 alone holds the points near 0° (the query at 0.1°, so no two are equally near).
    const angles: number[][] = Array.from({ length: 10 }, (_, s) =>
      Array.from({ length: 40 }, (_, i) => (s === 3 ? (i - 20) * 0.5 : 30 + s * 30 + i * 0.5)),
    );
    const efs: number[] = [];
    const segs = angles.map((a, s) => segment(a, s * 40, efs));
    const hits = searchSegments(segs, at(0.1), 10);
    expect(hits.map((h) => h.chunk)).toEqual(exact(angles.flat(), 0.1, 10).map((h) => h.chunk));
    // Ten planned searches (each below the own ef of 64), then segment 3 again at 64.
    expect(efs.length).toBe(11);
    expect(efs.slice(0, 10).every((ef) => ef < 64)).toBe(true);
    expect(efs[10]).toBe(64);
  });

  it('merges spread results without a second search, and applies the filter to global numbers', () => {
    const angles: number[][] = Array.from({ length: 4 }, (_, s) => Array.from({ length: 30 }, (_, i) => s * 0.9 + i * 4));
    const efs: number[] = [];
    const segs = angles.map((a, s) => segment(a, s * 30, efs));
    const all = angles.flat();
    expect(searchSegments(segs, at(2.1), 4).map((h) => h.chunk)).toEqual(exact(all, 2.1, 4).map((h) => h.chunk));
    expect(efs.length).toBe(4);
    const odd = (g: number) => g % 2 === 1;
    const filtered = searchSegments(segs, at(2.1), 5, odd);
    expect(filtered.every((h) => odd(h.chunk))).toBe(true);
    expect(filtered.map((h) => h.chunk)).toEqual(
      all
        .map((a, chunk) => ({ chunk, score: Math.cos(((a - 2.1) * Math.PI) / 180) }))
        .filter((h) => odd(h.chunk))
        .sort((x, y) => y.score - x.score || x.chunk - y.chunk)
        .slice(0, 5)
        .map((h) => h.chunk),
    );
  });

  it("starts the runner's first requests when begun and completes them when finished, with the hits of searchSegments", () => {
    const angles: number[][] = Array.from({ length: 10 }, (_, s) =>
      Array.from({ length: 40 }, (_, i) => (s === 3 ? (i - 20) * 0.5 : 30 + s * 30 + i * 0.5)),
    );
    const segs = angles.map((a, s) => segment(a, s * 40, []));
    const events: string[] = [];
    const inTurn = runInTurn(segs);
    const run: SegmentRunner = (requests, vector, k, filter) => {
      events.push(`start ${requests.length}`);
      const done = inTurn(requests, vector, k, filter);
      return () => {
        events.push(`complete ${requests.length}`);
        return done();
      };
    };
    const finish = beginSegmentSearch(segs, at(0.1), 10, undefined, run);
    expect(events).toEqual(['start 10']);
    events.push('between');
    const hits = finish();
    // The widening search (segment 3 again) is started and completed within the finish.
    expect(events).toEqual(['start 10', 'between', 'complete 10', 'start 1', 'complete 1']);
    expect(hits).toEqual(searchSegments(segs, at(0.1), 10));
  });
});
