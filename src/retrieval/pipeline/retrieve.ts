/**
 * Stage 2, retrieve: hybrid search (BM25 and dense, under the question's date, year and meeting
 * filters) and the candidate articles re-ranked by how much of the question each covers.
 */
import { rankArticles } from '../article-ranking.ts';
import { hybridSearch } from '../hybrid.ts';
import { lexicalQuery } from '../lexical-query.ts';
import { articlesNaming } from '../question/pinyin-names.ts';
import type { Retrieved, Understood } from './context.ts';

export async function retrieveStage(ctx: Understood): Promise<Retrieved> {
  const { state, profile } = ctx.env;
  const t = performance.now();
  const hybrid = await hybridSearch(
    state.index,
    { text: ctx.searchText, filters: ctx.question.intent.filters, lexical: lexicalQuery(ctx.question, ctx.searchText) },
    { dated: state.dated, withMeetings: state.withMeetings },
    profile.hybrid,
  );
  // Articles printing a name the question gave in pinyin go first.
  const candidates = articlesNaming(rankArticles(state, hybrid.hits, ctx.query, profile.ranking), ctx.question.names ?? []);
  return { ...ctx, hybrid, candidates, retrievedMs: performance.now() - t };
}
