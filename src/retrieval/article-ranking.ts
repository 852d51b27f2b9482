/**
 * From fused chunk hits to candidate articles: distinct articles in fused order, re-ranked with how
 * much of the question each covers as a whole (character units match where the BM25 words and the
 * n-gram vectors miss) and with whole-article BM25. The candidates' passages are what the answer is
 * chosen from.
 */
import type { Article } from '../corpus/types.ts';
import { toSearchForm } from '../text/search-form.ts';
import type { FusedHit } from './fusion.ts';
import type { CandidateArticle } from './answer-select.ts';
import { articleBm25 } from './article-bm25.ts';
import { matchedWeight, type QueryUnits } from './query-units.ts';
import { unitsOf, type ReportsState } from './reports-state.ts';

export interface ArticleRanking {
  /** Articles taken from the fused list before re-ranking (default 15). */
  pool: number;
  /** Articles kept as candidates (default 6). */
  candidates: number;
  /**
   * Weight of an article's coverage of the question (IDF-weighted character units of the whole
   * article) against its fused retrieval score, which only sees the article's best chunk. Measured
   * with BM25 ranking alone (built-in embedder), first excerpt cmrc / drcd / xquad: 0 → 0.3 gives
   * 0.903 / 0.946 / 0.724 → 0.902 / 0.947 / 0.733; 0.5 and 0.8 gain less.
   */
  coverage: number;
  /**
   * Whole-article BM25 (normalised over the pool). Measured, first excerpt cmrc / drcd / xquad:
   * 0 → 0.2 gives 0.903 / 0.9486 / 0.733 → 0.903 / 0.9492 / 0.734; 0.3 and 0.5 help xquad more
   * (0.739) but cost drcd.
   */
  bm25: number;
}

export const DEFAULT_ARTICLE_RANKING: ArticleRanking = { pool: 15, candidates: 6, coverage: 0.3, bm25: 0.2 };

export type Candidate = CandidateArticle & { article: Article };

/** The candidate articles for a question, best first, each with its retrieval score (its score / the best candidate's, 0–1). */
export function rankArticles(
  state: ReportsState,
  hits: readonly FusedHit[],
  query: QueryUnits,
  opts: ArticleRanking = DEFAULT_ARTICLE_RANKING,
): Candidate[] {
  const { index } = state;
  const fusedOf = new Map<string, number>();
  const top = hits[0]?.score || 1;
  for (const h of hits) {
    const id = index.chunks[h.chunk].articleId;
    if (!fusedOf.has(id)) fusedOf.set(id, h.score / top);
    if (fusedOf.size >= opts.pool) break;
  }
  const hitsOf = new Map<string, Array<{ start: number; end: number; score: number }>>();
  for (const h of hits) {
    const c = index.chunks[h.chunk];
    const list = hitsOf.get(c.articleId) ?? [];
    list.push({ start: c.start, end: c.end, score: h.score / top });
    hitsOf.set(c.articleId, list);
  }
  const docScores = new Map<string, number>();
  if (opts.bm25 > 0) {
    for (const id of fusedOf.keys()) {
      const a = index.articleById.get(id);
      const texts = [toSearchForm(a?.headline ?? ''), ...state.passagesOf(id).map((p) => p.norm)];
      docScores.set(id, articleBm25(query, texts, a?.body.length ?? 0, state.avgLength));
    }
  }
  const docTop = Math.max(0, ...docScores.values()) || 1;
  const ranked = [...fusedOf].map(([id, fused]) => {
    const cover = opts.coverage > 0 && query.total > 0 ? matchedWeight(query, state.articleUnits(id)) / query.total : 0;
    return { id, score: fused + opts.coverage * cover + (opts.bm25 * (docScores.get(id) ?? 0)) / docTop };
  });
  ranked.sort((a, b) => b.score - a.score);
  const bestScore = ranked[0]?.score || 1;
  return ranked.slice(0, opts.candidates).map(({ id, score }) => {
    const article = index.articleById.get(id)!;
    return {
      articleId: id,
      article,
      passages: state.passagesOf(id),
      retrievalScore: score / bestScore,
      people: article.people.map((p) => p.name),
      headlineUnits: unitsOf(article.headline),
      hits: hitsOf.get(id) ?? [],
    };
  });
}
