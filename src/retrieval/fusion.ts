/** Fusing ranked lists of chunk hits (dense and BM25) into one ranking. */
import type { ChunkHit } from '../index/types.ts';

export interface FusedHit {
  chunk: number;
  score: number;
  /** 1-based rank in each input list, undefined when absent from it. */
  ranks: Array<number | undefined>;
}

/** Sums each list's contribution per chunk, remembering the chunk's rank in every list. */
function fuse(lists: readonly ChunkHit[][], contribution: (list: number, hit: ChunkHit, rank: number) => number): FusedHit[] {
  const fused = new Map<number, FusedHit>();
  lists.forEach((list, li) => {
    list.forEach((hit, r) => {
      let f = fused.get(hit.chunk);
      if (!f) {
        f = { chunk: hit.chunk, score: 0, ranks: lists.map(() => undefined) };
        fused.set(hit.chunk, f);
      }
      f.ranks[li] = r + 1;
      f.score += contribution(li, hit, r + 1);
    });
  });
  return [...fused.values()].sort((a, b) => b.score - a.score || a.chunk - b.chunk);
}

/** Reciprocal-rank fusion: Σ w_i / (k + rank_i). Robust to the lists' incomparable score scales. */
export function reciprocalRankFusion(lists: readonly ChunkHit[][], k = 60, weights: readonly number[] = []): FusedHit[] {
  return fuse(lists, (li, _hit, rank) => (weights[li] ?? 1) / (k + rank));
}

/** Weighted score fusion: each list's scores divided by its best score, then summed with weights. */
export function scoreFusion(lists: readonly ChunkHit[][], weights: readonly number[] = []): FusedHit[] {
  const tops = lists.map((list) => list[0]?.score ?? 0);
  return fuse(lists, (li, hit) => (tops[li] > 0 ? ((weights[li] ?? 1) * Math.max(0, hit.score)) / tops[li] : 0));
}

/**
 * Drops hits whose chunk overlaps a better hit's chunk of the same article (chunk windows overlap),
 * so one passage does not fill several places.
 */
export function collapseOverlaps(
  hits: readonly FusedHit[],
  span: (chunk: number) => { articleId: string; start: number; end: number },
): FusedHit[] {
  const kept: FusedHit[] = [];
  const taken = new Map<string, Array<[number, number]>>();
  for (const h of hits) {
    const s = span(h.chunk);
    const ranges = taken.get(s.articleId) ?? [];
    if (ranges.some(([a, b]) => s.start < b && a < s.end)) continue;
    ranges.push([s.start, s.end]);
    taken.set(s.articleId, ranges);
    kept.push(h);
  }
  return kept;
}
