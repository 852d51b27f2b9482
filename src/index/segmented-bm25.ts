/**
 * BM25 over several segments as if they were one index: document frequencies, the document count
 * and the average length are taken over the live documents of all segments (deleted ones left out),
 * so a score does not depend on how the corpus is split into segments. Scoring follows
 * `Bm25Index.search` step for step (rarest term first, ties by first-seen term, the same float32
 * weights and length normalisers), so one segment scores exactly as `Bm25Index` does and the same
 * corpus split into several segments scores exactly as it does in one.
 */
import { COMMON_MIN_DF, COMMON_SHARE, lowerBound, topK, type Bm25Index, type Bm25Params } from './bm25.ts';
import type { ChunkHit } from './types.ts';

/** One segment's postings and where its live documents sit in the global numbering. */
export interface Bm25Segment {
  bm25: Bm25Index;
  /** Global number of the segment's first live document. */
  base: number;
  /** Local document → global number, -1 when deleted; undefined when nothing is deleted (global = base + local). */
  toGlobal?: Int32Array;
  /** Global − base → local document; undefined when nothing is deleted. */
  toLocal?: Uint32Array;
  /** Live documents. */
  live: number;
}

interface TermInfo {
  /** Live documents containing the term, over all segments. */
  df: number;
  /** First-seen order over the whole corpus: (first segment holding it, its id there). */
  order: number;
  idf: number;
}

export class SegmentedBm25 {
  readonly size: number;
  private readonly norm: Float32Array;
  private readonly scores: Float32Array;
  private readonly touched: Uint32Array;
  private readonly info = new Map<string, TermInfo | null>();
  readonly params: Bm25Params;

  constructor(private readonly segments: readonly Bm25Segment[]) {
    this.params = segments[0]?.bm25.params ?? { k1: 1.2, b: 0.75 };
    const n = segments.reduce((s, g) => s + g.live, 0);
    this.size = n;
    let total = 0;
    for (const g of segments) forLive(g, (local) => (total += g.bm25.docLengths[local]));
    const avg = n > 0 && total > 0 ? total / n : 1;
    const { k1, b } = this.params;
    this.norm = new Float32Array(n);
    for (const g of segments) forLive(g, (local, global) => (this.norm[global] = k1 * (1 - b + (b * g.bm25.docLengths[local]) / avg)));
    this.scores = new Float32Array(n);
    this.touched = new Uint32Array(n);
  }

  /** Corpus-wide statistics of a term, computed once (a segment with deletions counts its live postings). */
  private termInfo(term: string): TermInfo | null {
    const known = this.info.get(term);
    if (known !== undefined) return known;
    let df = 0;
    let order = -1;
    const stride = 2 ** 26;
    this.segments.forEach((g, s) => {
      const id = g.bm25.termId(term);
      if (id === undefined) return;
      if (order < 0) order = s * stride + id;
      const from = g.bm25.offsets[id];
      const to = g.bm25.offsets[id + 1];
      if (!g.toGlobal) df += to - from;
      else for (let p = from; p < to; p++) if (g.toGlobal[g.bm25.docIds[p]] >= 0) df++;
    });
    // Same float32 value as Bm25Index's idf table.
    const out = df > 0 ? { df, order, idf: Math.fround(Math.log(1 + (this.size - df + 0.5) / (df + 0.5))) } : null;
    this.info.set(term, out);
    return out;
  }

  /** As `Bm25Index.search`, over every segment; documents are global numbers. */
  search(queryTerms: readonly string[], k: number, filter?: (doc: number) => boolean): ChunkHit[] {
    if (k <= 0 || this.size === 0) return [];
    const weights = new Map<string, number>();
    const infos = new Map<string, TermInfo>();
    for (const term of queryTerms) {
      const info = this.termInfo(term);
      if (!info) continue;
      infos.set(term, info);
      weights.set(term, (weights.get(term) ?? 0) + 1);
    }
    if (weights.size === 0) return [];
    const order = [...weights.keys()].sort((a, b) => infos.get(a)!.df - infos.get(b)!.df || infos.get(a)!.order - infos.get(b)!.order);
    const { scores, touched, norm } = this;
    let nTouched = 0;
    const { k1 } = this.params;
    const commonDf = Math.max(COMMON_MIN_DF, this.size * COMMON_SHARE);
    for (const term of order) {
      const info = infos.get(term)!;
      const w = info.idf * weights.get(term)! * (k1 + 1);
      const onlyFound = nTouched > 0 && info.df > commonDf;
      const foundBefore = nTouched;
      for (const g of this.segments) {
        const id = g.bm25.termId(term);
        if (id === undefined) continue;
        const { docIds, tfs } = g.bm25;
        const from = g.bm25.offsets[id];
        const to = g.bm25.offsets[id + 1];
        if (onlyFound && foundBefore * Math.log2(to - from) < to - from) {
          // Look up the documents found so far that live in this segment (postings are sorted).
          const end = g.base + g.live;
          for (let i = 0; i < foundBefore; i++) {
            const d = touched[i];
            if (d < g.base || d >= end) continue;
            const local = g.toLocal ? g.toLocal[d - g.base] : d - g.base;
            const p = lowerBound(docIds, from, to, local);
            if (p < to && docIds[p] === local) {
              const tf = tfs[p];
              scores[d] += (w * tf) / (tf + norm[d]);
            }
          }
          continue;
        }
        for (let p = from; p < to; p++) {
          const local = docIds[p];
          const d = g.toGlobal ? g.toGlobal[local] : g.base + local;
          if (d < 0) continue;
          if (scores[d] === 0) {
            if (onlyFound) continue;
            touched[nTouched++] = d;
          }
          const tf = tfs[p];
          scores[d] += (w * tf) / (tf + norm[d]);
        }
      }
    }
    const hits = topK(touched.subarray(0, nTouched), scores, k, filter);
    for (let i = 0; i < nTouched; i++) scores[touched[i]] = 0;
    return hits;
  }

  /** Live documents (global numbers, ascending) whose terms include `term`, or undefined when none. */
  postings(term: string): Uint32Array | undefined {
    const only = this.segments.length === 1 ? this.segments[0] : undefined;
    if (only && !only.toGlobal && only.base === 0) return only.bm25.postings(term);
    const parts: Uint32Array[] = [];
    let count = 0;
    for (const g of this.segments) {
      const local = g.bm25.postings(term);
      if (!local) continue;
      const out = new Uint32Array(local.length);
      let n = 0;
      for (const l of local) {
        const d = g.toGlobal ? g.toGlobal[l] : g.base + l;
        if (d >= 0) out[n++] = d;
      }
      if (n) {
        parts.push(out.subarray(0, n));
        count += n;
      }
    }
    if (!count) return undefined;
    const all = new Uint32Array(count);
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    return all;
  }
}

/** Calls `fn(local, global)` for each live document of a segment, in order. */
function forLive(g: Bm25Segment, fn: (local: number, global: number) => void): void {
  const n = g.bm25.size;
  for (let l = 0; l < n; l++) {
    const d = g.toGlobal ? g.toGlobal[l] : g.base + l;
    if (d >= 0) fn(l, d);
  }
}
