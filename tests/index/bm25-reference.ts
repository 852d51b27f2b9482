/**
 * The BM25 search as it was before MaxScore (every candidate scored into a score per document),
 * kept as the test oracle: SegmentedBm25 must return exactly its documents and float32 scores.
 */
import { COMMON_MIN_DF, COMMON_SHARE } from '../../src/index/bm25.ts';
import type { Bm25Segment } from '../../src/index/segmented-bm25.ts';
import type { ChunkHit } from '../../src/index/types.ts';

export function referenceSearch(
  segments: readonly Bm25Segment[],
  queryTerms: readonly string[],
  k: number,
  filter?: (doc: number) => boolean,
): ChunkHit[] {
  const { k1, b } = segments[0].bm25.params;
  const n = segments.reduce((s, g) => s + g.live, 0);
  const globalOf = (g: Bm25Segment, l: number) => (g.toGlobal ? g.toGlobal[l] : g.base + l);
  let total = 0;
  for (const g of segments) for (let l = 0; l < g.bm25.size; l++) if (globalOf(g, l) >= 0) total += g.bm25.docLengths[l];
  const avg = n > 0 && total > 0 ? total / n : 1;
  const norm = new Float32Array(n);
  for (const g of segments)
    for (let l = 0; l < g.bm25.size; l++) if (globalOf(g, l) >= 0) norm[globalOf(g, l)] = k1 * (1 - b + (b * g.bm25.docLengths[l]) / avg);
  const infos = new Map<string, { df: number; order: number; idf: number }>();
  const info = (term: string) => {
    const known = infos.get(term);
    if (known) return known;
    let df = 0;
    let order = -1;
    segments.forEach((g, s) => {
      const id = g.bm25.termId(term);
      if (id === undefined) return;
      if (order < 0) order = s * 2 ** 26 + id;
      for (const d of g.bm25.postings(term)!) if (globalOf(g, d) >= 0) df++;
    });
    const out = { df, order, idf: Math.fround(Math.log(1 + (n - df + 0.5) / (df + 0.5))) };
    infos.set(term, out);
    return out;
  };
  const weights = new Map<string, number>();
  for (const t of queryTerms) if (info(t).df > 0) weights.set(t, (weights.get(t) ?? 0) + 1);
  const order = [...weights.keys()].sort((x, y) => info(x).df - info(y).df || info(x).order - info(y).order);
  const scores = new Float32Array(n);
  const touched: number[] = [];
  const commonDf = Math.max(COMMON_MIN_DF, n * COMMON_SHARE);
  for (const term of order) {
    const { df, idf } = info(term);
    const w = idf * weights.get(term)! * (k1 + 1);
    const onlyFound = touched.length > 0 && df > commonDf;
    for (const g of segments) {
      const id = g.bm25.termId(term);
      if (id === undefined) continue;
      const docs = g.bm25.postings(term)!;
      for (let p = g.bm25.offsets[id]; p < g.bm25.offsets[id + 1]; p++) {
        const d = globalOf(g, docs[p - g.bm25.offsets[id]]);
        if (d < 0) continue;
        if (scores[d] === 0) {
          if (onlyFound) continue;
          touched.push(d);
        }
        const tf = g.bm25.tfs[p];
        scores[d] += (w * tf) / (tf + norm[d]);
      }
    }
  }
  return touched
    .filter((d) => !filter || filter(d))
    .map((d) => ({ chunk: d, score: scores[d] }))
    .sort((x, y) => y.score - x.score || x.chunk - y.chunk)
    .slice(0, k);
}
