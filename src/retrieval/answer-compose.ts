/**
 * Putting an answer together once the passages are scored: the meetings of a day, an abstention
 * with related articles, or a short answer (from a structured fact or the best passage) with up to
 * three numbered citations.
 */
import type { Article, Chunk } from '../corpus/types.ts';
import { splitSentences } from '../corpus/sentences.ts';
import { ABSTAIN_TEXT } from './abstain.ts';
import { cueMatches, type AnswerType } from './answer-cues.ts';
import { shortAnswer, type ScoredPassage } from './answer-select.ts';
import type { Candidate } from './article-ranking.ts';
import { chooseSupports, makeCitation, type Support } from './citations.ts';
import { MAX_EXCERPT } from './excerpt.ts';
import { eventsText, type FactAnswer } from './facts.ts';
import type { QueryUnits } from './query-units.ts';
import { unitsOf } from './reports-state.ts';
import type { Answer, Citation } from './types.ts';

type Composed = Omit<Answer, 'timings_ms'>;

/** "What meetings were held on 1月12日?": each article of the day cited by its lead sentence. */
export function eventsAnswer(question: string, events: readonly Article[], chunks: readonly Chunk[]): Composed {
  const citations = events.slice(0, 3).map((a, i) => {
    const lead = splitSentences(a.body)[0];
    const support: Support = { articleId: a.id, start: lead?.start ?? 0, end: lead?.end ?? 0, score: 1 };
    return makeCitation(i + 1, a, support, a.meeting ? [a.meeting] : [], chunks);
  });
  return { question, answer: eventsText(events), abstained: false, citations, related: [] };
}

/** The plain abstention, with up to 3 nearest articles listed as related, not as support. */
export function abstention(question: string, candidates: readonly Candidate[], scored: readonly ScoredPassage[], chunks: readonly Chunk[]): Composed {
  const related: Citation[] = candidates.slice(0, 3).map((c, i) => {
    const p = scored.find((s) => s.articleId === c.articleId)?.passage ?? c.passages[0];
    const support: Support = { articleId: c.articleId, start: p?.start ?? 0, end: p?.end ?? 0, score: c.prior };
    return makeCitation(i + 1, c.article, support, [], chunks);
  });
  return { question, answer: ABSTAIN_TEXT, abstained: true, citations: [], related };
}

/**
 * The best passage's support with a neighbour that scores nearly as well (at least `share` of its
 * score, both without the article prior they share), so the excerpt shows both. Measured: first
 * excerpt +0.004 drcd-dev, +0.010 cmrc2018-trial; comparing with the prior made every neighbour
 * "near" (at share 0.6 without it: cmrc2018-trial 0.903 → 0.906, others equal).
 */
export function supportWithNeighbour(scored: readonly ScoredPassage[], base: number, share: number): Support | undefined {
  const b = scored[0];
  if (!b) return undefined;
  const support: Support = { articleId: b.articleId, start: b.passage.start, end: b.passage.end, score: b.score };
  if (share <= 0) return support;
  const n = scored.find((s) => s.articleId === b.articleId && Math.abs(s.passage.index - b.passage.index) === 1 && s.score - base >= share * (b.score - base));
  if (!n) return support;
  const start = Math.min(b.passage.start, n.passage.start);
  const end = Math.max(b.passage.end, n.passage.end);
  return end - start <= MAX_EXCERPT ? { ...support, start, end } : support;
}

export interface AnswerParts {
  question: string;
  scored: readonly ScoredPassage[];
  candidates: readonly Candidate[];
  /** The first support (see `supportWithNeighbour`); the rest follow the passage scores. */
  first: Support;
  fact?: FactAnswer;
  query: QueryUnits;
  answerType: AnswerType;
  /** The question in search form. */
  questionText: string;
  articleById: ReadonlyMap<string, Article>;
  chunks: readonly Chunk[];
}

/** The short answer (a structured fact's, else the best passage's clause) and its citations. */
export function citedAnswer(p: AnswerParts): Composed {
  const best = p.scored[0];
  const ranked: Support[] = [p.first, ...p.scored.slice(1).map((s) => ({ articleId: s.articleId, start: s.passage.start, end: s.passage.end, score: s.score }))];
  let text: string;
  let highlight: string[];
  if (p.fact) {
    text = p.fact.text;
    highlight = p.fact.highlight ?? p.fact.names;
    const { fact } = p;
    ranked.unshift({ articleId: fact.articleId, start: fact.passage.start, end: fact.passage.end, score: best ? Math.max(best.score, fact.score) : fact.score });
  } else {
    // The answer is cut from the whole first support: with a neighbour that scored nearly as well,
    // the clause that answers is as likely in either (measured, answer column drcd / cmrc / xquad:
    // 0.845 / 0.802 / 0.595 → 0.881 / 0.831 / 0.646; mean answer 51 → 62 characters, still ≤ 120).
    const merged = p.first.start !== best.passage.start || p.first.end !== best.passage.end;
    const body = p.articleById.get(best.articleId)?.body ?? '';
    const source = merged ? { ...best.passage, start: p.first.start, end: p.first.end, text: body.slice(p.first.start, p.first.end) } : best.passage;
    const short = shortAnswer(source, p.query, p.answerType, p.questionText, unitsOf);
    text = short.text;
    const cues = cueMatches(p.answerType, short.text, p.question, p.candidates.find((c) => c.articleId === best.articleId)?.people);
    highlight = cues.length ? cues : [short.text];
  }
  const bodyOf = (id: string) => p.articleById.get(id)?.body ?? '';
  const citations = chooseSupports(ranked, bodyOf).map((s, i) =>
    makeCitation(i + 1, p.articleById.get(s.articleId)!, s, i === 0 ? highlight : highlight.filter((h) => h.length < 20), p.chunks),
  );
  return { question: p.question, answer: text, abstained: false, citations, related: [] };
}
