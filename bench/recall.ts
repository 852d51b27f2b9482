/** Recall of approximate neighbours against exact ones. */
import type { ChunkHit } from '../src/index/types.ts';

/**
 * recall@k with ties: an approximate hit counts when it is among the exact top k or scores as
 * high as the exact k-th (within eps); duplicate windows share a score and either one is right.
 */
export function recallAtK(approx: readonly ChunkHit[], exact: readonly ChunkHit[], k: number, eps = 1e-5): number {
  const truth = exact.slice(0, k);
  if (truth.length === 0) return 1;
  const ids = new Set(truth.map((h) => h.chunk));
  const kth = truth[truth.length - 1].score;
  let found = 0;
  for (const h of approx.slice(0, k)) if (ids.has(h.chunk) || h.score >= kth - eps) found++;
  return Math.min(1, found / truth.length);
}
