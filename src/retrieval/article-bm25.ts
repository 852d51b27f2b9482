/**
 * A whole-article BM25 score of the question's concepts, for re-ranking the few articles retrieval
 * found. The chunk index scores an article by its best window only; counting the question's units
 * over the whole article (with BM25's saturation and length normalisation) credits an article that
 * speaks of the question's subject throughout. Computed on demand for the candidate pool, so it
 * costs no index space and no start-up time.
 */
import { forEachWordUnit, isIdeographRun, unitKind, unitText, type Unit } from '../text/units.ts';
import type { QueryUnits } from './query-units.ts';

/**
 * How often each of `wanted`'s units occurs in the texts (already in search form), as `forEachUnit`
 * would count them. A character or bigram unit is found with `indexOf` (a bigram is two ideographs,
 * so each match is an occurrence `forEachUnit` visits) instead of making a string for every unit of
 * the text: the pool's articles are read whole for every question, and that walk with its
 * allocation was the largest share of ranking's CPU (profiled on seed-dev). Words still need the
 * word pattern's boundaries.
 */
export function unitCounts(texts: readonly string[], wanted: ReadonlySet<Unit>): Map<Unit, number> {
  const counts = new Map<Unit, number>();
  const words = new Set<Unit>();
  for (const u of wanted) {
    if (unitKind(u) === 'word') {
      words.add(u);
      continue;
    }
    const needle = unitText(u);
    // forEachUnit makes character units of ideographs only; no other needle can occur.
    if (!isIdeographRun(needle)) continue;
    let n = 0;
    for (const text of texts) for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) n++;
    if (n) counts.set(u, n);
  }
  if (words.size) {
    const add = (u: Unit) => {
      if (words.has(u)) counts.set(u, (counts.get(u) ?? 0) + 1);
    };
    for (const text of texts) forEachWordUnit(text, add);
  }
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
