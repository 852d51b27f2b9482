/**
 * A whole-article BM25 score of the question's concepts, for re-ranking the few articles retrieval
 * found. The chunk index scores an article by its best window only; counting the question's units
 * over the whole article (with BM25's saturation and length normalisation) credits an article that
 * speaks of the question's subject throughout. Computed on demand for the candidate pool, so it
 * costs no index space and no start-up time.
 */
import { forEachUnit, type Unit } from '../text/units.ts';
import type { QueryUnits } from './query-units.ts';

/** How often each of `wanted`'s units occurs in the texts (already in search form). */
export function unitCounts(texts: readonly string[], wanted: ReadonlySet<Unit>): Map<Unit, number> {
  const counts = new Map<Unit, number>();
  const add = (u: Unit) => {
    if (wanted.has(u)) counts.set(u, (counts.get(u) ?? 0) + 1);
  };
  for (const text of texts) forEachUnit(text, add);
  return counts;
}

export interface ArticleBm25Params {
  k1: number;
  b: number;
}

export const ARTICLE_BM25: ArticleBm25Params = { k1: 1.2, b: 0.75 };

/**
 * BM25 of the query over one article: each concept counts with its weight (IDF × unit kind) and
 * the term frequency of its best alternative (an alternative occurs as often as its rarest unit).
 */
export function articleBm25(
  query: QueryUnits,
  texts: readonly string[],
  length: number,
  avgLength: number,
  params: ArticleBm25Params = ARTICLE_BM25,
): number {
  const wanted = new Set<Unit>();
  for (const c of query.concepts) for (const a of c.alts) for (const u of a.units) wanted.add(u);
  const counts = unitCounts(texts, wanted);
  const norm = params.k1 * (1 - params.b + (params.b * length) / (avgLength || 1));
  let score = 0;
  for (const c of query.concepts) {
    let best = 0;
    for (const a of c.alts) {
      const tf = Math.min(...a.units.map((u) => counts.get(u) ?? 0));
      if (tf > 0) best = Math.max(best, (a.weight * tf * (params.k1 + 1)) / (tf + norm));
    }
    score += best;
  }
  return score;
}
