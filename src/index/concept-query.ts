/**
 * A `LexicalQuery` as BM25 terms: its text analysed into terms that count on their own, each group
 * one concept whose alternatives are its texts analysed one by one. With `rescore`, the chunks are
 * found by the alternatives' words and bigrams alone (a text of several characters is not looked for
 * by its single characters, which are in most chunks between them, nor a group by a one-character
 * text beside longer ones), and the best `rescore` × k of them are scored again with every term and
 * alternative: characters refine a ranking, rarely find a chunk. Measured on xquad-en2zh-dev
 * (first excerpt): 0.755 scoring every term in one search, 0.755 finding by words and bigrams,
 * 0.753 leaving one-character candidates beside longer ones out of the finding too (English BM25
 * alone at 1,000,000 chunks: p95 82 ms every term summed, 36 and 20 ms), 0.733 never scoring characters.
 */
import type { Analyser } from './analyser.ts';
import type { Bm25Query } from './segmented-bm25.ts';
import type { LexicalQuery } from './types.ts';

/** A term of one character (the analyser's unigrams; a bigram, a word or a Latin word is longer). */
const oneCharacter = (term: string) => term.length === 1 || (term.length === 2 && term.codePointAt(0)! > 0xffff);

export function bm25Query(query: LexicalQuery, analyse: Analyser, k: number): Bm25Query {
  const concepts = query.groups.map((group) => group.map((text) => analyse(text)));
  const base: Bm25Query = { terms: analyse(query.text), concepts, ...(query.tie ? { tie: query.tie } : {}) };
  if (!query.rescore) return base;
  // An alternative of single characters only (a one-character translation) keeps them: they are its words.
  // A one-character candidate (中 for "middle") finds chunks only for a word with no longer one.
  const words = concepts.map((alts) => {
    const longer = alts.filter((terms) => !terms.every(oneCharacter));
    return longer.length ? longer.map((terms) => terms.filter((t) => !oneCharacter(t))) : alts;
  });
  return { ...base, concepts: words, rescore: { depth: Math.ceil(k * query.rescore), concepts } };
}
