/**
 * The BM25 search as it was before MaxScore (every candidate scored into a score per document),
 * kept as the test oracle: SegmentedBm25 must return exactly its documents and float32 scores.
 */
import { COMMON_MIN_DF, COMMON_SHARE } from '../../src/index/bm25.ts';
import type { Bm25Segment } from '../../src/index/segmented-bm25.ts';
import type { ChunkHit } from '../../src/index/types.ts';

/** Corpus-wide BM25 length norms over the live documents of all segments (k1 · (1 − b + b · len / avg)), by global number. */
function corpusNorms(segments: readonly Bm25Segment[]) {
  const { k1, b } = segments[0].bm25.params;
  const n = segments.reduce((s, g) => s + g.live, 0);
  const globalOf = (g: Bm25Segment, l: number) => (g.toGlobal ? g.toGlobal[l] : g.base + l);
  let total = 0;
  for (const g of segments) for (let l = 0; l < g.bm25.size; l++) if (globalOf(g, l) >= 0) total += g.bm25.docLengths[l];
  const avg = n > 0 && total > 0 ? total / n : 1;
  const norm = new Float32Array(n);
  for (const g of segments)
    for (let l = 0; l < g.bm25.size; l++) if (globalOf(g, l) >= 0) norm[globalOf(g, l)] = k1 * (1 - b + (b * g.bm25.docLengths[l]) / avg);
  return { k1, n, globalOf, norm };
}

export function referenceSearch(
  segments: readonly Bm25Segment[],
  queryTerms: readonly string[],
  k: number,
  filter?: (doc: number) => boolean,
): ChunkHit[] {
  const { k1, n, globalOf, norm } = corpusNorms(segments);
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

/**
 * The oracle of a query with concepts (`Bm25Query`): every document holding a finding term (in at
 * most COMMON_SHARE of the documents; the rarest term when none is) scored whole, concept by concept
 * rarest first, each concept its best alternative's sum plus `tie` of the others', summed in float32.
 */
export function referenceConceptSearch(
  segments: readonly Bm25Segment[],
  query: { terms: readonly string[]; concepts: ReadonlyArray<ReadonlyArray<readonly string[]>>; tie?: number },
  k: number,
  filter?: (doc: number) => boolean,
  /** Score these documents instead of the candidates the query's terms find (a rescoring). */
  only?: ReadonlySet<number>,
): ChunkHit[] {
  const { k1, n, globalOf, norm } = corpusNorms(segments);
  // Each known term's live documents with their term frequencies, its df, first-seen order and idf.
  const terms = new Map<string, { tf: Map<number, number>; order: number; idf: number } | null>();
  const term = (t: string) => {
    if (terms.has(t)) return terms.get(t)!;
    const tf = new Map<number, number>();
    let order = -1;
    segments.forEach((g, s) => {
      const id = g.bm25.termId(t);
      if (id === undefined) return;
      if (order < 0) order = s * 2 ** 26 + id;
      const docs = g.bm25.postings(t)!;
      docs.forEach((d, j) => {
        if (globalOf(g, d) >= 0) tf.set(globalOf(g, d), g.bm25.tfs[g.bm25.offsets[id] + j]);
      });
    });
    const out = tf.size ? { tf, order, idf: Math.fround(Math.log(1 + (n - tf.size + 0.5) / (tf.size + 0.5))) } : null;
    terms.set(t, out);
    return out;
  };
  const bag = (list: readonly string[]) => {
    const m = new Map<string, number>();
    for (const t of list) if (term(t)) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const plain = bag(query.terms);
  const concepts = [
    ...[...plain].map(([t, c]) => [new Map([[t, c]])]),
    ...query.concepts.map((c) => c.map(bag).filter((a) => a.size > 0)).filter((c) => c.length > 0),
  ];
  const rarest = (c: Array<Map<string, number>>) =>
    c.flatMap((a) => [...a.keys()]).sort((x, y) => term(x)!.tf.size - term(y)!.tf.size || term(x)!.order - term(y)!.order)[0];
  const rank = (x: string, y: string) => term(x)!.tf.size - term(y)!.tf.size || term(x)!.order - term(y)!.order;
  concepts.sort((x, y) => rank(rarest(x), rarest(y)));
  const all = [...new Set(concepts.flatMap((c) => c.flatMap((a) => [...a.keys()])))].sort(rank);
  const commonDf = Math.max(COMMON_MIN_DF, n * COMMON_SHARE);
  const finders = all.filter((t) => term(t)!.tf.size <= commonDf);
  const candidates = new Set<number>(only);
  if (!only) for (const t of finders.length ? finders : all.slice(0, 1)) for (const d of term(t)!.tf.keys()) candidates.add(d);
  const tie = query.tie ?? 0;
  const hits: ChunkHit[] = [];
  for (const d of candidates) {
    if (filter && !filter(d)) continue;
    let score = 0;
    for (const c of concepts) {
      let best = 0;
      let sum = 0;
      for (const alt of c) {
        let v = 0;
        for (const [t, m] of alt) {
          const tf = term(t)!.tf.get(d) ?? 0;
          if (tf > 0) v += (term(t)!.idf * m * (k1 + 1) * tf) / (tf + norm[d]);
        }
        if (v > best) best = v;
        sum += v;
      }
      if (best > 0) score = Math.fround(score + (tie === 0 ? best : best + tie * (sum - best)));
    }
    hits.push({ chunk: d, score });
  }
  return hits.sort((x, y) => y.score - x.score || x.chunk - y.chunk).slice(0, k);
}
