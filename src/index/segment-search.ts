/**
 * Dense search over several segments: how much of the graph walk each segment gets, and the merge.
 *
 * A segment's own `ef` (`efSearchFor(its size)`) is sized to find its own top k. Over several
 * segments the merged top k is shared among them, about k·(live share) each, so each is searched
 * with `own ef × √(expected/k)`, where `expected` is the segment's count among the merged top k if
 * chunks fall into segments at random (binomial mean + 2 SD, at most k). A segment that turns out to
 * hold more of the merged top k than that (segments of one period answer questions about it) is
 * searched again at its own ef, so a question whose answers sit in one segment is searched as well
 * as before. One segment is searched exactly as before (share 1, own ef).
 *
 * Measured (bench/FINDINGS.md, 50,000 chunks, 200 questions, recall@10 against exact search): ten
 * segments 0.9885 at a summed ef of ~1,100 a question against 0.9975 at ~1,770 with every segment at
 * its own ef; two segments 0.9915 at ~430 against 0.9925 at 470. Splitting one index's ef by share
 * alone (ten segments at ef 27) falls to 0.91: these vectors' flat similarities need long walks.
 */
import type { ChunkHit } from './types.ts';

/** Standard deviations above the expected count a segment's ef is sized for. */
export const SHARE_MARGIN_SD = 2;

export interface SegmentToSearch {
  /** Live chunks. */
  live: number;
  /** The ef sized for the segment alone. */
  ownEf: number;
  /** Best first, local numbers; `ef` for this search only. */
  search(vector: number[], k: number, filter: ((local: number) => boolean) | undefined, ef: number): ChunkHit[];
  /** Local → global chunk number. */
  globalOf(local: number): number;
}

export interface SegmentShare {
  /** The count among the merged top k the ef is sized for. */
  expected: number;
  ef: number;
}

/** Each segment's share of a search for the top `k` (pure). */
export function planSegmentSearch(segments: ReadonlyArray<{ live: number; ownEf: number }>, k: number): SegmentShare[] {
  const total = segments.reduce((s, g) => s + g.live, 0);
  return segments.map(({ live, ownEf }) => {
    const p = total > 0 ? live / total : 0;
    const expected = Math.min(k, k * p + SHARE_MARGIN_SD * Math.sqrt(k * p * (1 - p)));
    const ef = Math.min(ownEf, Math.max(k, Math.ceil(ownEf * Math.sqrt(expected / k))));
    return { expected, ef };
  });
}

/**
 * Segments to search again at their own ef (pure): those holding more of the merged top k than
 * planned, and, when the merge came back short of k (a strict filter starves a short walk), those
 * that returned fewer than k.
 */
export function segmentsToWiden(
  plan: readonly SegmentShare[],
  ownEf: readonly number[],
  counts: readonly number[],
  returned: readonly number[],
  k: number,
): number[] {
  const short = returned.reduce((a, b) => a + b, 0) < k;
  const out: number[] = [];
  plan.forEach((s, i) => {
    if (s.ef < ownEf[i] && (counts[i] > s.expected || (short && returned[i] < k))) out.push(i);
  });
  return out;
}

/** One segment's search: which, and at what ef. */
export interface SegmentRequest {
  segment: number;
  ef: number;
}

/**
 * Starts several segments' searches and returns the function that completes them and returns each
 * one's hits (global chunk numbers, best first). The default runs them one after another on this
 * thread when completed; the loader starts its search thread's share at once and runs this thread's
 * share when completed (search-thread.ts), so the caller may do other work in between (BM25). The
 * hits must be those each segment's own `search` returns.
 */
export type SegmentRunner = (
  requests: readonly SegmentRequest[],
  vector: number[],
  k: number,
  filter: ((global: number) => boolean) | undefined,
) => () => ChunkHit[][];

/** The default runner: each segment's `search` in turn, when completed. */
export function runInTurn(segments: readonly SegmentToSearch[]): SegmentRunner {
  return (requests, vector, k, filter) => () =>
    requests.map(({ segment, ef }) => searchOne(segments[segment], vector, k, filter, ef, segment));
}

/** The top `k` over all segments, global chunk numbers, best first (ties by chunk number). */
export function searchSegments(
  segments: readonly SegmentToSearch[],
  query: Float32Array,
  k: number,
  filter?: (global: number) => boolean,
  run: SegmentRunner = runInTurn(segments),
): ChunkHit[] {
  return beginSegmentSearch(segments, query, k, filter, run)();
}

/**
 * `searchSegments` started now (the runner's first requests under way) and completed by the returned
 * function: what the caller does in between overlaps the search thread's walks.
 */
export function beginSegmentSearch(
  segments: readonly SegmentToSearch[],
  query: Float32Array,
  k: number,
  filter?: (global: number) => boolean,
  run: SegmentRunner = runInTurn(segments),
): () => ChunkHit[] {
  const vector = Array.from(query);
  const plan = planSegmentSearch(segments, k);
  const first: SegmentRequest[] = [];
  segments.forEach((s, i) => {
    if (s.live > 0 && plan[i].ef > 0) first.push({ segment: i, ef: plan[i].ef });
  });
  const found: SegmentHit[][] = segments.map(() => []);
  const tag = (requests: readonly SegmentRequest[], hits: ChunkHit[][]) =>
    hits.forEach((list, j) => {
      const segment = requests[j].segment;
      found[segment] = list.map((h) => ({ chunk: h.chunk, score: h.score, segment }));
    });
  const firstDone = run(first, vector, k, filter);
  return () => {
    tag(first, firstDone());
    let top = mergeTop(found, k);
    const counts = segments.map(() => 0);
    for (const h of top) counts[h.segment]++;
    const widen = segmentsToWiden(
      plan,
      segments.map((s) => s.ownEf),
      counts,
      found.map((f, i) => (segments[i].live > 0 ? f.length : k)),
      k,
    );
    if (widen.length) {
      const again = widen.map((i) => ({ segment: i, ef: segments[i].ownEf }));
      tag(again, run(again, vector, k, filter)());
      top = mergeTop(found, k);
    }
    return top.map(({ chunk, score }) => ({ chunk, score }));
  };
}

type SegmentHit = ChunkHit & { segment: number };

function searchOne(
  s: SegmentToSearch,
  vector: number[],
  k: number,
  filter: ((global: number) => boolean) | undefined,
  ef: number,
  segment: number,
): SegmentHit[] {
  if (ef <= 0) return [];
  const local = filter ? (l: number) => filter(s.globalOf(l)) : undefined;
  return s.search(vector, k, local, ef).map((h) => ({ chunk: s.globalOf(h.chunk), score: h.score, segment }));
}

function mergeTop(found: readonly SegmentHit[][], k: number): SegmentHit[] {
  return found
    .flat()
    .sort((a, b) => b.score - a.score || a.chunk - b.chunk)
    .slice(0, k);
}
