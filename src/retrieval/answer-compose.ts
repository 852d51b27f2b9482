/**
 * Putting an answer together once the passages are scored: the meetings of a day, an abstention
 * with related articles, or a short answer (from a structured fact or the best passage) with up to
 * three numbered citations.
 */
import type { Article, Chunk } from '../corpus/types.ts';
import { splitSentences } from '../text/sentences.ts';
import { cueMatches, type AnswerType } from './answer-cues.ts';
import { shortAnswer, type ScoredPassage } from './answer-select.ts';
import type { Candidate } from './article-ranking.ts';
import { chooseSupports, makeCitation, type Support } from './citations.ts';
import { MAX_EXCERPT } from './excerpt.ts';
import { textDates } from '../corpus/event-dates.ts';
import { toSearchForm } from '../text/search-form.ts';
import { meetingNames } from './day-binding.ts';
import { commonDay, eventsText, type StructuredAnswer } from './structured-answers.ts';
import { parseFilters } from './question/filters.ts';
import type { QueryUnits } from './query-units.ts';
import { unitsOf } from './reports-state.ts';
import { CLOSEST_TEXT, NONE_TEXT, type Answer, type Citation } from './types.ts';

type Composed = Omit<Answer, 'timings_ms'>;

/**
 * "What meetings were held on 1月12日?": each article of the day cited by the first sentence naming the
 * day (a page may report two days' meetings), else its lead sentence; an article whose meeting is dated
 * another day is named by the meeting that sentence names.
 */
export function eventsAnswer(question: string, events: readonly Article[], chunks: readonly Chunk[]): Composed {
  const day = commonDay(events, parseFilters(toSearchForm(question)).filters.monthDay);
  const md = day?.monthDay;
  const daySentence = (a: Article) => {
    const sentences = splitSentences(a.body);
    return (md ? sentences.find((s) => textDates(s.text).some((d) => d.slice(-5) === md)) : undefined) ?? sentences[0];
  };
  const named = events.map((a) => {
    // Only a report whose own meeting is of another day (its date): elsewhere a 会 in the sentence is as often its organiser.
    if (!md || !a.date || !a.meeting || a.date.slice(5) === md) return undefined;
    const s = daySentence(a);
    // The meeting, not who held it: `县政府召开第17次常务会议` → `第17次常务会议`.
    return s
      ? meetingNames(s.text, (t) => t.normalize('NFKC'))[0]?.replace(/^.*(?:召开|举行|举办|召開|舉行|舉辦)/, '') || undefined
      : undefined;
  });
  const citations = events.slice(0, 3).map((a, i) => {
    const lead = daySentence(a);
    const support: Support = { articleId: a.id, start: lead?.start ?? 0, end: lead?.end ?? 0, score: 1 };
    return makeCitation(i + 1, a, support, a.meeting ? [a.meeting] : [], chunks);
  });
  return { question, answer: eventsText(events, 120, day, named), abstained: false, outcome: 'answer', citations, related: [] };
}

/**
 * A refusal, with up to 3 nearest articles (each at its best passage) listed as related, not as
 * support: "closest" when a passage comes near the question but does not answer it, "none" when
 * the reports do not say.
 */
export function abstention(
  question: string,
  outcome: 'closest' | 'none',
  candidates: readonly Candidate[],
  scored: readonly ScoredPassage[],
  chunks: readonly Chunk[],
): Composed {
  const related: Citation[] = candidates.slice(0, 3).map((c, i) => {
    const p = scored.find((s) => s.articleId === c.articleId)?.passage ?? c.passages[0];
    const support: Support = { articleId: c.articleId, start: p?.start ?? 0, end: p?.end ?? 0, score: c.retrievalScore };
    return makeCitation(i + 1, c.article, support, [], chunks);
  });
  return { question, answer: outcome === 'closest' ? CLOSEST_TEXT : NONE_TEXT, abstained: true, outcome, citations: [], related };
}

/**
 * The best passage's support with a neighbour that scores nearly as well (at least `share` of its
 * score, both without the article retrieval score they share), so the excerpt shows both. Measured: first
 * excerpt +0.004 drcd-dev, +0.010 cmrc2018-trial; comparing with that score made every neighbour
 * "near" (at share 0.6 without it: cmrc2018-trial 0.903 → 0.906, others equal).
 */
export function supportWithNeighbour(scored: readonly ScoredPassage[], base: number, share: number): Support | undefined {
  const b = scored[0];
  if (!b) return undefined;
  const support: Support = { articleId: b.articleId, start: b.passage.start, end: b.passage.end, score: b.score };
  if (share <= 0) return support;
  const n = scored.find(
    (s) => s.articleId === b.articleId && Math.abs(s.passage.index - b.passage.index) === 1 && s.score - base >= share * (b.score - base),
  );
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
  fact?: StructuredAnswer;
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
  const ranked: Support[] = [
    p.first,
    ...p.scored.slice(1).map((s) => ({ articleId: s.articleId, start: s.passage.start, end: s.passage.end, score: s.score })),
  ];
  let text: string;
  let highlight: string[];
  if (p.fact) {
    text = p.fact.text;
    highlight = p.fact.highlight ?? p.fact.names;
    const { fact } = p;
    ranked.unshift({
      articleId: fact.articleId,
      start: fact.passage.start,
      end: fact.passage.end,
      score: best ? Math.max(best.score, fact.score) : fact.score,
    });
  } else {
    // The answer is cut from the whole first support: with a neighbour that scored nearly as well,
    // the clause that answers is as likely in either (measured, answer column drcd / cmrc / xquad:
    // 0.845 / 0.802 / 0.595 → 0.881 / 0.831 / 0.646; mean answer 51 → 62 characters, still ≤ 120).
    const merged = p.first.start !== best.passage.start || p.first.end !== best.passage.end;
    const body = p.articleById.get(best.articleId)?.body ?? '';
    const source = merged
      ? { ...best.passage, start: p.first.start, end: p.first.end, text: body.slice(p.first.start, p.first.end) }
      : best.passage;
    const short = shortAnswer(source, p.query, p.answerType, p.questionText, unitsOf);
    text = short.text;
    const cues = cueMatches(p.answerType, short.text, p.question, p.candidates.find((c) => c.articleId === best.articleId)?.people);
    highlight = cues.length ? cues : [short.text];
  }
  const bodyOf = (id: string) => p.articleById.get(id)?.body ?? '';
  const citations = chooseSupports(ranked, bodyOf).map((s, i) =>
    makeCitation(i + 1, p.articleById.get(s.articleId)!, s, i === 0 ? highlight : highlight.filter((h) => h.length < 20), p.chunks),
  );
  return { question: p.question, answer: text, abstained: false, outcome: 'answer', citations, related: [] };
}
