/**
 * What BM25 searches for a question. A Chinese question: its search text, every term on its own.
 * An English (or mixed) question: each translated word or phrase is one concept whose alternatives
 * are its dictionary candidates, so a chunk scores the best candidate it holds, not the sum of
 * every candidate's characters (Lucene's dis-max); the kept numbers and names, and a mixed
 * question's Chinese words, count on their own. A word of ten candidates then weighs, and is bounded
 * by the search, as one word: its candidates' 20–40 terms no longer each find chunks.
 */
import type { LexicalQuery } from '../index/types.ts';
import type { UnderstoodQuestion } from './question/types.ts';

/**
 * Share of a word's other candidates added to its best one's score (Lucene's tie breaker). Measured
 * on xquad-en2zh-dev (first excerpt / right article first): 0 gives 0.750 / 0.773, 0.1 0.755 / 0.782,
 * 0.3 (one search, every term) 0.755 / 0.784; the sum of every candidate's terms (before) 0.746 / 0.772.
 */
export const ENGLISH_TIE = 0.1;
/**
 * Chunks found by the candidates' words and bigrams, this many times the hits asked for, then scored
 * with their characters too (measured on xquad-en2zh-dev: 1 lost 0.002 of the first excerpts, 2 and
 * more score as one search with every term).
 */
export const ENGLISH_RESCORE = 2;

export function lexicalQuery(question: UnderstoodQuestion, searchText: string): string | LexicalQuery {
  if (question.script !== 'en' && question.script !== 'mixed') return searchText;
  // A candidate two groups share (a phrase's and its word's) counts in the first, as the search text listed it once.
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const g of question.groups) {
    const fresh = g.candidates.filter((c) => !seen.has(c));
    for (const c of fresh) seen.add(c);
    if (fresh.length) groups.push(fresh);
  }
  return {
    text: [...(question.han ?? []), ...question.kept].join(' '),
    groups,
    ...(ENGLISH_TIE ? { tie: ENGLISH_TIE } : {}),
    rescore: ENGLISH_RESCORE,
  };
}
