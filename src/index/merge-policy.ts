/**
 * Which segments to merge: a tiered policy in the manner of Lucene's TieredMergePolicy. Segments
 * are grouped into tiers by live size (each tier `mergeFactor` times the one below, everything
 * under `floorChunks` in the lowest); a tier holding `segmentsPerTier` or more segments merges its
 * `mergeFactor` smallest into one. Small segments (one a day's reports) are thus merged often and
 * cheaply, large ones rarely, and the segment count stays logarithmic in the corpus size. A segment
 * with more than `maxDeletedShare` of its chunks deleted is rewritten (merged alone) to drop them.
 */

export interface SegmentSize {
  id: string;
  /** Chunks stored, deleted ones included. */
  chunks: number;
  /** Chunks not deleted. */
  live: number;
}

export interface MergePolicy {
  segmentsPerTier: number;
  mergeFactor: number;
  floorChunks: number;
  /** Never produce a merged segment bigger than this (live chunks); bigger segments are left alone. */
  maxMergedChunks: number;
  maxDeletedShare: number;
}

/**
 * The largest segment a build writes or a merge makes (chunks). A segment is built in one worker
 * thread, whose heap holds the segment's BM25 analysis and graph: the 1,000,000-chunk bench's two
 * 500,000-chunk segments ran a worker out of its heap (ERR_WORKER_OUT_OF_MEMORY), while 100,000-chunk
 * segments peak near 1.2 GB a worker. Larger archives therefore stay several segments.
 */
export const MAX_SEGMENT_CHUNKS = 200_000;

export const DEFAULT_MERGE_POLICY: MergePolicy = {
  segmentsPerTier: 10,
  mergeFactor: 10,
  floorChunks: 2000,
  maxMergedChunks: MAX_SEGMENT_CHUNKS,
  maxDeletedShare: 0.33,
};

function tierOf(live: number, p: MergePolicy): number {
  if (live <= p.floorChunks) return 0;
  return Math.floor(Math.log(live / p.floorChunks) / Math.log(p.mergeFactor)) + 1;
}

/** The next merge to run (segment ids, in index order), or undefined when the segments are in shape. */
export function nextMerge(segments: readonly SegmentSize[], policy: MergePolicy = DEFAULT_MERGE_POLICY): string[] | undefined {
  const order = new Map(segments.map((s, i) => [s.id, i]));
  const inOrder = (ids: string[]) => ids.sort((a, b) => order.get(a)! - order.get(b)!);
  const tiers = new Map<number, SegmentSize[]>();
  for (const s of segments) {
    const t = tierOf(s.live, policy);
    tiers.set(t, [...(tiers.get(t) ?? []), s]);
  }
  for (const t of [...tiers.keys()].sort((a, b) => a - b)) {
    const members = tiers.get(t)!;
    if (members.length < policy.segmentsPerTier) continue;
    const smallest = [...members].sort((a, b) => a.live - b.live || order.get(a.id)! - order.get(b.id)!).slice(0, policy.mergeFactor);
    if (smallest.reduce((n, s) => n + s.live, 0) <= policy.maxMergedChunks) return inOrder(smallest.map((s) => s.id));
  }
  const worn = segments.find((s) => s.chunks > 0 && (s.chunks - s.live) / s.chunks > policy.maxDeletedShare);
  return worn ? [worn.id] : undefined;
}
